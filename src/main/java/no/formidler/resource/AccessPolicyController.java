package no.formidler.resource;

import io.swagger.v3.oas.annotations.Operation;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import no.formidler.auth.Action;
import no.formidler.auth.Caller;
import no.formidler.auth.Organization;
import no.formidler.error.ValidationErrors;
import org.springframework.http.MediaType;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Formidler extension: the service owner's access rules for a resource. Nothing is allowed that a rule does not grant.
 */
@RestController
@RequestMapping("/broker/api/v1/resource/{resourceId}/policy")
class AccessPolicyController {
    private final ResourceAdministration administration;
    private final ResourceRepository resources;

    AccessPolicyController(ResourceAdministration administration, ResourceRepository resources) {
        this.administration = administration;
        this.resources = resources;
    }

    /** One rule: these subjects (organisation ids in either form, or "*") may do these actions. */
    record Rule(List<String> subjects, List<String> actions) {
    }

    record Policy(List<Rule> rules) {
    }

    @Operation(summary = "Replace the access rules of a resource (Formidler extension)",
            description = "Subjects are organisation ids (0192:<org> or the URN form) or * for any organisation; "
                    + "actions are write (send), read (receive) and subscribe (events).")
    @PutMapping(consumes = MediaType.APPLICATION_JSON_VALUE, produces = MediaType.APPLICATION_JSON_VALUE)
    @Transactional
    Policy replace(Caller caller, @PathVariable String resourceId, @RequestBody Policy policy) {
        var settings = administration.ownedBy(caller, resourceId);
        resources.replaceGrants(settings.id(), grants(policy));
        Policy replaced = policyOf(resources.grants(settings.id()));
        administration.recordChange(caller, settings.id(), "resource-policy", replaced);
        return replaced;
    }

    @Operation(summary = "Read the access rules of a resource (Formidler extension)")
    @GetMapping(produces = MediaType.APPLICATION_JSON_VALUE)
    Policy get(Caller caller, @PathVariable String resourceId) {
        var settings = administration.ownedBy(caller, resourceId);
        return policyOf(resources.grants(settings.id()));
    }

    // Package-private for ResourceBodiesFuzzTest.
    static List<ResourceRepository.Grant> grants(Policy policy) {
        ValidationErrors errors = new ValidationErrors();
        List<ResourceRepository.Grant> grants = new ArrayList<>();
        if (policy.rules() == null) {
            errors.add("rules", "The rules field is required.");
            errors.throwIfAny();
        }
        for (int i = 0; i < policy.rules().size(); i++) {
            Rule rule = policy.rules().get(i);
            String field = "rules[" + i + "]";
            if (rule == null || rule.subjects() == null || rule.subjects().isEmpty()
                    || rule.actions() == null || rule.actions().isEmpty()) {
                errors.add(field, "A rule needs at least one subject and one action.");
                continue;
            }
            List<Action> actions = new ArrayList<>();
            for (String name : rule.actions()) {
                Action.fromWireName(name).ifPresentOrElse(actions::add,
                        () -> errors.add(field + ".actions", "An action is read, write or subscribe: " + name));
            }
            for (String subject : rule.subjects()) {
                String normalised = "*".equals(subject) ? "*" : Organization.parse(subject).map(Organization::number).orElse(null);
                if (normalised == null) {
                    errors.add(field + ".subjects", "A subject is an organisation id (0192:<9 digits> or "
                            + Organization.URN_PREFIX + "<9 digits>) or *: " + subject);
                    continue;
                }
                actions.forEach(action -> grants.add(new ResourceRepository.Grant(grants.size(), normalised, action)));
            }
        }
        errors.throwIfAny();
        return grants;
    }

    /** Groups stored grants back into rules: one rule per subject set that shares the same actions. */
    private static Policy policyOf(List<ResourceRepository.Grant> grants) {
        Map<String, Set<String>> actionsBySubject = new LinkedHashMap<>();
        for (var grant : grants) {
            actionsBySubject.computeIfAbsent(grant.subject(), s -> new LinkedHashSet<>()).add(grant.action().wireName());
        }
        Map<Set<String>, List<String>> subjectsByActions = new LinkedHashMap<>();
        actionsBySubject.forEach((subject, actions) -> subjectsByActions
                .computeIfAbsent(actions, a -> new ArrayList<>())
                .add("*".equals(subject) ? "*" : new Organization(subject).prefixed()));
        List<Rule> rules = new ArrayList<>();
        subjectsByActions.forEach((actions, subjects) -> rules.add(new Rule(subjects, List.copyOf(actions))));
        return new Policy(rules);
    }
}
