package fr.defense.rapid.system;

import org.springframework.boot.web.embedded.tomcat.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.stereotype.Component;

/**
 * An encoded slash ({@code %2F}) in a path: Tomcat would refuse it itself with an HTML page. Let
 * it through encoded instead, to Spring Security's firewall, which refuses it as well (400), but
 * through the application's error page: a French problem document like every other error.
 */
@Component
class EncodedSlashes implements WebServerFactoryCustomizer<TomcatServletWebServerFactory> {

    @Override
    public void customize(TomcatServletWebServerFactory factory) {
        factory.addConnectorCustomizers(connector -> connector.setEncodedSolidusHandling("passthrough"));
    }
}
