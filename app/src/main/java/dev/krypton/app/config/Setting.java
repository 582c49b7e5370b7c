package dev.krypton.app.config;

import java.util.List;
import java.util.Optional;

/**
 * One configuration setting: its dotted key, type, default, allowed values, the environment
 * variable that overrides it (for secrets) and what it means. The catalogue in {@link Settings}
 * drives both the reader and {@code docs/configuration.md}, so the two cannot drift.
 *
 * @param key          dotted path in the YAML file, such as {@code orbital.grpc.port}
 * @param kind         the value's type
 * @param defaultValue the default as written in YAML; empty when the setting is required
 * @param allowed      allowed values of an {@link Kind#ENUM}, or the range of an {@link Kind#INT} as "min".."max"
 * @param env          environment variable that overrides the file's value
 * @param description  what it does
 */
public record Setting(String key, Kind kind, Optional<String> defaultValue, List<String> allowed, Optional<String> env,
                      String description) {

    /** Value types. */
    public enum Kind { STRING, INT, BOOL, PATH, ENUM, LIST, MAP, DURATION }

    public Setting {
        allowed = List.copyOf(allowed);
    }

    static Setting of(String key, Kind kind, String defaultValue, String description) {
        return new Setting(key, kind, Optional.of(defaultValue), List.of(), Optional.empty(), description);
    }

    /** A length of time written as {@code 500ms}, {@code 5s}, {@code 2m} or {@code 0}. */
    static Setting duration(String key, String defaultValue, String description) {
        return new Setting(key, Kind.DURATION, Optional.of(defaultValue), List.of(), Optional.empty(), description);
    }

    static Setting required(String key, Kind kind, String description) {
        return new Setting(key, kind, Optional.empty(), List.of(), Optional.empty(), description);
    }

    static Setting oneOf(String key, String defaultValue, List<String> allowed, String description) {
        return new Setting(key, Kind.ENUM, Optional.of(defaultValue), allowed, Optional.empty(), description);
    }

    static Setting port(String key, int defaultValue, String description) {
        return new Setting(key, Kind.INT, Optional.of(String.valueOf(defaultValue)), List.of("1", "65535"),
                Optional.empty(), description);
    }

    /** A port to listen on: 0 picks any free port. */
    static Setting listenPort(String key, int defaultValue, String description) {
        return new Setting(key, Kind.INT, Optional.of(String.valueOf(defaultValue)), List.of("0", "65535"),
                Optional.empty(), description);
    }

    static Setting secret(String key, String env, String description) {
        return new Setting(key, Kind.STRING, Optional.of(""), List.of(), Optional.of(env), description);
    }

    /** True when a section of this name holds the setting ({@code orbital.grpc} holds {@code orbital.grpc.port}). */
    boolean under(String section) {
        return key.startsWith(section + ".");
    }
}
