package no.formidler.upload.tus;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.OptionalLong;
import java.util.UUID;
import java.util.stream.Collectors;
import no.formidler.auth.Caller;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RestController;

/**
 * TUS 1.0.0 (https://tus.io/protocols/resumable-upload) at the reference's URLs (docs/compatibility.md §5.2): {@code
 * /tus/{id}} for a single or final upload, {@code /tus/{id}/partial/{partialId}} and the legacy {@code
 * /tus/{id}/{partialId}} for partial ones. Each verb checks its headers here and hands over to its own class.
 */
@RestController
@RequestMapping(TusController.BASE)
class TusController {
    static final String BASE = "/broker/api/v1/filetransfer/upload/tus";
    static final String EXTENSIONS = "creation,creation-with-upload,termination,checksum,concatenation,expiration";
    private static final DateTimeFormatter HTTP_DATE = DateTimeFormatter.RFC_1123_DATE_TIME.withZone(ZoneOffset.UTC);
    private static final String PARTIAL = "/{transferId}/partial/{partialId}";
    private static final String LEGACY_PARTIAL = "/{transferId}/{partialId}";
    private final TusCreation creation;
    private final TusHead head;
    private final TusPatch patch;
    private final TusTermination termination;
    private final TusProperties properties;

    TusController(TusCreation creation, TusHead head, TusPatch patch, TusTermination termination, TusProperties properties) {
        this.creation = creation;
        this.head = head;
        this.patch = patch;
        this.termination = termination;
        this.properties = properties;
    }

    /** Every response, errors included, names the protocol version (TUS core). */
    @ModelAttribute
    void tusResumable(HttpServletResponse response) {
        response.setHeader("Tus-Resumable", TusHeaders.VERSION);
    }

    @RequestMapping(value = {"", "/{transferId}", PARTIAL, LEGACY_PARTIAL}, method = RequestMethod.OPTIONS)
    ResponseEntity<Void> options() {
        return ResponseEntity.noContent()
                .header("Tus-Version", TusHeaders.VERSION)
                .header("Tus-Extension", EXTENSIONS)
                .header("Tus-Checksum-Algorithm", "md5,sha1,sha256")
                .header("Tus-Max-Size", String.valueOf(properties.maxSize()))
                .build();
    }

    @PostMapping("")
    ResponseEntity<Void> createWithoutTransfer(HttpServletRequest request) {
        TusHeaders.requireVersion(request);
        throw TusError.MISSING_FILE_TRANSFER_ID.exception();
    }

    @PostMapping("/{transferId}")
    ResponseEntity<Void> create(Caller caller, @PathVariable String transferId, HttpServletRequest request) throws IOException {
        TusHeaders.requireVersion(request);
        UUID id = transferId(transferId);
        if (request.getHeader("Upload-Defer-Length") != null) {
            throw TusError.DEFER_LENGTH_NOT_SUPPORTED.exception();
        }
        TusHeaders.Concat concat = TusHeaders.concat(request);
        OptionalLong length = OptionalLong.empty();
        if (concat instanceof TusHeaders.Final) {
            if (request.getHeader("Upload-Length") != null) {
                throw TusError.FINAL_WITH_UPLOAD_LENGTH.exception();
            }
        } else {
            length = OptionalLong.of(TusHeaders.uploadLength(request));
        }
        var checksum = TusHeaders.checksum(request);
        TusUpload upload = creation.create(caller, id, new TusCreation.Request(concat, length, TusHeaders.metadata(request)));
        var response = ResponseEntity.status(HttpStatus.CREATED).header("Location", location(upload));
        if (!upload.finished() && TusHeaders.isOffsetOctetStream(request.getContentType())
                && request.getContentLengthLong() != 0) { // creation-with-upload: the body is the first chunk
            var appended = patch.patch(caller, ref(upload), new TusPatch.Chunk(0, checksum,
                    TusHeaders.contentLength(request), request.getInputStream()));
            response.header("Upload-Offset", String.valueOf(appended.offset()));
            appended.expires().ifPresent(expires -> response.header("Upload-Expires", HTTP_DATE.format(expires)));
        } else if (!upload.finished() || upload.kind() == TusUpload.Kind.PARTIAL) {
            response.header("Upload-Expires", HTTP_DATE.format(upload.expires()));
        }
        return response.build();
    }

    @RequestMapping(value = "/{transferId}", method = RequestMethod.HEAD)
    ResponseEntity<Void> head(Caller caller, @PathVariable String transferId, HttpServletRequest request) {
        TusHeaders.requireVersion(request);
        UUID id = transferId(transferId);
        return headOf(caller, new UploadRef(id, id));
    }

