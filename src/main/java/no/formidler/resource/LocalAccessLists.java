package no.formidler.resource;

import java.util.List;
import no.formidler.auth.Organization;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/** Standalone mode's access lists: the ones service owners keep through {@code /resource/{id}/accesslist}. */
@Component
@ConditionalOnProperty(name = "formidler.mode", havingValue = "standalone", matchIfMissing = true)
class LocalAccessLists implements AccessListDirectory {
    private final AccessListRepository lists;

    LocalAccessLists(AccessListRepository lists) {
        this.lists = lists;
    }

    @Override
    public boolean admitsAll(String resourceId, List<Organization> recipients) {
        return recipients.stream().allMatch(r -> lists.admits(resourceId, r));
    }
}
