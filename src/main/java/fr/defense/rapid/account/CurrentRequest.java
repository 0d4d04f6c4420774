package fr.defense.rapid.account;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The request being served, for the audit log's client address and channel. Spring's
 * RequestContextHolder is no help: it is filled inside Spring MVC's and Jersey's servlets, after
 * Spring Security's filters (where logins succeed and fail) and emptied before the webapps' login
 * filter sees its outcome. This filter runs before every other one and keeps the request for the
 * whole exchange.
 */
@Configuration(proxyBeanMethods = false)
class CurrentRequest {

    private static final ThreadLocal<HttpServletRequest> CURRENT = new ThreadLocal<>();

    /** The request this thread serves, or null (a job, a scheduler, start-up). */
    static HttpServletRequest get() {
        return CURRENT.get();
    }

    @Bean
    FilterRegistrationBean<OncePerRequestFilter> accountAuditCurrentRequest() {
        FilterRegistrationBean<OncePerRequestFilter> registration = new FilterRegistrationBean<>(new Keeper());
        // Before Spring Security's chain (-100) and the request-size limits.
        registration.setOrder(Integer.MIN_VALUE + 1);
        registration.addUrlPatterns("/*");
        return registration;
    }

    private static final class Keeper extends OncePerRequestFilter {
        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            HttpServletRequest previous = CURRENT.get();
            CURRENT.set(request);
            try {
                chain.doFilter(request, response);
            } finally {
                if (previous == null) {
                    CURRENT.remove();
                } else {
                    CURRENT.set(previous);
                }
            }
        }
    }
}
