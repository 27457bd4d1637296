package no.formidler.upload;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import no.formidler.error.ValidationErrors;
import no.formidler.error.ValidationException;
import no.formidler.transfer.InitializeRequest;
import no.formidler.web.PlainText;

/**
 * The text fields of initialize-and-upload bound as the reference's model binder names them ({@code Metadata.FileName},
 * {@code Metadata.Recipients[0]}, {@code Metadata.PropertyList[key]}), case-insensitively. Every name and value comes
 * from the client: a field the request has no place for, or text the broker refuses, is a 400.
 */
final class MultipartFields {
    private static final Pattern RECIPIENT = Pattern.compile("^metadata\\.recipients(\\[\\d+\\])?$", Pattern.CASE_INSENSITIVE);
    private static final Pattern PROPERTY = Pattern.compile("^metadata\\.propertylist(?:\\[(.+)\\]|\\.(.+))$",
            Pattern.CASE_INSENSITIVE);
    private static final Set<String> FIELDS = Set.of("metadata.filename", "metadata.resourceid",
            "metadata.sendersfiletransferreference", "metadata.sender", "metadata.checksum", "metadata.disablevirusscan");
    private final Map<String, String> fields = new LinkedHashMap<>();
    private final List<String> recipients = new ArrayList<>();
    private final Map<String, String> properties = new LinkedHashMap<>();
    private final ValidationErrors unknown = new ValidationErrors();

    void add(String name, String value) {
        Optional<String> refusal = PlainText.refusal(name).or(() -> PlainText.refusal(value));
        if (refusal.isPresent()) {
            throw ValidationException.of("body", "A multipart field " + refusal.get() + ".");
        }
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

    InitializeRequest request() {
        unknown.throwIfAny();
        return new InitializeRequest(
                fields.get("metadata.filename"),
                fields.get("metadata.resourceid"),
                fields.get("metadata.sendersfiletransferreference"),
                fields.get("metadata.sender"),
                recipients,
                properties.isEmpty() ? null : properties,
                fields.get("metadata.checksum"),
                disableVirusScan(fields.get("metadata.disablevirusscan")));
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
