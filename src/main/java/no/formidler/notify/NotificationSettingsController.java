package no.formidler.notify;

import java.util.List;
import no.formidler.auth.Caller;
import no.formidler.auth.Organization;
import no.formidler.error.BrokerError;
import no.formidler.error.BrokerException;
import java.time.Clock;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Extension: the caller's organisation reads and replaces its notification settings
 * (docs/withdraw-and-notifications.md). Only its own: the organisation comes from the token, never from the request.
 */
@RestController
@RequestMapping("/broker/api/v1/notifications/settings")
class NotificationSettingsController {
    private final SettingsRepository settings;
    private final Clock clock;

    NotificationSettingsController(SettingsRepository settings, Clock clock) {
        this.settings = settings;
        this.clock = clock;
    }

    record AddressView(String channel, String address, String resourceId) {
    }

    record SettingsView(String language, boolean notifyWhenAllConfirmed, List<AddressView> addresses) {
        static SettingsView of(NotificationSettings s) {
            return new SettingsView(s.language().code(), s.notifyWhenAllConfirmed(), s.addresses().stream()
                    .map(a -> new AddressView(a.channel().name().toLowerCase(java.util.Locale.ROOT), a.address(),
                            a.resourceId().orElse(null)))
                    .toList());
        }
    }

    @GetMapping(produces = MediaType.APPLICATION_JSON_VALUE)
    SettingsView get(Caller caller) {
        return SettingsView.of(settings.find(organization(caller)));
    }

    @PutMapping(consumes = MediaType.APPLICATION_JSON_VALUE, produces = MediaType.APPLICATION_JSON_VALUE)
    SettingsView put(Caller caller, @RequestBody SettingsRules.Body body) {
        Organization organization = organization(caller);
        NotificationSettings checked = SettingsRules.check(body);
        settings.replace(organization, checked, clock.instant());
        return SettingsView.of(settings.find(organization));
    }

    private static Organization organization(Caller caller) {
        return caller.organization().orElseThrow(() -> new BrokerException(BrokerError.CALLER_ORGANIZATION_UNKNOWN));
    }
}
