package dev.krypton.engine;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The engine's attribute model of a managed object: the KMIP attributes the engine enforces
 * (state, dates, usage, Sensitive, Extractable) plus names and free-form custom attributes that
 * it stores but does not interpret. Not KMIP TTLV: the KMIP server maps it to each version.
 * {@code digest} is the lowercase hex SHA-256 of the key material or secret data of a tenant object
 * (KMIP Digest attribute), computed once when the object is created or registered; empty for L3
 * KEK versions, whose digest would say something about a key that never leaves the core.
 * {@code firstServed} is when Get first returned the material (KMIP Fresh is true until then).
 */
public record ObjectAttributes(List<String> names, ObjectType type, String algorithm, int lengthBits,
                               Set<KeyUsage> usage, ObjectState state, boolean sensitive, boolean extractable,
                               Instant initialDate, Optional<Instant> activationDate,
                               Optional<Instant> deactivationDate, Optional<Instant> compromiseDate,
                               Optional<Instant> destroyDate, Map<String, List<String>> custom,
                               Optional<String> digest, Optional<Instant> firstServed) {

    public ObjectAttributes {
        names = List.copyOf(names);
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(algorithm, "algorithm");
        usage = Set.copyOf(usage);
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(initialDate, "initialDate");
        Objects.requireNonNull(activationDate, "activationDate");
        Objects.requireNonNull(deactivationDate, "deactivationDate");
        Objects.requireNonNull(compromiseDate, "compromiseDate");
        Objects.requireNonNull(destroyDate, "destroyDate");
        custom = Map.copyOf(custom);
        Objects.requireNonNull(digest, "digest");
        Objects.requireNonNull(firstServed, "firstServed");
    }

    /** Attributes without a digest. */
    public ObjectAttributes(List<String> names, ObjectType type, String algorithm, int lengthBits,
                            Set<KeyUsage> usage, ObjectState state, boolean sensitive, boolean extractable,
                            Instant initialDate, Optional<Instant> activationDate,
                            Optional<Instant> deactivationDate, Optional<Instant> compromiseDate,
                            Optional<Instant> destroyDate, Map<String, List<String>> custom) {
        this(names, type, algorithm, lengthBits, usage, state, sensitive, extractable, initialDate, activationDate,
                deactivationDate, compromiseDate, destroyDate, custom, Optional.empty(), Optional.empty());
    }

    /** These attributes, first served at {@code when}. */
    public ObjectAttributes served(Instant when) {
        return new ObjectAttributes(names, type, algorithm, lengthBits, usage, state, sensitive, extractable, initialDate,
                activationDate, deactivationDate, compromiseDate, destroyDate, custom, digest, Optional.of(when));
    }
}
