package fr.defense.rapid.account;

/** What an SME types to register (the data dictionary's names), as the form posts it. */
record RegistrationForm(
        String companySiren,
        String companyName,
        String contactName,
        String contactEmail,
        String password,
        String passwordConfirmation) {

    static RegistrationForm empty() {
        return new RegistrationForm("", "", "", "", "", "");
    }

    /** The SIREN as typed, without the spaces people put in it ({@code 732 829 320}). */
    String siren() {
        return companySiren == null ? "" : companySiren.replaceAll("[\\s\\u00a0]", "");
    }

    static String strip(String value) {
        return value == null ? "" : value.strip();
    }
}
