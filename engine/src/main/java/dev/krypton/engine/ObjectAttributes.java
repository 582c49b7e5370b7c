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
 */
public record ObjectAttributes(List<String> names, ObjectType type, String algorithm, int lengthBits,
                               Set<KeyUsage> usage, ObjectState state, boolean sensitive, boolean extractable,
                               Instant initialDate, Optional<Instant> activationDate,
                               Optional<Instant> deactivationDate, Optional<Instant> compromiseDate,
                               Optional<Instant> destroyDate, Map<String, List<String>> custom) {

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
    }
}
