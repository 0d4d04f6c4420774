package fr.defense.rapid.form;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * A filter that reads what the engine's REST resources answered before it leaves, and may answer
 * something else instead: the body is held back until {@link #rewrite} has seen it.
 */
abstract class ResponseRewriting extends OncePerRequestFilter {

    @Override
    protected final void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        ContentCachingResponseWrapper captured = new ContentCachingResponseWrapper(response);
        chain.doFilter(request, captured);
        byte[] body = captured.getContentAsByteArray();
        if (body.length > 0) {
            body = rewrite(request, captured.getStatus(), captured.getContentType(), body);
        }
        captured.resetBuffer();
        captured.setContentLength(body.length);
        captured.getOutputStream().write(body);
        captured.copyBodyToResponse();
    }

    /** The body to send for this request's response, given the one written (not empty). */
    protected abstract byte[] rewrite(HttpServletRequest request, int status, String contentType, byte[] body)
            throws IOException;
}
