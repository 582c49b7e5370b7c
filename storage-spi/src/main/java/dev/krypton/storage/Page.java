package dev.krypton.storage;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * One page of a listing in {@link Ids#ORDER}: its items and, unless it is the last page, the
 * request for the next one.
 *
 * @param <T> record type
 */
public final class Page<T> {

    private final List<T> items;
    private final PageRequest next;

    private Page(List<T> items, PageRequest next) {
        this.items = List.copyOf(items);
        this.next = next;
    }

    /**
     * Builds a page from up to {@code request.limit() + 1} records fetched in order: if there is
     * one more than the limit, the page is cut and a next request is set.
     */
    public static <T> Page<T> of(List<T> fetched, PageRequest request, Function<T, String> id) {
        if (fetched.size() <= request.limit()) {
            return new Page<>(fetched, null);
        }
        List<T> items = fetched.subList(0, request.limit());
        return new Page<>(items, new PageRequest(id.apply(items.getLast()), request.limit()));
    }

    /** The same page with each item mapped (the next request is kept). */
    public <R> Page<R> map(Function<T, R> f) {
        return new Page<>(items.stream().map(f).toList(), next);
    }

    /** The records of this page. */
    public List<T> items() {
        return items;
    }

    /** The request for the following page, empty when this is the last page. */
    public Optional<PageRequest> next() {
        return Optional.ofNullable(next);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Page<?> p && items.equals(p.items) && Objects.equals(next, p.next);
    }

    @Override
    public int hashCode() {
        return Objects.hash(items, next);
    }

    @Override
    public String toString() {
        return "Page[items=" + items.size() + ", next=" + next() + "]";
    }
}
