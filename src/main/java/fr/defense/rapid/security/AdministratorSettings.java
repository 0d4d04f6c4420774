package fr.defense.rapid.security;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The first administrator ({@code rapid.admin.*}, from {@code ADMIN_USER} and {@code ADMIN_PASSWORD}).
 *
 * @param user      its user id, created in group camunda-admin if absent
 * @param password  its password (the password rules apply)
 * @param demoUsers whether the demo users (and their administrator) are created instead
 */
@ConfigurationProperties("rapid.admin")
record AdministratorSettings(String user, String password, boolean demoUsers) {

    AdministratorSettings {
        user = user == null ? "" : user;
        password = password == null ? "" : password;
    }
}
