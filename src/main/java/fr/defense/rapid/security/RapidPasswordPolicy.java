package fr.defense.rapid.security;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.identity.PasswordPolicy;
import org.camunda.bpm.engine.identity.PasswordPolicyRule;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cmd.SaveUserCmd;
import org.camunda.bpm.engine.impl.identity.PasswordPolicyLengthRuleImpl;
import org.camunda.bpm.engine.impl.identity.PasswordPolicyUserDataRuleImpl;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.springframework.stereotype.Component;

/**
 * The password rules, through Camunda's own password-policy hook, so that they hold wherever a
 * password is set (Admin, the engine REST API, {@code ADMIN_PASSWORD}): at least 12 characters,
 * without the user's id, names or e-mail address, and not one of the common passwords listed in
 * {@code security/common-passwords.txt}. A refusal answers 400 in French instead of the engine's
 * English 500. The demo profile's users, whose password is their id, skip the policy: the demo is
 * for trying, never for production.
 */
@Component
class RapidPasswordPolicy extends AbstractProcessEnginePlugin implements PasswordPolicy {

    static final int MIN_LENGTH = 12;
    static final String REFUSAL = "Mot de passe refusé : il doit compter au moins " + MIN_LENGTH
            + " caractères, ne contenir ni l'identifiant, ni le nom, ni l'adresse électronique de l'utilisateur, "
            + "et ne pas figurer parmi les mots de passe courants.";

    private final List<PasswordPolicyRule> rules = List.of(
            new PasswordPolicyLengthRuleImpl(MIN_LENGTH), new PasswordPolicyUserDataRuleImpl(), new NotCommon(load()));

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        configuration.setEnablePasswordPolicy(true);
        configuration.setPasswordPolicy(this);
        if (configuration.getCustomPreCommandInterceptorsTxRequired() == null) {
            configuration.setCustomPreCommandInterceptorsTxRequired(new java.util.ArrayList<>());
        }
        configuration.getCustomPreCommandInterceptorsTxRequired().add(new FrenchRefusal());
    }

    @Override
    public List<PasswordPolicyRule> getRules() {
        return rules;
    }

    /** The engine refuses with an English 500: say it in French, as a 400. */
    private static final class FrenchRefusal extends CommandInterceptor {
        @Override
        public <T> T execute(Command<T> command) {
            try {
                return next.execute(command);
            } catch (ProcessEngineException e) {
                if (command instanceof SaveUserCmd && "Password does not match policy".equals(e.getMessage())) {
                    throw new BadUserRequestException(REFUSAL);
                }
                throw e;
            }
        }
    }

    /** Not in the shipped list of common passwords (compared without case). */
    record NotCommon(Set<String> common) implements PasswordPolicyRule {
        @Override
        public String getPlaceholder() {
            return "PASSWORD_POLICY_COMMON";
        }

        @Override
        public Map<String, String> getParameters() {
            return Map.of();
        }

        @Override
        public boolean execute(String candidatePassword) {
            return !common.contains(candidatePassword.toLowerCase(Locale.ROOT));
        }
    }

    private static Set<String> load() {
        try (InputStream in = RapidPasswordPolicy.class.getResourceAsStream("/security/common-passwords.txt")) {
            if (in == null) {
                throw new IllegalStateException("security/common-passwords.txt is missing from the classpath");
            }
            return new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))
                    .lines()
                    .map(String::strip)
                    .filter(line -> !line.isEmpty() && !line.startsWith("#"))
                    .map(line -> line.toLowerCase(Locale.ROOT))
                    .collect(Collectors.toUnmodifiableSet());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
