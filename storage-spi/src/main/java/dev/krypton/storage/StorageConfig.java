package dev.krypton.storage;

import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Which backend to open and its settings, as read from the configuration file (for example
 * {@code storage.backend = sqlite}, {@code storage.path = /var/lib/krypton/vault.db}). Each
 * provider validates its own settings and reports the first problem in one sentence.
 *
 * @param backend  provider name ({@code memory}, {@code sqlite}, {@code postgres})
 * @param settings backend settings, copied
 */
public record StorageConfig(String backend, Map<String, String> settings) {

    public StorageConfig {
        Objects.requireNonNull(backend, "backend");
        settings = java.util.Collections.unmodifiableSortedMap(new TreeMap<>(Objects.requireNonNull(settings, "settings")));
    }

    /** The setting, or a CONFIG error naming it. */
    public String require(String key) {
        String value = settings.get(key);
        if (value == null || value.isBlank()) {
            throw new StorageException(StorageException.Kind.CONFIG,
                    "Storage backend '" + backend + "' needs the setting '" + key + "'.");
        }
        return value;
    }

    /** The setting, or {@code fallback} when it is not given. */
    public String get(String key, String fallback) {
        return settings.getOrDefault(key, fallback);
    }

    /** The setting as an integer in [min, max], or {@code fallback}; a CONFIG error otherwise. */
    public int getInt(String key, int fallback, int min, int max) {
        String value = settings.get(key);
        if (value == null) {
            return fallback;
        }
        try {
            int n = Integer.parseInt(value.strip());
            if (n >= min && n <= max) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below with the allowed range
        }
        throw new StorageException(StorageException.Kind.CONFIG, "Storage setting '" + key
                + "' must be an integer from " + min + " to " + max + ", not '" + value + "'.");
    }

    /** Fails with a CONFIG error if a setting is not one of {@code known} (catches typos). */
    public void allowOnly(Set<String> known) {
        for (String key : settings.keySet()) {
            if (!known.contains(key)) {
                throw new StorageException(StorageException.Kind.CONFIG, "Unknown setting '" + key
                        + "' for storage backend '" + backend + "'; " + (known.isEmpty() ? "it takes no settings."
                        : "known settings: " + String.join(", ", new TreeSet<>(known)) + "."));
            }
        }
    }

    @Override
    public String toString() {
        return "StorageConfig[backend=" + backend + ", settings=" + settings.keySet() + "]";
    }
}