    @RequestMapping(value = {PARTIAL, LEGACY_PARTIAL}, method = RequestMethod.HEAD)
    ResponseEntity<Void> headPartial(Caller caller, @PathVariable String transferId, @PathVariable String partialId,
                                     HttpServletRequest request) {
        TusHeaders.requireVersion(request);
        return headOf(caller, partialRef(transferId, partialId));
    }

    private ResponseEntity<Void> headOf(Caller caller, UploadRef ref) {
        TusUpload upload = head.head(caller, ref);
        var response = ResponseEntity.ok()
                .header("Cache-Control", "no-store")
                .header("Upload-Offset", String.valueOf(upload.offset()))
                .header("Upload-Length", String.valueOf(upload.length()));
        switch (upload.kind()) {
            case PARTIAL -> response.header("Upload-Concat", "partial");
            case FINAL -> response.header("Upload-Concat", "final;" + upload.concatParts().stream()
                    .map(partial -> partialLocation(upload.fileTransferId(), partial)).collect(Collectors.joining(" ")));
            default -> {
            }
        }
        upload.metadata().ifPresent(metadata -> response.header("Upload-Metadata", metadata));
        if (!upload.finished() || upload.kind() == TusUpload.Kind.PARTIAL) {
            response.header("Upload-Expires", HTTP_DATE.format(upload.expires()));
        }
        return response.build();
    }

    @PatchMapping("/{transferId}")
    ResponseEntity<Void> patch(Caller caller, @PathVariable String transferId, HttpServletRequest request) throws IOException {
        TusHeaders.requireVersion(request);
        UUID id = transferId(transferId);
        return patchOf(caller, new UploadRef(id, id), request);
    }

    @PatchMapping({PARTIAL, LEGACY_PARTIAL})
    ResponseEntity<Void> patchPartial(Caller caller, @PathVariable String transferId, @PathVariable String partialId,
                                      HttpServletRequest request) throws IOException {
        TusHeaders.requireVersion(request);
        return patchOf(caller, partialRef(transferId, partialId), request);
    }

    private ResponseEntity<Void> patchOf(Caller caller, UploadRef ref, HttpServletRequest request) throws IOException {
        if (!TusHeaders.isOffsetOctetStream(request.getContentType())) {
            throw TusError.UNSUPPORTED_CONTENT_TYPE.exception();
        }
        if (request.getHeader("Upload-Length") != null) {
            throw TusError.LENGTH_ALREADY_SET.exception();
        }
        long offset = TusHeaders.uploadOffset(request);
        var checksum = TusHeaders.checksum(request);
        var appended = patch.patch(caller, ref, new TusPatch.Chunk(offset, checksum, TusHeaders.contentLength(request),
                request.getInputStream()));
        var response = ResponseEntity.noContent().header("Upload-Offset", String.valueOf(appended.offset()));
        appended.expires().ifPresent(expires -> response.header("Upload-Expires", HTTP_DATE.format(expires)));
        return response.build();
    }

    @DeleteMapping("/{transferId}")
    ResponseEntity<Void> delete(Caller caller, @PathVariable String transferId, HttpServletRequest request) {
        TusHeaders.requireVersion(request);
        UUID id = transferId(transferId);
        termination.terminate(caller, new UploadRef(id, id));
        return ResponseEntity.noContent().build();
    }

    @DeleteMapping({PARTIAL, LEGACY_PARTIAL})
    ResponseEntity<Void> deletePartial(Caller caller, @PathVariable String transferId, @PathVariable String partialId,
                                       HttpServletRequest request) {
        TusHeaders.requireVersion(request);
        termination.terminate(caller, partialRef(transferId, partialId));
        return ResponseEntity.noContent().build();
    }

    private static UUID transferId(String value) {
        return TusHeaders.parseId(value).orElseThrow(TusError.MISSING_FILE_TRANSFER_ID::exception);
    }

    private static UploadRef partialRef(String transferId, String partialId) {
        UUID transfer = transferId(transferId);
        UUID partial = TusHeaders.parseId(partialId).orElseThrow(TusError.UPLOAD_NOT_FOUND::exception);
        return new UploadRef(transfer, partial);
    }

    private static UploadRef ref(TusUpload upload) {
        return new UploadRef(upload.fileTransferId(), upload.id());
    }

    private static String location(TusUpload upload) {
        return upload.kind() == TusUpload.Kind.PARTIAL
                ? partialLocation(upload.fileTransferId(), upload.id())
                : BASE + "/" + upload.fileTransferId();
    }

    static String partialLocation(UUID transferId, UUID partialId) {
        return BASE + "/" + transferId + "/partial/" + partialId.toString().replace("-", "");
    }
}
