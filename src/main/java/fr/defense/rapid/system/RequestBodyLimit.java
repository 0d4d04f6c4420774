package fr.defense.rapid.system;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Bounds every request body before anything parses it: a declared length above the limit is
 * answered 413 at once; a body sent without a length is cut at the limit, which our API then answers
 * 413 too (the engine's APIs answer it as a bad request). One limit for our API, the engine REST
 * API and the webapps': {@code rapid.security.max-body} (1 MB), {@code rapid.security.max-upload}
 * (20 MB) for {@code multipart/form-data}, which Camunda's APIs would otherwise read whole into memory.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class RequestBodyLimit extends OncePerRequestFilter {

    /** Reading went past the limit. */
    static final class TooLarge extends IOException {
        private final DataSize limit;

        TooLarge(DataSize limit) {
            super("Request body above " + limit);
            this.limit = limit;
        }

        DataSize limit() {
            return limit;
        }
    }

    private final DataSize body;
    private final DataSize upload;
    private final ObjectMapper json;

    RequestBodyLimit(RequestLimits limits, ObjectMapper json) {
        this.body = limits.maxBody();
        this.upload = limits.maxUpload();
        this.json = json;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String type = request.getContentType();
        DataSize limit =
                type != null && type.toLowerCase().startsWith(MediaType.MULTIPART_FORM_DATA_VALUE) ? upload : body;
        if (request.getContentLengthLong() > limit.toBytes()) {
            response.setStatus(HttpStatus.PAYLOAD_TOO_LARGE.value());
            response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
            response.setCharacterEncoding("UTF-8");
            // The body is not read: close the connection rather than drain it.
            response.setHeader("Connection", "close");
            json.writeValue(response.getOutputStream(), limit == upload ? uploadProblem(limit) : problem(limit));
            return;
        }
        chain.doFilter(new Bounded(request, limit), response);
    }

    static ProblemDetail problem(DataSize limit) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(
                HttpStatus.PAYLOAD_TOO_LARGE, Messages.get("refusal.tooLarge", limit.toKilobytes()));
        problem.setTitle(Messages.forStatus(413)[0]);
        return problem;
    }

    /** An upload above the limit: its size said as a French reader says a file's (« 21 Mo »). */
    static ProblemDetail uploadProblem(DataSize limit) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(
                HttpStatus.PAYLOAD_TOO_LARGE,
                Messages.get("refusal.uploadTooLarge", FrenchFormat.size(limit.toBytes())));
        problem.setTitle(Messages.forStatus(413)[0]);
        return problem;
    }

    /** The request, whose body stops at the limit. */
    private static final class Bounded extends HttpServletRequestWrapper {
        private final DataSize limit;
        private ServletInputStream stream;
        private BufferedReader reader;

        Bounded(HttpServletRequest request, DataSize limit) {
            super(request);
            this.limit = limit;
        }

        @Override
        public ServletInputStream getInputStream() throws IOException {
            if (stream == null) {
                ServletInputStream in = super.getInputStream();
                stream = new ServletInputStream() {
                    private long read;

                    @Override
                    public int read() throws IOException {
                        int b = in.read();
                        if (b >= 0) {
                            count(1);
                        }
                        return b;
                    }

                    @Override
                    public int read(byte[] buffer, int offset, int length) throws IOException {
                        int n = in.read(buffer, offset, length);
                        if (n > 0) {
                            count(n);
                        }
                        return n;
                    }

                    private void count(int n) throws TooLarge {
                        read += n;
                        if (read > limit.toBytes()) {
                            throw new TooLarge(limit);
                        }
                    }

                    @Override
                    public boolean isFinished() {
                        return in.isFinished();
                    }

                    @Override
                    public boolean isReady() {
                        return in.isReady();
                    }

                    @Override
                    public void setReadListener(ReadListener listener) {
                        in.setReadListener(listener);
                    }
                };
            }
            return stream;
        }

        @Override
        public BufferedReader getReader() throws IOException {
            if (reader == null) {
                String encoding = getCharacterEncoding();
                reader = new BufferedReader(new InputStreamReader(
                        getInputStream(), encoding == null ? StandardCharsets.UTF_8 : Charset.forName(encoding)));
            }
            return reader;
        }
    }
}
