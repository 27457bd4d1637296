package no.formidler.notify;

import java.util.List;
import java.util.Optional;

/**
 * An organisation's notification settings: where to tell it (e-mail addresses and phone numbers, each for one resource
 * or for all), in which language, and whether to tell it as sender when every recipient has confirmed.
 */
record NotificationSettings(Language language, boolean notifyWhenAllConfirmed, List<Address> addresses) {
    static final NotificationSettings NONE = new NotificationSettings(Language.NB, false, List.of());

    enum Channel { EMAIL, SMS }

    /** @param resourceId the resource it is for; empty for every resource */
    record Address(Channel channel, String address, Optional<String> resourceId) {
        boolean covers(String resource) {
            return resourceId.map(resource::equals).orElse(true);
        }
    }

    List<String> addressesFor(Channel channel, String resource) {
        return addresses.stream().filter(a -> a.channel() == channel && a.covers(resource))
                .map(Address::address).distinct().toList();
    }
}
