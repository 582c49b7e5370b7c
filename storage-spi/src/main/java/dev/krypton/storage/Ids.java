package dev.krypton.storage;

import java.util.Comparator;
import java.util.Objects;

/**
 * Rules for identifiers (tenant ids, object uids, node ids, task ids): any Unicode text of 1 to
 * {@value #MAX_LENGTH} characters without NUL or unpaired surrogates. Listings are ordered by
 * {@link #ORDER}, Unicode code point order, which equals the byte order of UTF-8 that SQLite and
 * PostgreSQL ({@code COLLATE "C"}) use.
 */
public final class Ids {

    /** Longest identifier accepted, in UTF-16 characters. */
    public static final int MAX_LENGTH = 512;

    /** Unicode code point order of identifiers; listings and paging cursors follow it. */
    public static final Comparator<String> ORDER = Ids::compareCodePoints;

    private Ids() {
    }

    /**
     * Checks an identifier and returns it.
     *
     * @throws StorageException of kind INVALID naming {@code what} if it breaks the rules
     */
    public static String require(String id, String what) {
        Objects.requireNonNull(id, what);
        if (id.isEmpty() || id.length() > MAX_LENGTH) {
            throw StorageException.invalid(what + " must have 1 to " + MAX_LENGTH + " characters.");
        }
        for (int i = 0; i < id.length(); i++) {
            char c = id.charAt(i);
            if (c == 0) {
                throw StorageException.invalid(what + " must not contain NUL.");
            }
            if (Character.isHighSurrogate(c) && i + 1 < id.length() && Character.isLowSurrogate(id.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                throw StorageException.invalid(what + " must be well-formed Unicode.");
            }
        }
        return id;
    }

    private static int compareCodePoints(String a, String b) {
        int i = 0;
        int j = 0;
        while (i < a.length() && j < b.length()) {
            int ca = a.codePointAt(i);
            int cb = b.codePointAt(j);
            if (ca != cb) {
                return Integer.compare(ca, cb);
            }
            i += Character.charCount(ca);
            j += Character.charCount(cb);
        }
        return Integer.compare(a.length() - i, b.length() - j);
    }
}
