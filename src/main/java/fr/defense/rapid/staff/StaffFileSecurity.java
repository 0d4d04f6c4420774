package fr.defense.rapid.staff;

import fr.defense.rapid.security.Groups;
import fr.defense.rapid.security.WebappSessionAuthentication;
import fr.defense.rapid.system.Messages;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;

/**
 * Who may open a staff file: the staff of its procedure (RAPID: secretariat, experts, committee;
 * mediation: correspondents, mediators), managers and administrators. Staff arrive from Tasklist
 * with the webapps' session, which this chain reads; HTTP Basic serves scripts. An SME (signed in
 * to the portal) or another procedure's staff gets a French 403 page; nobody signed in is sent to
 * Tasklist's login. Read-only pages: GET changes nothing, and Spring's CSRF protection leaves it alone.
 */
@Configuration(proxyBeanMethods = false)
class StaffFileSecurity {

    static final List<String> RAPID_STAFF =
            List.of(Groups.SECRETARIAT, Groups.EXPERTS, Groups.COMMITTEE, Groups.MANAGERS, Groups.ADMINS);
    static final List<String> MEDIATION_STAFF =
            List.of(Groups.CORRESPONDENTS, Groups.MEDIATORS, Groups.MANAGERS, Groups.ADMINS);

    @Bean
    @Order(3)
    SecurityFilterChain staffFiles(
            HttpSecurity http,
            List<AuthenticationProvider> providers,
            IdentityService identity,
            StaffFileController pages)
            throws Exception {
        http.securityMatcher(PathPatternRequestMatcher.withDefaults().matcher("/staff/**"));
        providers.forEach(http::authenticationProvider);
        return http.authorizeHttpRequests(requests -> requests.requestMatchers(
                                PathPatternRequestMatcher.withDefaults().matcher("/staff/dossiers/**"))
                        .hasAnyAuthority(authorities(RAPID_STAFF))
                        .requestMatchers(
                                PathPatternRequestMatcher.withDefaults().matcher("/staff/mediations/**"))
                        .hasAnyAuthority(authorities(MEDIATION_STAFF))
                        .anyRequest()
                        .denyAll())
                .addFilterBefore(new WebappSessionAuthentication(identity), AnonymousAuthenticationFilter.class)
                .httpBasic(basic -> {})
                .exceptionHandling(errors -> errors.authenticationEntryPoint(
                                (request, response, e) -> response.sendRedirect("/camunda/app/tasklist/"))
                        .accessDeniedHandler((request, response, e) -> {
                            response.setStatus(HttpStatus.FORBIDDEN.value());
                            response.setContentType("text/html;charset=UTF-8");
                            response.getOutputStream()
                                    .write(pages.messagePage("Accès refusé", Messages.get("staff.forbidden"))
                                            .getBytes(StandardCharsets.UTF_8));
                        }))
                .build();
    }

    private static String[] authorities(List<String> groups) {
        return groups.stream().map(Groups::authority).toArray(String[]::new);
    }
}
