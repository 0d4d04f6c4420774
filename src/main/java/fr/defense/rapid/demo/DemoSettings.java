package fr.defense.rapid.demo;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * What the {@code demo} profile creates ({@code rapid.demo.*}).
 *
 * @param users    the demo users of README, Users and roles (password = user id)
 * @param dossiers dossiers and mediation cases at each stage, on the first start
 */
@ConfigurationProperties("rapid.demo")
record DemoSettings(boolean users, boolean dossiers) {}
