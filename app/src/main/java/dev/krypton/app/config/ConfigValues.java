package dev.krypton.app.config;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * The validated values of a configuration file, defaults filled in from the {@link Settings}
 * catalogue. Only keys of the catalogue can be asked for. {@link #toString()} names no values.
 */
public final class ConfigValues {

    private final Map<String, Object> values;

    ConfigValues(Map<String, Object> values) {
        this.values = Map.copyOf(values);
    }

    private Object raw(String key) {
        Setting s = Settings.find(key).orElseThrow(() -> new IllegalArgumentException("no setting " + key));
        Object v = values.get(key);
        if (v != null) {
            return v;
        }
        String d = s.defaultValue().orElseThrow();
        return switch (s.kind()) {
            case INT -> Integer.parseInt(d);
            case BOOL -> Boolean.parseBoolean(d);
            case LIST -> List.of(d.substring(1, d.length() - 1).split(",\\s*"));
            case MAP -> Map.of();
            case STRING, PATH, ENUM -> d;
            case DURATION -> Durations.parse(d).orElseThrow();
        };
    }

    public String string(String key) {
        return (String) raw(key);
    }

    public Path path(String key) {
        return Path.of(string(key));
    }

    public int integer(String key) {
        return (Integer) raw(key);
    }

    public java.time.Duration duration(String key) {
        return (java.time.Duration) raw(key);
    }

    public boolean bool(String key) {
        return (Boolean) raw(key);
    }

    @SuppressWarnings("unchecked")
    public List<String> list(String key) {
        return (List<String>) raw(key);
    }

    @SuppressWarnings("unchecked")
    public Map<String, String> map(String key) {
        return (Map<String, String>) raw(key);
    }

    @Override
    public String toString() {
        return "ConfigValues" + values.keySet();
    }
}
