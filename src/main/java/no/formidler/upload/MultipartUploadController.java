package no.formidler.upload;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.Part;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.OptionalLong;
import java.util.UUID;
import no.formidler.auth.Caller;
import no.formidler.error.ValidationException;
import no.formidler.transfer.InitializeRequest;
import no.formidler.transfer.TransferInitializer;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * E3 (docs/compatibility.md §1): initialize and upload in one multipart request, fields named as the reference binds
 * them ({@code Metadata.FileName}, {@code Metadata.Recipients[0]}, {@code Metadata.PropertyList[key]}, file part
 * {@code FileTransfer}), case-insensitively.
 */
@RestController
@RequestMapping("/broker/api/v1/filetransfer")
class MultipartUploadController {
    private static final int MAX_FIELD_LENGTH = 64 * 1024;
    private final TransferInitializer initializer;
    private final StreamedUpload upload;

    MultipartUploadController(TransferInitializer initializer, StreamedUpload upload) {
        this.initializer = initializer;
        this.upload = upload;
    }

    @PostMapping(value = "/upload", consumes = MediaType.MULTIPART_FORM_DATA_VALUE, produces = MediaType.APPLICATION_JSON_VALUE)
    UploadController.FileTransferId initializeAndUpload(Caller caller, HttpServletRequest request)
            throws IOException, ServletException {
        MultipartFields fields = new MultipartFields();
        Part file = null;
        for (Part part : request.getParts()) {
            String name = part.getName();
            if ("FileTransfer".equalsIgnoreCase(name)) {
                file = part;
            } else if (name != null) {
                fields.add(name, text(part));
            }
        }
        InitializeRequest metadata = fields.request();
        if (file == null) {
            throw ValidationException.of("FileTransfer", "The FileTransfer field is required.");
        }
        UUID id = initializer.initialize(caller, metadata);
        try (InputStream content = file.getInputStream()) {
            return new UploadController.FileTransferId(upload.upload(caller, id, content, OptionalLong.of(file.getSize())));
        } finally {
            file.delete();
        }
    }

    private static String text(Part part) throws IOException {
        if (part.getSize() > MAX_FIELD_LENGTH) {
            throw ValidationException.of(part.getName(), "A metadata field may be at most 64 KiB.");
        }
        try (InputStream in = part.getInputStream()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
