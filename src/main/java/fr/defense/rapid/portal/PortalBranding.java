package fr.defense.rapid.portal;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * What a deploying ministry changes in the portal's look without touching its pages: the
 * organisation's name, the service's name and the theme stylesheet (colours, fonts). Templates
 * read it as {@code @portalBranding}.
 */
@Component("portalBranding")
public class PortalBranding {

    private final String organisation;
    private final String serviceName;
    private final String themeStylesheet;

    PortalBranding(
            @Value("${rapid.portal.organisation:Ministère des Armées}") String organisation,
            @Value("${rapid.portal.service-name:Espace entreprises}") String serviceName,
            @Value("${rapid.portal.theme-stylesheet:/assets/portal/theme.css}") String themeStylesheet) {
        this.organisation = organisation;
        this.serviceName = serviceName;
        this.themeStylesheet = themeStylesheet;
    }

    public String getOrganisation() {
        return organisation;
    }

    public String getServiceName() {
        return serviceName;
    }

    public String getThemeStylesheet() {
        return themeStylesheet;
    }
}
