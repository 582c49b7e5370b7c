package dev.krypton.storage;

import java.util.Objects;

/**
 * Keyset paging: at most {@code limit} records whose id comes strictly after {@code after} in
 * {@link Ids#ORDER}. Start with {@link #first(int)}, continue with {@link Page#next()}.
 *
 * @param after the last id of the previous page, empty for the first page
 * @param limit 1 to {@value #MAX_LIMIT}
 */
public record PageRequest(String after, int limit) {

    /** Largest page a backend must serve in one call. */
    public static final int MAX_LIMIT = 10_000;

    public PageRequest {
        Objects.requireNonNull(after, "after");
        if (limit < 1 || limit > MAX_LIMIT) {
            throw StorageException.invalid("A page limit must be between 1 and " + MAX_LIMIT + ".");
        }
    }

    /** The first page of the given size. */
    public static PageRequest first(int limit) {
        return new PageRequest("", limit);
    }
}
