package no.formidler;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;
import no.formidler.apidocs.EndpointErrors;
import no.formidler.error.BrokerError;
import no.formidler.ratelimit.EndpointCategory;
import no.formidler.testsupport.ApiTest;
import org.junit.jupiter.api.Test;
import org.springframework.asm.ClassReader;
import org.springframework.asm.ClassVisitor;
import org.springframework.asm.MethodVisitor;
import org.springframework.asm.Opcodes;
import org.springframework.asm.SpringAsmInfo;
import org.springframework.asm.Type;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.authentication.TestingAuthenticationToken;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.util.ClassUtils;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * The three per-endpoint tables agree with the endpoints Spring maps: every endpoint has its own authorization rule in
 * {@code SecurityConfiguration} (not only the catch-all "any authenticated caller"), every API endpoint an entry, maybe
 * empty, of the broker errors it documents ({@link EndpointErrors}), and the routes that {@link EndpointCategory}'s
 * rate-limit rule names (it limits every REST route by its prefix, so none can be missing) are mapped. A new or renamed
 * endpoint that one of them forgets fails here, not in production.
 */
class EndpointTablesTest extends ApiTest {
    private static final List<String> API = List.of("/broker/api/v1/", "/events/api/v1/");
    /** TUS answers with its own protocol errors (upload/tus/TusError), not with documented broker errors. */
    private static final String TUS = "/broker/api/v1/filetransfer/upload/tus";
    /** Open to any token of a trusted issuer, by design: the exchange turns such a token into a broker token. */
    private static final Set<String> ANY_TRUSTED_TOKEN = Set.of("GET /authentication/api/v1/exchange/maskinporten");

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;
    @Autowired
    SecurityFilterChain chain;

    record Endpoint(String method, String pattern) {
        @Override
        public String toString() {
            return method + " " + pattern;
        }

        boolean api() {
            return API.stream().anyMatch(pattern::startsWith);
        }
    }

    @Test
    void everyMappedEndpointHasItsOwnAuthorizationRule() {
        AuthorizationManager<HttpServletRequest> rules = rules();
        Authentication noScopes = caller();
        Authentication anonymous = anonymous();
        // A scope rule refuses a caller without scopes; an open endpoint lets an anonymous one in. Only an endpoint that
        // falls through to the catch-all does neither.
        assertThat(endpoints()).filteredOn(e -> !ANY_TRUSTED_TOKEN.contains(e.toString()))
                .filteredOn(e -> granted(rules, () -> noScopes, e) && !granted(rules, () -> anonymous, e))
                .as("endpoints decided only by the catch-all rule").isEmpty();
    }

    /** Spring serves HEAD with the GET handler, so every GET route is also a HEAD route that needs the same decision. */
    @Test
    void headOnEveryGetEndpointGetsTheDecisionGetGets() {
        AuthorizationManager<HttpServletRequest> rules = rules();
        List<Authentication> callers = List.of(anonymous(), caller(), caller("SCOPE_altinn:broker.read"),
                caller("SCOPE_altinn:broker.write"), caller("SCOPE_altinn:serviceowner"),
                caller("SCOPE_altinn:broker.maintenance"), caller("SCOPE_altinn:events.subscribe"));
        assertThat(endpoints()).filteredOn(e -> e.method().equals("GET"))
                .filteredOn(e -> callers.stream().anyMatch(who ->
                        granted(rules, () -> who, e) != granted(rules, () -> who, new Endpoint("HEAD", e.pattern()))))
                .as("GET endpoints whose HEAD is decided differently").isEmpty();
    }

    @Test
    void everyApiEndpointListsTheErrorsItDocuments() {
        List<Endpoint> api = endpoints().stream().filter(Endpoint::api).filter(e -> !e.pattern().startsWith(TUS)).toList();
        assertThat(api).isNotEmpty();
        assertThat(api).filteredOn(e -> !EndpointErrors.lists(e.method(), e.pattern()))
                .as("API endpoints missing from EndpointErrors").isEmpty();
    }

