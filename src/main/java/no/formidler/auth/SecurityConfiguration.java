package no.formidler.auth;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import no.formidler.secrets.SealedFiles;
import no.formidler.system.FormidlerProperties;
import no.formidler.web.ProblemResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.http.HttpMethod;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.WebSecurityCustomizer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationProvider;
import org.springframework.security.oauth2.server.resource.web.BearerTokenAuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import tools.jackson.databind.json.JsonMapper;

/**
 * Which routes need which scope (docs/compatibility.md §3), and which token issuers are trusted. Finer decisions
 * (may this caller act for this party on this resource?) are the {@link PolicyDecisionPoint}'s.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {
    private static final Logger log = LoggerFactory.getLogger(SecurityConfiguration.class);
    private static final String API = "/broker/api/v1";
    /**
     * Tokens are signed and checked against real time: the token validators use the system clock, so the broker's
     * own tokens do too, whatever the domain clock (which tests move) says.
     */
    private static final Clock TOKEN_CLOCK = Clock.systemUTC();
    /** Tokens each issuer's decoder remembers as verified (a token with its claims is 2–4 KiB). */
    private static final int KNOWN_TOKENS_PER_ISSUER = 1024;
    /** Tokens whose issuer is remembered, of all issuers together. */
    private static final int KNOWN_TOKENS = 4096;
    private static final String WRITE = "SCOPE_" + Caller.SCOPE_WRITE;
    private static final String READ = "SCOPE_" + Caller.SCOPE_READ;
    private static final String SERVICE_OWNER = "SCOPE_" + Caller.SCOPE_SERVICE_OWNER;
    private static final String MAINTENANCE = "SCOPE_" + Caller.SCOPE_MAINTENANCE;
    private static final String EVENTS_SUBSCRIBE = "SCOPE_altinn:events.subscribe";

    @Bean
    SecurityFilterChain api(HttpSecurity http, TrustedIssuers issuers, JsonMapper json) throws Exception {
        var bearerEntryPoint = new BearerTokenAuthenticationEntryPoint();
        http.csrf(csrf -> csrf.disable())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .headers(h -> h.cacheControl(c -> c.disable()))
                .authorizeHttpRequests(a -> a
                        .requestMatchers("/health", "/dev/tokens/**", "/actuator/health/**", "/actuator/info",
                                "/actuator/prometheus", "/maskinporten/token", "/maskinporten/jwk",
                                "/v3/api-docs/**", "/swagger", "/swagger-ui/**", "/swagger-ui.html", "/error",
                                "/.well-known/jwks.json").permitAll()
                        // the web app: its pages and assets, and signing in and out (webapp/)
                        // HEAD is served by the GET handlers, so every GET rule is a GET-or-HEAD rule.
                        .requestMatchers(getOrHead("/", "/index.html", "/assets/**", "/favicon.svg", "/signin",
                                "/send", "/inbox", "/sent", "/notifications", "/transfer/*", "/admin", "/admin/*")).permitAll()
                        .requestMatchers("/web/session", "/web/session/**", "/web/oidc/**").permitAll()
                        .requestMatchers(getOrHead("/web/api/inbox", "/web/api/sent", "/web/api/resources/sendable",
                                "/web/api/resources/receivable", "/web/api/changes"))
                                .hasAnyAuthority(READ, WRITE)
                        .requestMatchers(getOrHead("/web/api/resources/owned")).hasAuthority(SERVICE_OWNER)
                        .requestMatchers(API + "/filetransfer/upload/tus", API + "/filetransfer/upload/tus/**").hasAuthority(WRITE)
                        .requestMatchers(HttpMethod.POST, API + "/filetransfer", API + "/filetransfer/upload",
                                API + "/filetransfer/*/upload", API + "/filetransfer/*/cancel").hasAuthority(WRITE)
                        .requestMatchers(getOrHead(API + "/filetransfer/*/download")).hasAuthority(READ)
                        .requestMatchers(HttpMethod.POST, API + "/filetransfer/*/confirmdownload").hasAuthority(READ)
                        .requestMatchers(getOrHead(API + "/filetransfer", API + "/filetransfer/*",
                                API + "/filetransfer/*/details")).hasAnyAuthority(READ, WRITE)
                        .requestMatchers(getOrHead(API + "/filetransfer/*/receipts")).hasAnyAuthority(READ, WRITE)
                        .requestMatchers(getOrHead(API + "/filetransfer/*/audit", API + "/audit/checkpoints/*"))
                        .hasAnyAuthority(READ, WRITE, SERVICE_OWNER)
                        // notify/: the caller's own organisation's settings, for anyone who sends or receives
                        .requestMatchers(API + "/notifications/settings").hasAnyAuthority(READ, WRITE)
                        .requestMatchers(HttpMethod.PUT, API + "/resource/*/approval").hasAuthority(MAINTENANCE)
                        // an external malware scanner's results: authenticated by a shared secret header, not a token
                        .requestMatchers(HttpMethod.POST, API + "/webhooks/malwarescanresults").permitAll()
                        .requestMatchers(API + "/resource/**", API + "/serviceowner").hasAuthority(SERVICE_OWNER)
                        .requestMatchers("/events/api/v1/subscriptions", "/events/api/v1/subscriptions/*",
                                "/events/api/v1/events").hasAuthority(EVENTS_SUBSCRIBE)
                        .requestMatchers(getOrHead(API + "/statistics/monthly")).hasAuthority(SERVICE_OWNER)
                        .requestMatchers(HttpMethod.POST, API + "/statistics/generate-daily-summary",
                                API + "/statistics/generate-and-download-daily-summary").hasAuthority(MAINTENANCE)
                        .anyRequest().authenticated())
                .oauth2ResourceServer(o -> o
                        .bearerTokenResolver(new BearerTokens())
                        .authenticationManagerResolver(new TokenIssuerRouting(issuers::manager, KNOWN_TOKENS))
                        .authenticationEntryPoint((request, response, e) -> {
                            bearerEntryPoint.commence(request, response, e);
                            writeProblem(json, request, response, 401, "A valid bearer token is required.");
                        })
                        .accessDeniedHandler((request, response, e) -> writeProblem(json, request, response, 403,
                                "The token does not carry the scope this operation requires.")))
                .exceptionHandling(e -> e.authenticationEntryPoint((request, response, ex) -> {
                    response.setHeader("WWW-Authenticate", "Bearer");
                    writeProblem(json, request, response, 401, "A valid bearer token is required.");
                }));
        return http.build();
    }

    /** Spring Security's strict firewall, with its header checks done without regular expressions. */
    @Bean
    WebSecurityCustomizer headerFirewall() {
        return web -> web.httpFirewall(HeaderCharacters.firewall());
    }

    /** GET and HEAD on the patterns: Spring MVC answers a HEAD with the GET handler, so both need the same rule. */
    private static RequestMatcher getOrHead(String... patterns) {
        var paths = PathPatternRequestMatcher.withDefaults();
        List<RequestMatcher> matchers = new ArrayList<>();
        for (String pattern : patterns) {
            matchers.add(paths.matcher(HttpMethod.GET, pattern));
            matchers.add(paths.matcher(HttpMethod.HEAD, pattern));
        }
        return new OrRequestMatcher(matchers);
    }

    private static void writeProblem(JsonMapper json, HttpServletRequest request, HttpServletResponse response,
                                     int status, String detail) throws IOException {
        ProblemResponse.write(json, request, response, status, detail);
    }

    @Bean
    TrustedIssuers trustedIssuers(FormidlerProperties properties, Optional<DevTokenIssuer> devIssuer,
                                  BrokerTokenSigner brokerIssuer, Optional<MaskinportenIssuer> maskinporten) {
        Map<String, AuthenticationManager> managers = new HashMap<>();
        for (FormidlerProperties.Issuer issuer : properties.auth().issuers()) {
            managers.put(issuer.issuer(), manager(decoder(issuer), issuer.issuer()));
        }
        managers.put(brokerIssuer.issuer(), manager(NimbusJwtDecoder.withPublicKey(brokerIssuer.publicKey()).build(),
                brokerIssuer.issuer()));
        maskinporten.ifPresent(mp -> managers.put(mp.issuer(),
                manager(NimbusJwtDecoder.withPublicKey(mp.publicKey()).build(), mp.issuer())));
        devIssuer.ifPresent(dev -> {
            log.warn("The development token issuer '{}' is ON: anybody who can reach /dev/tokens can get a token. "
                    + "Set formidler.dev-tokens.enabled=false outside development.", dev.issuer());
            managers.put(dev.issuer(), manager(NimbusJwtDecoder.withPublicKey(dev.publicKey()).build(), dev.issuer()));
        });
        if (managers.size() == 1) {
            log.warn("No token issuer is trusted: every API call will be refused. Configure formidler.auth.issuers.");
        }
        return new TrustedIssuers(Map.copyOf(managers));
    }

    @Bean
    @ConditionalOnDevTokens
    DevTokenIssuer devTokenIssuer(FormidlerProperties properties, SealedFiles files) {
        return DevTokenIssuer.load(properties.dataDir().resolve("dev-issuer").resolve("signing-key.jwk.json"), files,
                properties.devTokens().issuer(), TOKEN_CLOCK);
    }

    /**
     * Runs after the web app's session filter (-500), which marks the requests a live session authenticated, and
     * before authentication (-100), so a missing key is refused before any token is looked at.
     */
    @Bean
    @ConditionalOnProperty(name = "formidler.api-key.required", havingValue = "true")
    FilterRegistrationBean<ApiKeyFilter> apiKeyFilter(FormidlerProperties properties) {
        var registration = new FilterRegistrationBean<>(new ApiKeyFilter(properties.apiKey().keys()));
        registration.setOrder(-400);
        return registration;
    }

    @Bean
    BrokerTokenSigner brokerTokenSigner(FormidlerProperties properties, SealedFiles files) {
        return BrokerTokenSigner.load(properties.dataDir().resolve("broker-issuer").resolve("signing-key.jwk.json"), files,
                properties.tokenExchange().issuer(), TOKEN_CLOCK);
    }

    @Bean
    WebMvcConfigurer callerArgument() {
        return new WebMvcConfigurer() {
            @Override
            public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
                resolvers.add(new CallerArgumentResolver());
            }
        };
    }

    private static NimbusJwtDecoder decoder(FormidlerProperties.Issuer issuer) {
        if (issuer.jwksUri() != null && !issuer.jwksUri().isBlank()) {
            return NimbusJwtDecoder.withJwkSetUri(issuer.jwksUri()).build();
        }
        if (issuer.publicKeyLocation() != null) {
            return NimbusJwtDecoder.withPublicKey(PemKeys.readPublicKey(issuer.publicKeyLocation())).build();
        }
        throw new IllegalStateException("Issuer " + issuer.issuer() + " needs jwks-uri or public-key-location");
    }

    private static AuthenticationManager manager(NimbusJwtDecoder decoder, String issuer) {
        OAuth2TokenValidator<Jwt> validator = new DelegatingOAuth2TokenValidator<>(
                JwtValidators.createDefaultWithIssuer(issuer),
                new JwtClaimValidator<Object>("exp", Objects::nonNull));
        decoder.setJwtValidator(validator);
        var known = new VerifiedTokens(decoder, validator, KNOWN_TOKENS_PER_ISSUER, TOKEN_CLOCK);
        return new JwtAuthenticationProvider(known)::authenticate;
    }

    /** The token issuers this broker trusts, each with its own key source. */
    record TrustedIssuers(Map<String, AuthenticationManager> managers) {
        AuthenticationManager manager(String issuer) {
            return managers.get(issuer);
        }
    }
}
