package no.formidler.stats;

import java.nio.charset.StandardCharsets;
import java.time.YearMonth;
import java.util.List;
import java.util.Optional;
import no.formidler.auth.Caller;
import no.formidler.auth.Organization;
import no.formidler.error.BrokerError;
import no.formidler.error.BrokerException;
import no.formidler.resource.Resource;
import no.formidler.resource.ResourceCatalog;
import no.formidler.transfer.TransferStatistics;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** E13 (docs/compatibility.md §1): the service owner's monthly statistics as CSV, computed from live data. */
@RestController
class MonthlyStatisticsController {
    private final ResourceCatalog resources;
    private final TransferStatistics statistics;

    MonthlyStatisticsController(ResourceCatalog resources, TransferStatistics statistics) {
        this.resources = resources;
        this.statistics = statistics;
    }

    @GetMapping(value = "/broker/api/v1/statistics/monthly", produces = "text/csv")
    ResponseEntity<byte[]> monthly(Caller caller, @RequestParam int year, @RequestParam int month,
                                   @RequestParam(required = false) String resourceId,
                                   @RequestParam(defaultValue = "true") boolean includeEndUser,
                                   @RequestParam(defaultValue = "false") boolean includeVendor) {
        if (year < 1 || year > 9999 || month < 1 || month > 12 || (year == 9999 && month == 12)) {
            throw new BrokerException(BrokerError.INVALID_REPORT_PERIOD);
        }
        if (!includeEndUser && !includeVendor) {
            throw new BrokerException(BrokerError.REPORT_NEEDS_END_USER_OR_VENDOR);
        }
        Organization owner = caller.organization().orElseThrow(BrokerError.NO_ACCESS_TO_RESOURCE::exception);
        Optional<String> only = Optional.ofNullable(resourceId).map(String::trim).filter(id -> !id.isEmpty());
        List<String> resourceIds = only.map(id -> List.of(ownedResource(id, owner).id()))
                .orElseGet(() -> resources.resourceIdsOwnedBy(owner));
        YearMonth period = YearMonth.of(year, month);
        MonthlyReport report = MonthlyReport.of(period, statistics.monthly(resourceIds, period), includeEndUser, includeVendor);
        String fileName = "monthly_statistics_%s_%s.csv".formatted(
                only.map(MonthlyStatisticsController::safeFileName).orElse("all-resources"), period);
        return ResponseEntity.ok()
                .contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(fileName).build().toString())
                .body(report.csv().getBytes(StandardCharsets.UTF_8));
    }

    private Resource ownedResource(String id, Organization owner) {
        Resource resource = resources.find(id).orElseThrow(BrokerError.RESOURCE_NOT_CONFIGURED::exception);
        if (!resource.serviceOwner().equals(owner)) {
            throw BrokerError.NO_ACCESS_TO_RESOURCE.exception();
        }
        return resource;
    }

    /** The reference drops characters that are invalid in file names. */
    private static String safeFileName(String resourceId) {
        return resourceId.replaceAll("[\\\\/:*?\"<>|\\p{Cntrl}]", "");
    }
}
