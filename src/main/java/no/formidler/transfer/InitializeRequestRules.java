package no.formidler.transfer;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;
import no.formidler.auth.Organization;
import no.formidler.error.ValidationErrors;

/** The field rules of initialize, with the reference's messages (E1, docs/compatibility.md §5.1). */
public final class InitializeRequestRules {
    static final int MAX_PROPERTIES = 10;
    static final int MAX_KEY_LENGTH = 50;
    static final int MAX_VALUE_LENGTH = 3000;
    private static final Pattern RESOURCE_ID = Pattern.compile("^(?:urn:altinn:resource:)?[^:]{1,255}$");
    private static final Pattern HEX = Pattern.compile("^[0-9a-fA-F]*$");
    private static final String ORG_FORMAT = "should be on the form countrycode:organizationnumber (e.g. 0192:910753614)"
            + " or urn:altinn:organization:identifier-no:organizationnumber";

    private InitializeRequestRules() {
    }

    public static void check(InitializeRequest request, int maxRecipients) {
        ValidationErrors errors = new ValidationErrors();
        length(errors, "fileName", "FileName", request.fileName(), 255);
        resourceId(errors, request.resourceId());
        // Not [Required] in the reference but defaulting to "", so a missing reference fails its length rule.
        length(errors, "sendersFileTransferReference", "SendersFileTransferReference",
                Objects.requireNonNullElse(request.sendersFileTransferReference(), ""), 4096);
        sender(errors, request.sender());
        recipients(errors, request.recipients(), maxRecipients);
        properties(errors, request.propertyList());
        checksum(errors, request.checksum());
        errors.throwIfAny();
    }

    private static void length(ValidationErrors errors, String field, String name, String value, int max) {
        if (value == null) {
            errors.add(field, "The " + name + " field is required.");
        } else if (value.isEmpty() || value.length() > max) {
            errors.add(field, "The field " + name + " must be a string with a minimum length of 1 and a maximum length of "
                    + max + ".");
        }
    }

    private static void resourceId(ValidationErrors errors, String resourceId) {
        if (resourceId == null) {
            errors.add("resourceId", "The ResourceId field is required.");
        } else if (!RESOURCE_ID.matcher(resourceId).matches() || resourceId.contains("/")) {
            errors.add("resourceId", "Invalid Resource identifier format");
        }
    }

    private static void sender(ValidationErrors errors, String sender) {
        if (sender == null) {
            errors.add("sender", "The Sender field is required.");
        } else if (!Organization.isWireForm(sender)) {
            errors.add("sender", "Organization numbers " + ORG_FORMAT);
        }
    }

    private static void recipients(ValidationErrors errors, List<String> recipients, int max) {
        if (recipients == null || recipients.isEmpty()) {
            errors.add("recipients", "One or more recipients are required");
            return;
        }
        if (recipients.size() > max) {
            errors.add("recipients", "A file transfer can have at most " + max + " recipients");
            return;
        }
        if (recipients.stream().anyMatch(r -> !Organization.isWireForm(r))) {
            errors.add("recipients", "Each recipient " + ORG_FORMAT);
        }
    }

    private static void properties(ValidationErrors errors, Map<String, String> properties) {
        if (properties == null) {
            return;
        }
        if (properties.size() > MAX_PROPERTIES) {
            errors.add("propertyList", "PropertyList can contain at most 10 properties");
        }
        properties.forEach((key, value) -> {
            if (key.length() > MAX_KEY_LENGTH) {
                errors.add("propertyList", "PropertyList Key can not be longer than 50. Length:%d, KeyValue:%s"
                        .formatted(key.length(), key));
            }
            if (value == null) {
                errors.add("propertyList", "PropertyList Value can not be null. Key:" + key);
            } else if (value.length() > MAX_VALUE_LENGTH) {
                errors.add("propertyList", "PropertyList Value can not be longer than 3000. Length:%d, Value:%s"
                        .formatted(value.length(), value));
            }
        });
    }

    private static void checksum(ValidationErrors errors, String checksum) {
        if (checksum == null || checksum.isEmpty()) {
            return;
        }
        if (checksum.length() != 32) {
            errors.add("checksum", "The checksum, if used, must be a MD5 hash with a length of 32 characters");
        } else if (!checksum.equals(checksum.toLowerCase(java.util.Locale.ROOT))) {
            errors.add("checksum", "The checksum, if used, must be a MD5 hash in lower case");
        } else if (!HEX.matcher(checksum).matches()) {
            errors.add("checksum", "The checksum, if used, must be a MD5 hash in hexadecimal digits");
        }
    }
}
