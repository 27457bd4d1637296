package no.formidler.transfer;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import no.formidler.auth.Caller;
import no.formidler.error.ValidationException;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** E1, E4, E5, E6, E8 (docs/compatibility.md §1): initialize, look at, search and confirm file transfers; and withdraw them (extension). */
@RestController
@RequestMapping("/broker/api/v1/filetransfer")
class TransferController {
    private final TransferInitializer initializer;
    private final TransferQueries queries;
    private final DownloadConfirmation confirmation;
    private final TransferCancellation cancellation;

    TransferController(TransferInitializer initializer, TransferQueries queries, DownloadConfirmation confirmation,
                       TransferCancellation cancellation) {
        this.initializer = initializer;
        this.queries = queries;
        this.confirmation = confirmation;
        this.cancellation = cancellation;
    }

    record FileTransferId(UUID fileTransferId) {
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE, produces = MediaType.APPLICATION_JSON_VALUE)
    FileTransferId initialize(Caller caller, @RequestBody InitializeRequest request) {
        return new FileTransferId(initializer.initialize(caller, request));
    }

    @GetMapping(value = "/{fileTransferId}", produces = MediaType.APPLICATION_JSON_VALUE)
    TransferViews.Overview overview(Caller caller, @PathVariable UUID fileTransferId) {
        return queries.overview(caller, fileTransferId);
    }

    @GetMapping(value = "/{fileTransferId}/details", produces = MediaType.APPLICATION_JSON_VALUE)
    TransferViews.Details details(Caller caller, @PathVariable UUID fileTransferId) {
        return queries.details(caller, fileTransferId);
    }

    @GetMapping(produces = MediaType.APPLICATION_JSON_VALUE)
    List<UUID> search(Caller caller, @RequestParam Map<String, String> query) {
        SearchCriteria criteria = SearchParameters.parse(query, TransferQueries.callerOrganization(caller));
        return queries.search(caller, criteria);
    }

    @PostMapping(value = "/{fileTransferId}/confirmdownload", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Void> confirm(Caller caller, @PathVariable UUID fileTransferId) {
        confirmation.confirm(caller, fileTransferId);
        return ResponseEntity.noContent().build();
    }

    /** The body is optional; {@code reason} at most {@link TransferCancellation#MAX_REASON_LENGTH} characters. */
    record CancelRequest(String reason) {
    }

    /** Extension: the sender withdraws the transfer (docs/withdraw-and-notifications.md). */
    @PostMapping(value = "/{fileTransferId}/cancel", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Void> cancel(Caller caller, @PathVariable UUID fileTransferId,
                                @RequestBody(required = false) CancelRequest request) {
        Optional<String> reason = Optional.ofNullable(request).map(CancelRequest::reason).map(String::strip)
                .filter(r -> !r.isEmpty()).map(r -> r.replaceAll("\\p{Cntrl}", " "));
        if (reason.isPresent() && reason.get().length() > TransferCancellation.MAX_REASON_LENGTH) {
            throw ValidationException.of("reason", "The reason can be at most "
                    + TransferCancellation.MAX_REASON_LENGTH + " characters long.");
        }
        cancellation.cancel(caller, fileTransferId, reason);
        return ResponseEntity.noContent().build();
    }
}
