package fr.defense.rapid.system;

import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * How large a request may be ({@code rapid.security.max-body}, {@code rapid.security.max-upload}),
 * checked at start-up.
 *
 * @param maxBody   any request but an upload (JSON, forms)
 * @param maxUpload a multipart upload (attachments)
 */
@ConfigurationProperties("rapid.security")
@Validated
record RequestLimits(@NotNull DataSize maxBody, @NotNull DataSize maxUpload) {}
