package fr.defense.rapid.security.sso;

import java.io.IOException;
import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.springframework.http.HttpInputMessage;
import org.springframework.http.HttpOutputMessage;
import org.springframework.http.MediaType;
import org.springframework.http.converter.AbstractGenericHttpMessageConverter;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.oauth2.client.http.OAuth2ErrorResponseErrorHandler;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserService;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.userinfo.DefaultOAuth2UserService;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.util.StreamUtils;
import org.springframework.web.client.RestTemplate;

/**
 * The provider's user info, read as JSON or, as ProConnect sends it, as a JWT signed with the
 * provider's keys ({@code application/jwt}), which Spring Security's user service does not read by
 * itself: its signature is checked against the provider's published keys before any claim is used.
 */
final class SignedUserInfo extends AbstractGenericHttpMessageConverter<Map<String, Object>> {

    private static final MediaType JWT = new MediaType("application", "jwt");

    private final JwtDecoder decoder;

    private SignedUserInfo(JwtDecoder decoder) {
        super(StandardCharsets.US_ASCII, JWT);
        this.decoder = decoder;
    }

    /** The OIDC user service for this provider: user info in JSON or signed JWT. */
    static OidcUserService userService(ClientRegistration provider) {
        RestTemplate rest = new RestTemplate();
        rest.setErrorHandler(new OAuth2ErrorResponseErrorHandler());
        String keys = provider.getProviderDetails().getJwkSetUri();
        if (keys != null) {
            rest.getMessageConverters()
                    .add(
                            0,
                            new SignedUserInfo(
                                    NimbusJwtDecoder.withJwkSetUri(keys).build()));
        }
        DefaultOAuth2UserService userInfo = new DefaultOAuth2UserService();
        userInfo.setRestOperations(rest);
        OidcUserService users = new OidcUserService();
        users.setOauth2UserService(userInfo);
        return users;
    }

    @Override
    protected boolean supports(Class<?> type) {
        return Map.class.isAssignableFrom(type);
    }

    /** The user service asks for a {@code Map<String, Object>}: a generic type, which only a generic converter reads. */
    @Override
    public Map<String, Object> read(Type type, Class<?> context, HttpInputMessage input) throws IOException {
        return readInternal(null, input);
    }

    @Override
    protected Map<String, Object> readInternal(Class<? extends Map<String, Object>> type, HttpInputMessage input)
            throws IOException {
        String token = StreamUtils.copyToString(input.getBody(), StandardCharsets.US_ASCII)
                .strip();
        try {
            return decoder.decode(token).getClaims();
        } catch (JwtException e) {
            throw new HttpMessageNotReadableException("User info: " + e.getMessage(), e, input);
        }
    }

    @Override
    protected void writeInternal(Map<String, Object> claims, Type type, HttpOutputMessage output) {
        throw new UnsupportedOperationException("User info is only read");
    }
}
