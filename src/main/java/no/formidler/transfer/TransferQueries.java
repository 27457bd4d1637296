package no.formidler.transfer;

import java.util.List;
import java.util.UUID;
import no.formidler.auth.Caller;
import no.formidler.auth.Organization;
import no.formidler.error.BrokerError;
import no.formidler.error.BrokerException;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Overview, details and search: what the sender and the recipients may see of their transfers. */
@Service
class TransferQueries {
    private final TransferRepository transfers;
    private final TransferSearch search;
    private final TransferAccess access;
    private final ObjectProvider<ScanHistory> scans;

    TransferQueries(TransferRepository transfers, TransferSearch search, TransferAccess access,
                    ObjectProvider<ScanHistory> scans) {
        this.transfers = transfers;
        this.search = search;
        this.access = access;
        this.scans = scans;
    }

    @Transactional(readOnly = true)
    TransferViews.Overview overview(Caller caller, UUID id) {
        return TransferViews.overview(visibleTransfer(caller, id));
    }

    @Transactional(readOnly = true)
    TransferViews.Details details(Caller caller, UUID id) {
        FileTransfer transfer = visibleTransfer(caller, id);
        List<ScanHistory.ScanRecordView> scanRecords = scans.stream().flatMap(h -> h.records(id).stream()).toList();
        return TransferViews.details(transfer, transfers.history(id), transfers.recipientHistory(id), scanRecords);
    }

    List<UUID> search(Caller caller, SearchCriteria criteria) {
        access.requireSearch(caller, criteria.resourceId(), criteria.caller());
        return search.find(criteria);
    }

    static Organization callerOrganization(Caller caller) {
        return caller.organization().orElseThrow(() -> new BrokerException(BrokerError.NO_ACCESS_TO_RESOURCE));
    }

    private FileTransfer visibleTransfer(Caller caller, UUID id) {
        FileTransfer transfer = transfers.require(id);
        access.requireParticipant(caller, transfer);
        return transfer;
    }
}
