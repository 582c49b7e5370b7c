package dev.krypton.orbital;

/** Makes untrusted task fields safe to put in logs and messages: bounded, no control characters. */
final class Printable {

    private static final int MAX = 128;

    private Printable() {}

    static String of(String untrusted) {
        StringBuilder out = new StringBuilder(Math.min(untrusted.length(), MAX));
        untrusted.codePoints().limit(MAX).forEach(c -> out.appendCodePoint(Character.isISOControl(c) ? '?' : c));
        return untrusted.length() > MAX ? out + "..." : out.toString();
    }
}
