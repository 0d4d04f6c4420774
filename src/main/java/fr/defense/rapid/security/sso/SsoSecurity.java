package fr.defense.rapid.security.sso;

import fr.defense.rapid.security.SmeEnrolment;
import org.camunda.bpm.engine.ProcessEngine;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizationRequestRedirectFilter;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;

/**
 * Single sign-on through OpenID Connect (Spring Security's OAuth2 client), only when
 * {@code rapid.sso.enabled}: otherwise none of its addresses exists. Password logins are untouched:
 * the portal's form and the webapps' own login stay as they are.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "rapid.sso.enabled", havingValue = "true")
class SsoSecurity {

    @Bean
    @Order(5)
    SecurityFilterChain singleSignOn(
            HttpSecurity http,
            SsoSettings settings,
            ObjectProvider<ClientRegistrationRepository> registrations,
            ProcessEngine engine,
            ObjectProvider<SmeEnrolment> enrolment,
            ApplicationEventPublisher events)
            throws Exception {
        ClientRegistrationRepository clients = registrations.getIfAvailable();
        ClientRegistration provider = clients == null ? null : clients.findByRegistrationId(settings.registration());
        if (provider == null) {
            throw new IllegalStateException("rapid.sso.enabled is true but spring.security.oauth2.client.registration."
                    + settings.registration() + " is not configured (README, « Authentification unique »)");
        }
        // The portal reads its authentication from the session under Spring's usual key.
        HttpSessionSecurityContextRepository sessions = new HttpSessionSecurityContextRepository();
        SsoCompletion completion = new SsoCompletion(
                new StaffSignOn(settings.staff(), engine),
                new SmeSignOn(
                        settings.sme(),
                        engine.getIdentityService(),
                        sessions,
                        enrolment.getIfAvailable(),
                        settings.providerName()),
                sessions,
                events,
                settings.providerName());
        PathPatternRequestMatcher.Builder paths = PathPatternRequestMatcher.withDefaults();
        return http.securityMatcher(new OrRequestMatcher(
                        paths.matcher("/sso/**"),
                        paths.matcher("/oauth2/authorization/*"),
                        paths.matcher("/login/oauth2/code/*")))
                .authorizeHttpRequests(requests -> requests.anyRequest().permitAll())
                .securityContext(context -> context.securityContextRepository(sessions))
                .oauth2Login(login -> login.clientRegistrationRepository(clients)
                        .userInfoEndpoint(userInfo -> userInfo.oidcUserService(SignedUserInfo.userService(provider)))
                        .loginPage("/login")
                        .successHandler(completion)
                        .failureHandler(completion))
                .addFilterBefore(new StrictCookieBounce(), OAuth2AuthorizationRequestRedirectFilter.class)
                .build();
    }
}
