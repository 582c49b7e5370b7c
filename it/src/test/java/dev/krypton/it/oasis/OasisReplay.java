package dev.krypton.it.oasis;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * Replays every OASIS KMIP profile test case (copied under {@code kmip-testcases/v1.4} and
 * {@code v2.1}, see the NOTICE there) against one server and tabulates the outcome per version and
 * profile, with the reason of every failure and skip.
 */
final class OasisReplay {
    private OasisReplay() {
    }

    /** Runs every case; {@code skip} names the cases not to run against this server, with why. */
    static Results run(CaseRunner runner, Function<CaseFile, Optional<String>> skip) {
        List<CaseResult> results = new ArrayList<>();
        for (String file : files()) {
            CaseFile testCase = CaseFile.load(root(), file, Instant.now().getEpochSecond());
            results.add(skip.apply(testCase)
                    .<CaseResult>map(reason -> new CaseResult.Skipped(testCase, reason))
                    .orElseGet(() -> runner.run(testCase)));
        }
        return new Results(List.copyOf(results));
    }

    /** The outcomes of one run. */
    record Results(List<CaseResult> all) {
        /** Passed cases per "version profile" key ("v1.4 SKLC"). */
        Map<String, Long> passedByProfile() {
            Map<String, Long> passed = new TreeMap<>();
            for (CaseResult r : all) {
                passed.merge(key(r), r instanceof CaseResult.Passed ? 1L : 0L, Long::sum);
            }
            return passed;
        }

        /** The table: profile, passed / run / total, then every failure and skip with its reason. */
        String table(String server) {
            Map<String, long[]> counts = new TreeMap<>();
            for (CaseResult r : all) {
                long[] c = counts.computeIfAbsent(key(r), k -> new long[3]);
                c[0] += r instanceof CaseResult.Passed ? 1 : 0;
                c[1] += r instanceof CaseResult.Skipped ? 0 : 1;
                c[2]++;
            }
            var out = new StringBuilder("OASIS KMIP profile test cases against " + server + "\n\n");
            out.append("| version | profile | passed / run / total |\n|---|---|---|\n");
            counts.forEach((k, c) -> out.append("| ").append(k.replace(" ", " | ")).append(" | ")
                    .append(c[0]).append(" / ").append(c[1]).append(" / ").append(c[2]).append(" |\n"));
            out.append("\n");
            for (CaseResult r : all) {
                switch (r) {
                    case CaseResult.Passed p -> { }
                    case CaseResult.Failed f -> out.append("- FAIL ").append(id(f)).append(": ").append(f.reason()).append("\n");
                    case CaseResult.Skipped s -> out.append("- SKIP ").append(id(s)).append(": ").append(s.reason()).append("\n");
                }
            }
            return out.toString();
        }

        private static String key(CaseResult r) {
            return r.testCase().version() + " " + r.testCase().profile();
        }

        private static String id(CaseResult r) {
            return r.testCase().version() + "/" + r.testCase().name();
        }
    }

    /** Writes the table to {@code target/oasis-<label>.md} and returns it. */
    static String writeTable(Results results, String server, String label) {
        String table = results.table(server);
        try {
            Files.writeString(Path.of("target", "oasis-" + label + ".md"), table);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return table;
    }

    static List<String> files() {
        try (Stream<Path> walk = Files.walk(root())) {
            return walk.filter(p -> p.toString().endsWith(".xml"))
                    .map(p -> root().relativize(p).toString().replace('\\', '/'))
                    .sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Path root() {
        try {
            return Path.of(OasisReplay.class.getResource("/kmip-testcases").toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
