package dev.krypton.storage;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * One page of a listing in {@link Ids#ORDER}.
 *
 * @param items the records of this page
 * @param next  the request for the following page, empty when this is the last page
 * @param <T>   record type
 */
public record Page<T>(List<T> items, Optional<PageRequest> next) {

    public Page {
        items = List.copyOf(items);
        Objects.requireNonNull(next, "next");
    }

    /**
     * Builds a page from up to {@code request.limit() + 1} records fetched in order: if there is
     * one more than the limit, the page is cut and a next request is set.
     */
    public static <T> Page<T> of(List<T> fetched, PageRequest request, Function<T, String> id) {
        if (fetched.size() <= request.limit()) {
            return new Page<>(fetched, Optional.empty());
        }
        List<T> items = fetched.subList(0, request.limit());
        String last = id.apply(items.getLast());
        return new Page<>(items, Optional.of(new PageRequest(last, request.limit())));
    }
}
