package fr.defense.rapid.security;

import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.security.authentication.AuthenticationEventPublisher;
import org.springframework.security.authentication.DefaultAuthenticationEventPublisher;
import org.springframework.security.authentication.event.AuthenticationFailureDisabledEvent;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandlerImpl;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.csrf.CookieCsrfTokenRepository;
import org.springframework.security.web.csrf.CsrfTokenRequestAttributeHandler;
import org.springframework.security.web.savedrequest.HttpSessionRequestCache;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.AnyRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * Who may reach what. SMEs use only the SME portal ({@code /portail}) and the SME API ({@code /api}),
 * with a session (login form, CSRF-protected) or, for the API, HTTP Basic; staff use the Camunda webapps (their own login, CSRF and
 * cookies) and {@code /engine-rest} (HTTP Basic), where Camunda's authorizations then apply.
 * SMEs never reach the engine REST API; staff do not use the SME API.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfig {

    /**
     * Matches the request path whatever servlet serves it: the engine REST API is a Jersey
     * servlet, which Spring MVC's default matchers would not see.
     */
    private static RequestMatcher path(String pattern) {
        return PathPatternRequestMatcher.withDefaults().matcher(pattern);
    }

    /**
     * A request with HTTP Basic credentials has no session to protect from CSRF: Spring's Basic
     * filter either authenticates it with them or refuses it (401), never by its session (see
     * BasicIgnoresSession). Any other Authorization scheme is ignored by that filter, so it earns
     * no exemption; nor does a POST a cross-site page could send without asking (no JSON body): a
     * browser that once cached Basic credentials would add them to a hostile form's POST.
     */
    private static final RequestMatcher WITH_BASIC_CREDENTIALS = request -> {
        String header = request.getHeader("Authorization");
        return header != null && header.regionMatches(true, 0, "Basic ", 0, 6) && header.length() > 6;
    };

    private static final RequestMatcher CSRF_EXEMPT = request -> WITH_BASIC_CREDENTIALS.matches(request)
            && (!HttpMethod.POST.matches(request.getMethod()) || isJson(request.getContentType()));

    private static boolean isJson(String contentType) {
        try {
            return contentType != null
                    && MediaType.APPLICATION_JSON.isCompatibleWith(MediaType.parseMediaType(contentType));
        } catch (InvalidMediaTypeException e) {
            return false;
        }
    }

    /**
     * Spring's publisher maps refusals to failure events by their exact class: without this line, an
     * inactive account's refusal would publish no event, and the account audit log would miss it.
     */
    @Bean
    AuthenticationEventPublisher authenticationEventPublisher(ApplicationEventPublisher events) {
        DefaultAuthenticationEventPublisher publisher = new DefaultAuthenticationEventPublisher(events);
        publisher.setAdditionalExceptionMappings(
                Map.of(InactiveAccountException.class, AuthenticationFailureDisabledEvent.class));
        return publisher;
    }

    @Bean
    @Order(1)
    SecurityFilterChain smeApi(
            HttpSecurity http, CamundaIdentityAuthenticationProvider identity, ProblemResponses problems)
            throws Exception {
        CsrfTokenRequestAttributeHandler csrfHandler = new CsrfTokenRequestAttributeHandler();
        // The portal's pages send a visitor without a session to the login page, and back afterwards;
        // the API answers such calls with a problem document instead.
        RequestMatcher portal = path("/portail/**");
        HttpSessionRequestCache portalPages = new HttpSessionRequestCache();
        portalPages.setRequestMatcher(portal);
        AccessDeniedHandlerImpl portalRefusal = new AccessDeniedHandlerImpl();
        portalRefusal.setErrorPage(PORTAL_REFUSAL);
        return http.securityMatcher(new OrRequestMatcher(path("/api/**"), portal, path("/login"), path("/logout")))
                .securityContext(
                        context -> context.securityContextRepository(new BasicIgnoresSession(WITH_BASIC_CREDENTIALS)))
                .authenticationProvider(identity)
                .authorizeHttpRequests(requests -> requests.requestMatchers(
                                path("/login"),
                                path(PORTAL_REFUSAL),
                                path(REGISTRATION),
                                path(REGISTRATION + "/**"),
                                path(PASSWORD_RESET),
                                path(PASSWORD_RESET + "/**"))
                        .permitAll()
                        .anyRequest()
                        .hasAuthority(Groups.authority(Groups.SME)))
                .requestCache(cache -> cache.requestCache(portalPages))
                .formLogin(login -> login.loginPage("/login")
                        .defaultSuccessUrl("/portail", false)
                        .failureHandler((request, response, e) -> response.sendRedirect(
                                e instanceof LoginThrottledException throttled
                                        ? "/login?retry=" + LoginThrottledException.seconds(throttled.retryAfter())
                                        : e instanceof InactiveAccountException inactive
                                                ? LoginPageController.inactive(inactive.inactivity())
                                                : "/login?error")))
                .httpBasic(basic -> basic.authenticationEntryPoint(problems.unauthenticated()))
                .csrf(csrf -> csrf.csrfTokenRepository(CookieCsrfTokenRepository.withHttpOnlyFalse())
                        .csrfTokenRequestHandler(csrfHandler)
                        .ignoringRequestMatchers(CSRF_EXEMPT))
                .logout(logout -> logout.logoutSuccessUrl("/login?logout"))
                .exceptionHandling(errors -> errors.defaultAuthenticationEntryPointFor(
                                new LoginUrlAuthenticationEntryPoint("/login"), portal)
                        .defaultAuthenticationEntryPointFor(problems.unauthenticated(), AnyRequestMatcher.INSTANCE)
                        .defaultAccessDeniedHandlerFor(portalRefusal, portal)
                        .defaultAccessDeniedHandlerFor(problems.forbidden(), AnyRequestMatcher.INSTANCE))
                .build();
    }

    /** The portal's « accès refusé » page (a staff member, an expired form): rendered by the portal module. */
    static final String PORTAL_REFUSAL = "/portail/acces-refuse";

    /** The SME self-registration pages (account module): open to anyone. */
    static final String REGISTRATION = "/portail/inscription";

    /** The SME password-reset pages (account module): open to anyone. */
    static final String PASSWORD_RESET = "/portail/mot-de-passe-oublie";

    @Bean
    @Order(2)
    SecurityFilterChain engineRest(
            HttpSecurity http, CamundaIdentityAuthenticationProvider identity, ProblemResponses problems)
            throws Exception {
        String[] staff = Groups.STAFF.stream().map(Groups::authority).toArray(String[]::new);
        return http.securityMatcher(new OrRequestMatcher(path("/engine-rest/**"), path("/dev/**")))
                .authenticationProvider(identity)
                .authorizeHttpRequests(requests -> requests.requestMatchers(
                                PathPatternRequestMatcher.withDefaults().matcher(HttpMethod.GET, "/engine-rest/engine"))
                        .permitAll()
                        // Checks anyone's password outside any login, so outside the throttle: nobody needs it.
                        .requestMatchers(path("/engine-rest/identity/verify"))
                        .denyAll()
                        // The demo's mailbox shows every SME's mails: administrators only.
                        .requestMatchers(path("/dev/**"))
                        .hasAuthority(Groups.authority(Groups.ADMINS))
                        .anyRequest()
                        .hasAnyAuthority(staff))
                .httpBasic(basic -> basic.authenticationEntryPoint(problems.unauthenticated()))
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(AbstractHttpConfigurer::disable)
                .exceptionHandling(errors -> errors.authenticationEntryPoint(problems.unauthenticated())
                        .accessDeniedHandler(problems.forbidden()))
                .build();
    }

    /**
     * Everything else: the Camunda webapps, which authenticate, check application access and
     * protect against CSRF themselves, and the API documentation. Security headers still apply.
     * Two doors of the webapps stay shut: their login for SMEs, and their initial set-up page,
     * which would let anyone create the first administrator of an empty production database
     * (the first administrator comes from the environment instead, see InitialAdministrator).
     */
    @Bean
    @Order(10)
    SecurityFilterChain webapps(
            HttpSecurity http,
            IdentityService identity,
            LoginThrottle throttle,
            ProblemResponses problems,
            ApplicationEventPublisher events)
            throws Exception {
        return http.authorizeHttpRequests(requests -> requests.requestMatchers(path("/camunda/api/admin/setup/**"))
                        .denyAll()
                        .requestMatchers(path("/camunda/api/engine/engine/*/identity/verify"))
                        .denyAll()
                        .anyRequest()
                        .permitAll())
                .addFilterBefore(new WebappLoginThrottle(throttle, problems, events), AuthorizationFilter.class)
                .addFilterBefore(new SmeWebappLoginBlocker(identity), AuthorizationFilter.class)
                .csrf(AbstractHttpConfigurer::disable)
                .headers(headers -> headers.frameOptions(frame -> frame.sameOrigin()))
                .build();
    }
}
