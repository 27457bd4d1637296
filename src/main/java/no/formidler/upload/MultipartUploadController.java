package no.formidler.upload;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.UUID;
import no.formidler.auth.Caller;
import no.formidler.error.ValidationException;
import no.formidler.transfer.TransferInitializer;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * E3 (docs/compatibility.md §1): initialize and upload in one multipart request, fields named as the reference binds
 * them ({@code Metadata.FileName}, {@code Metadata.Recipients[0]}, {@code Metadata.PropertyList[key]}, file part
 * {@code FileTransfer}), case-insensitively. The body is read as it arrives (issue 17, finding 9): the metadata fields
 * first, then the transfer is initialized, which checks the caller's access, and only then does the file part stream
 * into the store. So the file part must follow the fields and end the body, as the reference's clients send it.
 * A refusal before the body was read leaves the rest unread ({@code web.UnreadUploadValve}) and says so.
 */
@RestController
@RequestMapping("/broker/api/v1/filetransfer")
class MultipartUploadController {
    static final String FILE_PART = "FileTransfer";
    private static final int MAX_FIELD_LENGTH = 64 * 1024;
    /** Room for the largest request {@code formidler.transfers.max-recipients} allows by default, several times. */
    static final int MAX_FIELDS = 10_000;
    private static final int MAX_FIELD_BYTES = 4 * 1024 * 1024;
    private final TransferInitializer initializer;
    private final StreamedUpload upload;

    MultipartUploadController(TransferInitializer initializer, StreamedUpload upload) {
        this.initializer = initializer;
        this.upload = upload;
    }

    @PostMapping(value = "/upload", consumes = MediaType.MULTIPART_FORM_DATA_VALUE, produces = MediaType.APPLICATION_JSON_VALUE)
    UploadController.FileTransferId initializeAndUpload(Caller caller, HttpServletRequest request,
                                                        HttpServletResponse response) throws IOException {
        try {
            return initializeAndUpload(caller, request);
        } catch (RuntimeException refused) {
            // The rest of the body will not be read (web.UnreadUploadValve): the client learns the connection ends.
            if (!request.getInputStream().isFinished()) {
                response.setHeader(HttpHeaders.CONNECTION, "close");
            }
            throw refused;
        }
    }

    private UploadController.FileTransferId initializeAndUpload(Caller caller, HttpServletRequest request)
            throws IOException {
        MultipartReader form = new MultipartReader(request.getInputStream(), boundary(request.getContentType()));
        MultipartFields fields = new MultipartFields();
        int count = 0;
        long bytes = 0;
        for (Optional<MultipartReader.Part> next = next(form); next.isPresent(); next = next(form)) {
            MultipartReader.Part part = next.get();
            if (FILE_PART.equalsIgnoreCase(part.name())) {
                if (count == 0) {
                    throw ValidationException.of(FILE_PART, "The FileTransfer part must come after the Metadata fields, "
                            + "as the last part of the body.");
                }
                UUID id = initializer.initialize(caller, fields.request());
                // The length is not known before the end: the size limit is counted while the file streams.
                return new UploadController.FileTransferId(upload.upload(caller, id, form.lastBody(), OptionalLong.empty()));
            }
            if (++count > MAX_FIELDS) {
                throw ValidationException.of("body", "A multipart body may have at most " + MAX_FIELDS + " fields.");
            }
            byte[] value = value(form, part);
            bytes += value.length;
            if (bytes > MAX_FIELD_BYTES) {
                throw ValidationException.of("body", "The metadata fields may be at most 4 MiB together.");
            }
            fields.add(part.name(), new String(value, StandardCharsets.UTF_8));
        }
        fields.request(); // a field that binds to nothing is named first, as before
        throw ValidationException.of(FILE_PART, "The FileTransfer field is required.");
    }

    private static String boundary(String contentType) {
        try {
            return MultipartReader.boundary(contentType);
        } catch (MalformedMultipartException e) {
            throw ValidationException.of("body", e.getMessage());
        }
    }

    private static Optional<MultipartReader.Part> next(MultipartReader form) {
        try {
            return form.next();
        } catch (IOException e) {
            throw unreadable(e);
        }
    }

    private static byte[] value(MultipartReader form, MultipartReader.Part part) {
        try (InputStream in = form.body()) {
            byte[] value = in.readNBytes(MAX_FIELD_LENGTH + 1);
            if (value.length > MAX_FIELD_LENGTH) {
                throw ValidationException.of(part.name(), "A metadata field may be at most 64 KiB.");
            }
            return value;
        } catch (IOException e) {
            throw unreadable(e);
        }
    }

    /** Before the transfer exists a broken body creates nothing; it is the client's error either way. */
    private static ValidationException unreadable(IOException e) {
        return ValidationException.of("body", e instanceof MalformedMultipartException malformed ? malformed.getMessage()
                : "The multipart body could not be read to its end.");
    }
}
