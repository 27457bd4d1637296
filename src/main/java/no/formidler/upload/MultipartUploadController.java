package no.formidler.upload;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.Part;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import no.formidler.auth.Caller;
import no.formidler.error.ValidationErrors;
import no.formidler.error.ValidationException;
import no.formidler.transfer.InitializeRequest;
import no.formidler.transfer.TransferInitializer;
import no.formidler.web.PlainText;
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
    private static final Pattern RECIPIENT = Pattern.compile("^metadata\\.recipients(\\[\\d+\\])?$", Pattern.CASE_INSENSITIVE);
    private static final Pattern PROPERTY = Pattern.compile("^metadata\\.propertylist(?:\\[(.+)\\]|\\.(.+))$",
            Pattern.CASE_INSENSITIVE);
    private static final Set<String> FIELDS = Set.of("metadata.filename", "metadata.resourceid",
            "metadata.sendersfiletransferreference", "metadata.sender", "metadata.checksum", "metadata.disablevirusscan");
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
        Map<String, String> fields = new LinkedHashMap<>();
        List<String> recipients = new ArrayList<>();
        Map<String, String> properties = new LinkedHashMap<>();
        Part file = null;
        ValidationErrors unknown = new ValidationErrors();
        for (Part part : request.getParts()) {
            String name = part.getName();
            if (name.equalsIgnoreCase("FileTransfer")) {
                file = part;
                continue;
            }
            String value = text(part);
            Matcher property = PROPERTY.matcher(name);
            if (RECIPIENT.matcher(name).matches()) {
                recipients.add(value);
            } else if (property.matches()) {
                properties.put(property.group(1) != null ? property.group(1) : property.group(2), value);
            } else if (FIELDS.contains(name.toLowerCase(Locale.ROOT))) {
                fields.put(name.toLowerCase(Locale.ROOT), value);
            } else {
                unknown.add(name, "The field " + name + " is not part of the request; it cannot be bound.");
            }
        }
        unknown.throwIfAny();
        InitializeRequest metadata = new InitializeRequest(
                fields.get("metadata.filename"),
                fields.get("metadata.resourceid"),
                fields.get("metadata.sendersfiletransferreference"),
                fields.get("metadata.sender"),
                recipients,
                properties.isEmpty() ? null : properties,
                fields.get("metadata.checksum"),
                disableVirusScan(fields.get("metadata.disablevirusscan")));
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
        String text;
        try (InputStream in = part.getInputStream()) {
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        Optional<String> refusal = PlainText.refusal(part.getName()).or(() -> PlainText.refusal(text));
        if (refusal.isPresent()) {
            throw ValidationException.of("body", "A multipart field " + refusal.get() + ".");
        }
        return text;
    }

    private static Boolean disableVirusScan(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        if (value.equalsIgnoreCase("true") || value.equalsIgnoreCase("false")) {
            return Boolean.valueOf(value);
        }
        new ValidationErrors().add("Metadata.DisableVirusScan", "The value '" + value + "' is not valid.").throwIfAny();
        return null;
    }
}
