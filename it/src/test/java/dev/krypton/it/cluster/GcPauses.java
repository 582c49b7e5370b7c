package dev.krypton.it.cluster;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The GC pauses of the cluster's nodes, from the {@code -Xlog:gc} files {@link NodeProcess} asks
 * each JVM to write ({@code <name>-gc.log}, decorated with wall-clock time), to tell whether a slow
 * trial coincided with a pause.
 */
public final class GcPauses {

    /** One pause: which node, when it ended (wall clock), how long it was. */
    public record Pause(String node, Instant end, double millis) {}

    private static final Pattern LINE = Pattern.compile("^\\[([^\\]]+)\\].*Pause.* ([0-9.]+)ms$");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSZ");

    private GcPauses() {
    }

    /** Every pause the nodes logged, in the order of their files. */
    public static List<Pause> of(Cluster cluster) throws IOException {
        List<Pause> out = new ArrayList<>();
        for (NodeProcess n : cluster.nodes()) {
            Path log = n.dir().resolve(n.name() + "-gc.log");
            if (!Files.exists(log)) {
                continue;
            }
            for (String line : Files.readAllLines(log)) {
                Matcher m = LINE.matcher(line);
                if (m.find()) {
                    out.add(new Pause(n.name(), OffsetDateTime.parse(m.group(1), TIME).toInstant(),
                            Double.parseDouble(m.group(2))));
                }
            }
        }
        return out;
    }

    /** The longest pause of any node that ended within {@code [from, to]}; 0 when none did. */
    public static double longestWithin(List<Pause> pauses, Instant from, Instant to) {
        return pauses.stream().filter(p -> !p.end().isBefore(from) && !p.end().isAfter(to))
                .mapToDouble(Pause::millis).max().orElse(0);
    }
}
