package fr.defense.rapid.mediation;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;

/** The ECB main refinancing rate in force on a given day, from a CSV table (data, not code). */
final class EcbRates {

    private final NavigableMap<LocalDate, BigDecimal> ratesFrom;

    private EcbRates(NavigableMap<LocalDate, BigDecimal> ratesFrom) {
        this.ratesFrom = ratesFrom;
    }

    /** Reads {@code effective_from,rate_percent} lines; {@code #} starts a comment. */
    public static EcbRates read(InputStream csv) {
        NavigableMap<LocalDate, BigDecimal> rates = new TreeMap<>();
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(csv, StandardCharsets.UTF_8))) {
            String line;
            while ((line = lines.readLine()) != null) {
                line = line.strip();
                if (line.isEmpty() || line.startsWith("#") || line.startsWith("effective_from")) {
                    continue;
                }
                String[] cells = line.split(",");
                rates.put(LocalDate.parse(cells[0].strip()), new BigDecimal(cells[1].strip()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the ECB rate table", e);
        }
        return new EcbRates(rates);
    }

    public static EcbRates bundled() {
        return read(EcbRates.class.getResourceAsStream("/mediation/ecb-main-refinancing-rates.csv"));
    }

    /** The first day the table knows a rate for. */
    public LocalDate knownFrom() {
        return ratesFrom.firstKey();
    }

    /** The rate in percent in force on that day. */
    public BigDecimal ratePercentOn(LocalDate day) {
        Map.Entry<LocalDate, BigDecimal> entry = ratesFrom.floorEntry(day);
        if (entry == null) {
            throw new IllegalArgumentException("No ECB rate known on " + day);
        }
        return entry.getValue();
    }
}