    /**
     * An error a controller throws itself must be documented for at least one of its endpoints. Errors thrown deeper
     * (services) are beyond what a class-file scan can attribute to an endpoint; this catches the empty or stale entry.
     */
    @Test
    void everyBrokerErrorAnApiControllerThrowsIsListedForOneOfItsEndpoints() {
        Map<Class<?>, Set<BrokerError>> listed = new HashMap<>();
        mappings.getHandlerMethods().forEach((info, handler) -> endpoints(info, handler).stream()
                .filter(Endpoint::api).filter(e -> !e.pattern().startsWith(TUS))
                .forEach(e -> listed.computeIfAbsent(ClassUtils.getUserClass(handler.getBeanType()), c -> new HashSet<>())
                        .addAll(EndpointErrors.of(e.method(), e.pattern()))));
        assertThat(listed).isNotEmpty();
        List<String> missing = listed.entrySet().stream()
                .flatMap(entry -> referencedErrors(entry.getKey()).stream().filter(error -> !entry.getValue().contains(error))
                        .map(error -> entry.getKey().getSimpleName() + " throws " + error))
                .sorted().toList();
        assertThat(missing).as("broker errors a controller throws but EndpointErrors lists for none of its endpoints")
                .isEmpty();
    }

    /** The BrokerError constants the class's code (its lambdas included) reads. */
    private static Set<BrokerError> referencedErrors(Class<?> type) {
        String owner = Type.getInternalName(BrokerError.class);
        Set<BrokerError> found = new TreeSet<>();
        try (InputStream classFile = type.getResourceAsStream("/" + Type.getInternalName(type) + ".class")) {
            new ClassReader(classFile).accept(new ClassVisitor(SpringAsmInfo.ASM_VERSION) {
                @Override
                public MethodVisitor visitMethod(int access, String name, String descriptor, String signature,
                                                 String[] exceptions) {
                    return new MethodVisitor(SpringAsmInfo.ASM_VERSION) {
                        @Override
                        public void visitFieldInsn(int opcode, String fieldOwner, String field, String fieldDescriptor) {
                            boolean constant = fieldDescriptor.equals("L" + owner + ";");
                            if (opcode == Opcodes.GETSTATIC && fieldOwner.equals(owner) && constant) {
                                found.add(BrokerError.valueOf(field));
                            }
                        }
                    };
                }
            }, ClassReader.SKIP_DEBUG);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return found;
    }

    @Test
    void theTablesNameNoEndpointThatIsNotMapped() {
        Set<String> mapped = new TreeSet<>(endpoints().stream().map(Endpoint::toString).toList());
        assertThat(EndpointErrors.operations()).as("EndpointErrors").allMatch(mapped::contains);
        assertThat(EndpointCategory.namedRoutes()).as("EndpointCategory")
                .allMatch(route -> endpoints().stream().anyMatch(e -> e.pattern().equals(route)));
    }

    private AuthorizationManager<HttpServletRequest> rules() {
        return chain.getFilters().stream().filter(AuthorizationFilter.class::isInstance)
                .map(f -> ((AuthorizationFilter) f).getAuthorizationManager()).findFirst().orElseThrow();
    }

    private static Authentication caller(String... authorities) {
        return new TestingAuthenticationToken("someone", null, authorities);
    }

    private static Authentication anonymous() {
        return new AnonymousAuthenticationToken("key", "anonymous", AuthorityUtils.createAuthorityList("ROLE_ANONYMOUS"));
    }

    private List<Endpoint> endpoints() {
        return mappings.getHandlerMethods().entrySet().stream()
                .filter(entry -> entry.getValue().getBeanType().getPackageName().startsWith("no.formidler"))
                .flatMap(entry -> endpoints(entry.getKey(), entry.getValue()).stream())
                .distinct().sorted(java.util.Comparator.comparing(Endpoint::toString)).toList();
    }

    private static List<Endpoint> endpoints(RequestMappingInfo info, HandlerMethod handler) {
        Set<String> methods = info.getMethodsCondition().getMethods().isEmpty() ? Set.of("GET")
                : info.getMethodsCondition().getMethods().stream().map(Enum::name).collect(java.util.stream.Collectors.toSet());
        return info.getPatternValues().stream().flatMap(p -> methods.stream().map(m -> new Endpoint(m, p))).toList();
    }

    private static boolean granted(AuthorizationManager<HttpServletRequest> rules, Supplier<Authentication> who, Endpoint e) {
        MockHttpServletRequest request = new MockHttpServletRequest(e.method(), sample(e.pattern()));
        request.setServletPath(request.getRequestURI());
        var result = rules.authorize(who, request);
        return result != null && result.isGranted();
    }

    /** A concrete path for a pattern: every variable a plausible value. */
    private static String sample(String pattern) {
        return pattern.replaceAll("\\{\\*[^}]+}", "x/y").replaceAll("\\{[^}]+}", "00000000-0000-0000-0000-000000000001")
                .replace("/**", "/x/y").replace("/*", "/x");
    }
}
