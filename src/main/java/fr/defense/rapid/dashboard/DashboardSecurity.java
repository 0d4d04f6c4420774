package fr.defense.rapid.dashboard;

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
 * The dashboard is for managers (mission achats) and administrators only. They arrive from the
 * Camunda webapps with their session, which this chain reads (as the staff files do); HTTP Basic
 * serves scripts and the benchmark. Anyone else signed in gets 403: a problem document from the API
 * and the exports, a French page in the browser. Nobody signed in: 401 from the API, the webapps'
 * login page in the browser. Read-only (GET): nothing here writes but the export log.
 */
@Configuration(proxyBeanMethods = false)
class DashboardSecurity {

    static final List<String> READERS = List.of(Groups.MANAGERS, Groups.ADMINS);

    static final String REFUSAL = "/dashboard/acces-refuse";
    static final String LOGIN = "/camunda/app/welcome/default/#!/login";

    private static RequestMatcher path(String pattern) {
        return PathPatternRequestMatcher.withDefaults().matcher(pattern);
    }

    @Bean
    @Order(4)
    SecurityFilterChain dashboard(
            HttpSecurity http,
            List<AuthenticationProvider> providers,
            IdentityService identity,
            ProblemResponses problems)
            throws Exception {
        RequestMatcher machines = new OrRequestMatcher(path("/dashboard/api/**"), path("/dashboard/export/**"));
        AccessDeniedHandlerImpl refusalPage = new AccessDeniedHandlerImpl();
        refusalPage.setErrorPage(REFUSAL);
        http.securityMatcher(new OrRequestMatcher(path("/dashboard"), path("/dashboard/**")));
        providers.forEach(http::authenticationProvider);
        return http.authorizeHttpRequests(requests -> requests.requestMatchers(path(REFUSAL))
                        .permitAll()
                        .anyRequest()
                        .hasAnyAuthority(READERS.stream().map(Groups::authority).toArray(String[]::new)))
                .addFilterBefore(new WebappSessionAuthentication(identity), AnonymousAuthenticationFilter.class)
                .httpBasic(basic -> basic.authenticationEntryPoint(problems.unauthenticated()))
                .exceptionHandling(errors -> errors.defaultAuthenticationEntryPointFor(
                                problems.unauthenticated(), machines)
                        .defaultAuthenticationEntryPointFor(
                                (request, response, e) -> response.sendRedirect(LOGIN), AnyRequestMatcher.INSTANCE)
                        .defaultAccessDeniedHandlerFor(problems.forbidden(), machines)
                        .defaultAccessDeniedHandlerFor(refusalPage, AnyRequestMatcher.INSTANCE))
                .build();
    }
}
