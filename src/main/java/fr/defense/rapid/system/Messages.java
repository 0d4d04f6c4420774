package fr.defense.rapid.system;

import java.util.Arrays;
import java.util.Locale;
import org.springframework.context.support.ResourceBundleMessageSource;

/**
 * The French texts of the API's refusals, from {@code messages/rapid.properties}: one place to read
 * and reword them. Arguments are given as text (a number would be grouped the French way, « 1 000 »,
 * where the forms state their bounds as they are).
 */
public final class Messages {

    private static final ResourceBundleMessageSource BUNDLE = bundle();

    private Messages() {}

    public static String get(String key, Object... arguments) {
        Object[] texts = Arrays.stream(arguments).map(String::valueOf).toArray();
        return BUNDLE.getMessage(key, texts, Locale.FRENCH);
    }

    /** The title and detail of a problem document for an HTTP status ({@code problem.<status>.*}). */
    public static String[] forStatus(int status) {
        String key = switch (status) {
            case 400, 401, 403, 404, 405, 406, 413, 415 -> String.valueOf(status);
            default -> status >= 500 ? "500" : "other";
        };
        return new String[] {get("problem." + key + ".title"), get("problem." + key + ".detail", status)};
    }

    private static ResourceBundleMessageSource bundle() {
        ResourceBundleMessageSource bundle = new ResourceBundleMessageSource();
        bundle.setBasename("messages/rapid");
        bundle.setDefaultEncoding("UTF-8");
        bundle.setFallbackToSystemLocale(false);
        bundle.setAlwaysUseMessageFormat(true);
        return bundle;
    }
}
