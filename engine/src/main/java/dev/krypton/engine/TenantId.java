package dev.krypton.engine;

/**
 * A tenant identifier: 1 to 128 characters of {@code [A-Za-z0-9._-]}. The colon is excluded
 * because it separates the parts of object identifiers (docs/design.md section 3).
 */
public record TenantId(String value) implements Comparable<TenantId> {

    public TenantId {
        if (value == null || !ObjectRef.isName(value, 0, value.length())) {
            throw EngineException.invalid("tenant id must be 1-128 characters of [A-Za-z0-9._-]");
        }
    }

    public static TenantId of(String value) {
        return new TenantId(value);
    }

    @Override
    public int compareTo(TenantId other) {
        return value.compareTo(other.value);
    }

    @Override
    public String toString() {
        return value;
    }
}
