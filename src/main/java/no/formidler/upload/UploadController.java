package no.formidler.upload;

import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.util.OptionalLong;
import java.util.UUID;
import no.formidler.auth.Caller;
import no.formidler.error.RequestRefusedException;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** E2 (docs/compatibility.md §1): the file as the raw request body. */
@RestController
@RequestMapping("/broker/api/v1/filetransfer")
class UploadController {
    private final StreamedUpload upload;

    UploadController(StreamedUpload upload) {
        this.upload = upload;
    }

    record FileTransferId(UUID fileTransferId) {
    }

    @PostMapping(value = "/{fileTransferId}/upload", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<?> upload(Caller caller, @PathVariable UUID fileTransferId, HttpServletRequest request)
            throws IOException {
        String contentType = request.getContentType();
        if (contentType != null && !isOctetStream(contentType)) {
            throw new RequestRefusedException(415, "The file must be sent as application/octet-stream.");
        }
        long length = request.getContentLengthLong();
        OptionalLong declared = length >= 0 ? OptionalLong.of(length) : OptionalLong.empty();
        return ResponseEntity.ok(new FileTransferId(upload.upload(caller, fileTransferId, request.getInputStream(), declared)));
    }

    private static boolean isOctetStream(String contentType) {
        try {
            return MediaType.APPLICATION_OCTET_STREAM.isCompatibleWith(MediaType.parseMediaType(contentType));
        } catch (org.springframework.http.InvalidMediaTypeException malformed) {
            return false;
        }
    }
}
