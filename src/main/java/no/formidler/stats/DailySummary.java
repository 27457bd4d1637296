package no.formidler.stats;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import no.formidler.auth.Organization;
import no.formidler.resource.Resource;
import no.formidler.resource.ResourceCatalog;
import no.formidler.transfer.DailyTransfers;
import no.formidler.transfer.TransferStatistics;
import org.springframework.stereotype.Service;

/**
 * The operators' daily summary over all history: one row per creation day, service owner, sender and resource.
 * Unlike the reference, a transfer counts once however many recipients it has (its recipients are all
 * organisations here, so the recipient type is always Organization).
 */
@Service
class DailySummary {
    private final TransferStatistics statistics;
    private final ResourceCatalog resources;

    DailySummary(TransferStatistics statistics, ResourceCatalog resources) {
        this.statistics = statistics;
        this.resources = resources;
    }

    List<DailySummaryRow> rows() {
        Map<String, Optional<Resource>> resourceCache = new HashMap<>();
        Map<Organization, String> ownerNames = new HashMap<>();
        List<DailySummaryRow> rows = new ArrayList<>();
        for (DailyTransfers day : statistics.daily()) {
            Optional<Resource> resource = resourceCache.computeIfAbsent(day.resourceId(), resources::find);
            String ownerId = resource.map(r -> r.serviceOwner().prefixed()).orElse("Unknown");
            String ownerName = resource.map(r -> ownerNames.computeIfAbsent(r.serviceOwner(),
                            owner -> resources.serviceOwnerName(owner).orElse("Unknown (" + owner.prefixed() + ")")))
                    .orElse("Unknown");
            rows.add(new DailySummaryRow(day.date(), ownerId, ownerName, day.sender().number(), day.resourceId(),
                    "Organization", day.fileTransfers(), day.fileBytes()));
        }
        return rows;
    }
}
