package no.formidler.notify;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import no.formidler.error.ValidationException;

/**
 * Checks settings sent by an organisation. An address that passes is safe in a mail header: the patterns admit no
 * whitespace, no control character and nothing a header could be split on.
 */
final class SettingsRules {
    static final int MAX_ADDRESSES = 50;
    private static final Pattern EMAIL = Pattern.compile(
            "^[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(?:\\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*"
                    + "@(?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?\\.)+[A-Za-z]{2,63}$");
    private static final Pattern PHONE = Pattern.compile("^\\+[1-9][0-9]{7,14}$");
    private static final Pattern RESOURCE = Pattern.compile("^[A-Za-z0-9._-]{1,255}$");

    private SettingsRules() {
    }

    record Body(String language, Boolean notifyWhenAllConfirmed, List<AddressBody> addresses) {
    }

    record AddressBody(String channel, String address, String resourceId) {
    }

    static NotificationSettings check(Body body) {
        Map<String, List<String>> errors = new LinkedHashMap<>();
        Language language = body.language() == null ? Language.NB : Language.of(body.language()).orElseGet(() -> {
            errors.put("language", List.of("The language must be \"nb\" or \"en\"."));
            return Language.NB;
        });
        List<AddressBody> given = body.addresses() == null ? List.of() : body.addresses();
        if (given.size() > MAX_ADDRESSES) {
            errors.put("addresses", List.of("At most " + MAX_ADDRESSES + " addresses."));
        }
        List<NotificationSettings.Address> addresses = new ArrayList<>();
        for (int i = 0; i < Math.min(given.size(), MAX_ADDRESSES); i++) {
            address(given.get(i), "addresses[" + i + "]", errors).ifPresent(addresses::add);
        }
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        return new NotificationSettings(language, Boolean.TRUE.equals(body.notifyWhenAllConfirmed()), addresses);
    }

    private static Optional<NotificationSettings.Address> address(AddressBody a, String field, Map<String, List<String>> errors) {
        if (a == null) {
            errors.put(field, List.of("An address is required."));
            return Optional.empty();
        }
        NotificationSettings.Channel channel = a.channel() == null ? NotificationSettings.Channel.EMAIL : switch (a.channel()) {
            case "email" -> NotificationSettings.Channel.EMAIL;
            case "sms" -> NotificationSettings.Channel.SMS;
            default -> null;
        };
        if (channel == null) {
            errors.put(field + ".channel", List.of("The channel must be \"email\" or \"sms\"."));
            return Optional.empty();
        }
        String address = a.address() == null ? "" : a.address().strip();
        boolean valid = channel == NotificationSettings.Channel.EMAIL
                ? address.length() <= 254 && EMAIL.matcher(address).matches()
                : PHONE.matcher(address).matches();
        if (!valid) {
            errors.put(field + ".address", List.of(channel == NotificationSettings.Channel.EMAIL
                    ? "Not a valid e-mail address." : "Not a valid phone number (E.164, for example +4799999999)."));
        }
        if (a.resourceId() != null && !RESOURCE.matcher(a.resourceId()).matches()) {
            errors.put(field + ".resourceId", List.of("Not a valid resource id."));
            valid = false;
        }
        String normalised = channel == NotificationSettings.Channel.EMAIL ? address.toLowerCase(Locale.ROOT) : address;
        return valid ? Optional.of(new NotificationSettings.Address(channel, normalised, Optional.ofNullable(a.resourceId())))
                : Optional.empty();
    }
}
