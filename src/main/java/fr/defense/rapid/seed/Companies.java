package fr.defense.rapid.seed;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * A fixed pool of fictitious companies (valid SIREN, size figures, region), spread over every company
 * category and region; their SME users are {@code pme-seed-<n>} (no such account exists: seeded cases
 * are seen by managers, not by an SME).
 */
final class Companies {

    record Company(
            String siren,
            String name,
            int headcount,
            long turnoverEur,
            long balanceSheetEur,
            String region,
            String category,
            String ownerId,
            String contactName,
            String contactEmail) {}

    /** The regions of the submission form, mainland and overseas; weights roughly follow their economies. */
    static final List<String> REGIONS = List.of(
            "Auvergne-Rhône-Alpes",
            "Bourgogne-Franche-Comté",
            "Bretagne",
            "Centre-Val de Loire",
            "Corse",
            "Grand Est",
            "Hauts-de-France",
            "Île-de-France",
            "Normandie",
            "Nouvelle-Aquitaine",
            "Occitanie",
            "Pays de la Loire",
            "Provence-Alpes-Côte d'Azur",
            "Guadeloupe",
            "Guyane",
            "Martinique",
            "La Réunion",
            "Mayotte");

    private static final int[] REGION_WEIGHTS = {12, 4, 7, 4, 1, 6, 6, 22, 4, 8, 10, 6, 7, 1, 1, 1, 1, 1};

    private static final String[] FIRST = {
        "Optronique",
        "Armor",
        "Nav",
        "Cyber",
        "Hélio",
        "Aéro",
        "Thermo",
        "Photon",
        "Quantix",
        "Sonar",
        "Drone",
        "Radar",
        "Mécatronique",
        "Composites",
        "Robotique",
        "Matériaux",
        "Systèmes",
        "Signal",
        "Cryo",
        "Hydro"
    };
    private static final String[] SECOND = {
        "du Lac", "Atlantique", "des Alpes", "de Provence", "Industries", "Technologies", "Innovation", "Défense",
        "Solutions", "Labs", "Ingénierie", "Dynamics", "Concept", "Précision", "du Rhône", "de l'Ouest"
    };
    private static final String[] PEOPLE = {
        "Claire Martin", "Yann Le Goff", "Sophie Bernard", "Karim Haddad", "Élodie Garnier", "Thomas Nguyen",
        "Inès Moreau", "Luc Fournier", "Nadia Benali", "Hugo Lambert", "Camille Rousseau", "Julien Mercier"
    };

    private final List<Company> all;

    Companies(int count, long seed) {
        Random random = new Random(seed);
        List<Company> companies = new ArrayList<>(count);
        for (int i = 1; i <= count; i++) {
            companies.add(company(i, random));
        }
        this.all = List.copyOf(companies);
    }

    Company pick(Random random) {
        return all.get(random.nextInt(all.size()));
    }

    private static Company company(int n, Random random) {
        double size = random.nextDouble();
        int headcount;
        long turnover;
        if (size < 0.55) {
            headcount = 3 + random.nextInt(47);
            turnover = 300_000L + random.nextInt(9_500_000);
        } else if (size < 0.85) {
            headcount = 50 + random.nextInt(200);
            turnover = 10_500_000L + random.nextInt(39_000_000);
        } else if (size < 0.96) {
            headcount = 250 + random.nextInt(1_750);
            turnover = 55_000_000L + (long) random.nextInt(900_000_000);
        } else {
            headcount = 2_000 + random.nextInt(20_000);
            turnover = 1_500_000_000L + (long) random.nextInt(1_000_000_000);
        }
        long balance = Math.max(100_000L, (long) (turnover * (0.5 + random.nextDouble() * 0.6)));
        String category = category(headcount, turnover, balance);
        String name = FIRST[random.nextInt(FIRST.length)] + " " + SECOND[random.nextInt(SECOND.length)] + " "
                + (char) ('A' + random.nextInt(26)) + n;
        String contact = PEOPLE[random.nextInt(PEOPLE.length)];
        String slug = "societe-" + n;
        return new Company(
                siren(100_000 + n * 7L),
                name,
                headcount,
                turnover,
                balance,
                region(random),
                category,
                "pme-seed-" + n,
                contact,
                contact.toLowerCase().replaceAll("[^a-z]+", ".") + "@" + slug + ".example");
    }

    /** The EU definition, as the rapid-company-category table applies it (DOMAIN.md §2). */
    static String category(int headcount, long turnover, long balance) {
        if (headcount < 50 && (turnover <= 10_000_000L || balance <= 10_000_000L)) {
            return "SMALL";
        }
        if (headcount < 250 && (turnover <= 50_000_000L || balance <= 43_000_000L)) {
            return "MEDIUM";
        }
        return headcount < 2_000 ? "ETI" : "LARGE";
    }

    private static String region(Random random) {
        int total = 0;
        for (int weight : REGION_WEIGHTS) {
            total += weight;
        }
        int draw = random.nextInt(total);
        for (int i = 0; i < REGION_WEIGHTS.length; i++) {
            draw -= REGION_WEIGHTS[i];
            if (draw < 0) {
                return REGIONS.get(i);
            }
        }
        return REGIONS.get(0);
    }

    /** Eight digits and the Luhn key: a valid SIREN. */
    static String siren(long base) {
        String digits = "%08d".formatted(base % 100_000_000L);
        for (int key = 0; key <= 9; key++) {
            if (luhn(digits + key)) {
                return digits + key;
            }
        }
        throw new IllegalStateException("no Luhn key for " + digits);
    }

    private static boolean luhn(String number) {
        int sum = 0;
        for (int i = 0; i < number.length(); i++) {
            int digit = number.charAt(number.length() - 1 - i) - '0';
            if (i % 2 == 1) {
                digit *= 2;
                if (digit > 9) {
                    digit -= 9;
                }
            }
            sum += digit;
        }
        return sum % 10 == 0;
    }
}
