package fr.defense.rapid.account;

import fr.defense.rapid.security.Groups;
import fr.defense.rapid.security.ProblemResponses;
import fr.defense.rapid.security.WebappSessionAuthentication;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandlerImpl;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.AnyRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * The account audit log is for administrators ({@code camunda-admin}) only. They arrive from the
 * Camunda webapps with their session, which this chain reads (as the dashboard does); HTTP Basic
 * serves scripts. Anyone else signed in gets 403 (a French page; a problem document for the export),
 * nobody signed in is sent to the webapps' login (401 for the export). Read-only: GET only.
 */
@Configuration(proxyBeanMethods = false)
class AuditLogSecurity {

    static final String PAGE = "/journal-des-comptes";
    static final String EXPORT = PAGE + "/export.csv";
    static final String REFUSAL = PAGE + "/acces-refuse";
    static final String LOGIN = "/camunda/app/welcome/default/#!/login";

    private static RequestMatcher path(String pattern) {
        return PathPatternRequestMatcher.withDefaults().matcher(pattern);
    }

    @Bean
    @Order(5)
    SecurityFilterChain accountAuditLog(
            HttpSecurity http,
            List<AuthenticationProvider> providers,
            IdentityService identity,
            ProblemResponses problems)
            throws Exception {
        RequestMatcher export = path(EXPORT);
        AccessDeniedHandlerImpl refusalPage = new AccessDeniedHandlerImpl();
        refusalPage.setErrorPage(REFUSAL);
        http.securityMatcher(new OrRequestMatcher(path(PAGE), path(PAGE + "/**")));
        providers.forEach(http::authenticationProvider);
        return http.authorizeHttpRequests(requests -> requests.requestMatchers(path(REFUSAL))
                        .permitAll()
                        .anyRequest()
                        .hasAuthority(Groups.authority(Groups.ADMINS)))
                .addFilterBefore(new WebappSessionAuthentication(identity), AnonymousAuthenticationFilter.class)
                .httpBasic(basic -> basic.authenticationEntryPoint(problems.unauthenticated()))
                .exceptionHandling(errors -> errors.defaultAuthenticationEntryPointFor(
                                problems.unauthenticated(), export)
                        .defaultAuthenticationEntryPointFor(
                                (request, response, e) -> response.sendRedirect(LOGIN), AnyRequestMatcher.INSTANCE)
                        .defaultAccessDeniedHandlerFor(problems.forbidden(), export)
                        .defaultAccessDeniedHandlerFor(refusalPage, AnyRequestMatcher.INSTANCE))
                .build();
    }
}
