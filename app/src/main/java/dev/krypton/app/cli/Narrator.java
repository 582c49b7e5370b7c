package dev.krypton.app.cli;

import java.io.PrintWriter;
import java.util.Locale;
import java.util.function.Supplier;

/**
 * Runs and narrates the demo's steps: each line says whether the step behaved as expected, what it
 * showed and how long it took. Counts the steps that did not.
 */
final class Narrator {

    private final PrintWriter out;
    private int step;
    private int failures;

    Narrator(PrintWriter out) {
        this.out = out;
    }

    /** Runs one step; {@code action} returns what it showed or throws when the step misbehaved. */
    void step(String title, Supplier<String> action) {
        step++;
        long start = System.nanoTime();
        String result;
        boolean ok;
        try {
            result = action.get();
            ok = true;
        } catch (RuntimeException e) {
            result = e.getMessage();
            ok = false;
            failures++;
        }
        double ms = (System.nanoTime() - start) / 1e6;
        out.printf(Locale.ROOT, "[%s] %2d. %-44s %9.2f ms  %s%n", ok ? " ok " : "FAIL", step, title, ms, result);
        out.flush();
    }

    int failures() {
        return failures;
    }

    int steps() {
        return step;
    }
}
