package fr.defense.rapid.form;

/**
 * Characters that make submitted text lie to whoever reads it (staff in Tasklist, a mail, the case
 * file): control characters (NUL included, which PostgreSQL cannot even store), the Unicode
 * bidirectional overrides and isolates that display text in another order than it is written
 * (U+202A–U+202E, U+2066–U+2069), and lone surrogates (half a character). Line breaks and tabs
 * are text in a multi-line field only.
 */
final class UnsafeCharacters {

    private UnsafeCharacters() {}

    /** The first unsafe character, described for the person who typed it, or {@code null}. */
    static String find(String text, boolean multiLine) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return describe(c, "moitié de caractère isolée");
            } else if (c >= 0x202A && c <= 0x202E || c >= 0x2066 && c <= 0x2069) {
                return describe(c, "inversion du sens d'affichage du texte");
            } else if (Character.getType(c) == Character.CONTROL
                    && !(multiLine && (c == '\n' || c == '\r' || c == '\t'))) {
                return describe(
                        c,
                        c == '\n' || c == '\r' || c == '\t'
                                ? "retour à la ligne ou tabulation dans un champ d'une ligne"
                                : "caractère de contrôle");
            }
        }
        return null;
    }

    private static String describe(char c, String what) {
        return "U+%04X, %s".formatted((int) c, what);
    }
}
