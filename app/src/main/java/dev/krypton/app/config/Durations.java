package dev.krypton.app.config;

import java.time.Duration;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Lengths of time in configuration files: {@code 0}, or a whole number with {@code ms}, {@code s}, {@code m} or {@code h}. */
final class Durations {

    private static final Pattern FORM = Pattern.compile("(0|[1-9][0-9]{0,8})(ms|s|m|h)?");

    private Durations() {
    }

    /** The duration written as {@code text}, or empty when it is not of that form (a bare number other than 0 included). */
    static Optional<Duration> parse(String text) {
        Matcher m = FORM.matcher(text.strip());
        if (!m.matches() || (m.group(2) == null && !m.group(1).equals("0"))) {
            return Optional.empty();
        }
        long n = Long.parseLong(m.group(1));
        return Optional.of(switch (m.group(2) == null ? "s" : m.group(2)) {
            case "ms" -> Duration.ofMillis(n);
            case "m" -> Duration.ofMinutes(n);
            case "h" -> Duration.ofHours(n);
            default -> Duration.ofSeconds(n);
        });
    }
}
