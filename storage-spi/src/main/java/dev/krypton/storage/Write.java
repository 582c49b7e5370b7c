package dev.krypton.storage;

import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * One record change inside an atomic {@link Storage#write(java.util.List) write}. Every change
 * carries a compare-and-set expectation: the generation the record has in storage now, or
 * {@link #ABSENT} when it must not exist yet. If any expectation in a write fails, nothing of that
 * write is applied and the caller gets a {@link StorageException.Kind#CONFLICT}.
 */
public sealed interface Write permits Write.PutTenant, Write.PutObject, Write.DeleteObject {

    /** Expectation that the record does not exist yet. */
    long ABSENT = 0;

    /** The id of the record this change touches (tenant id or object uid). */
    String id();

    /**
     * Creates or replaces a tenant record.
     *
     * @param record             the new state; its generation must exceed {@code expectedGeneration}
     * @param expectedGeneration the generation stored now, or {@link #ABSENT}
     */
    record PutTenant(TenantRecord record, long expectedGeneration) implements Write {
        public PutTenant {
            Objects.requireNonNull(record, "record");
            checkExpectation(record.generation(), expectedGeneration);
        }

        @Override
        public String id() {
            return record.tenantId();
        }
    }

    /**
     * Creates or replaces a managed object.
     *
     * @param record             the new state; its generation must exceed {@code expectedGeneration}
     * @param expectedGeneration the generation stored now, or {@link #ABSENT}
     */
    record PutObject(ManagedObjectRecord record, long expectedGeneration) implements Write {
        public PutObject {
            Objects.requireNonNull(record, "record");
            checkExpectation(record.generation(), expectedGeneration);
        }

        @Override
        public String id() {
            return record.uid();
        }
    }

    /**
     * Deletes a managed object (crypto-shredding its blob).
     *
     * @param uid                the object
     * @param expectedGeneration the generation stored now; positive
     */
    record DeleteObject(String uid, long expectedGeneration) implements Write {
        public DeleteObject {
            Ids.require(uid, "Object uid");
            if (expectedGeneration < 1) {
                throw StorageException.invalid("Deleting object '" + uid + "' needs the generation it has now.");
            }
        }

        @Override
        public String id() {
            return uid;
        }
    }

    /**
     * Checks the shape of an atomic write for backends: not empty and every id once.
     *
     * @return an immutable copy of {@code changes}
     * @throws StorageException INVALID otherwise
     */
    static List<Write> checkBatch(List<Write> changes) {
        List<Write> copy = List.copyOf(changes);
        if (copy.isEmpty()) {
            throw StorageException.invalid("An atomic write needs at least one change.");
        }
        Set<String> seen = new HashSet<>();
        for (Write w : copy) {
            String key = (w instanceof PutTenant ? "tenant:" : "object:") + w.id();
            if (!seen.add(key)) {
                throw StorageException.invalid("An atomic write may change '" + w.id() + "' only once.");
            }
        }
        return copy;
    }

    private static void checkExpectation(long newGeneration, long expected) {
        if (expected < 0 || newGeneration <= expected) {
            throw StorageException.invalid("A new generation must be greater than the expected generation "
                    + expected + " (got " + newGeneration + ").");
        }
    }
}
