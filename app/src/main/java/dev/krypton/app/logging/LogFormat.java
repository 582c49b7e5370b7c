package dev.krypton.app.logging;

import dev.krypton.app.AppException;

import java.util.Locale;

/** How log records are written to standard error. */
public enum LogFormat {
    /** The JDK's default text lines. */
    TEXT,
    /** One JSON object per line ({@link JsonLogFormatter}). */
    JSON;

    /** {@code text} or {@code json}, any case. */
    public static LogFormat parse(String value) {
        return switch (value.strip().toLowerCase(Locale.ROOT)) {
            case "text" -> TEXT;
            case "json" -> JSON;
            default -> throw AppException.usage("log format must be text or json, not '" + value + "'");
        };
    }
}
