package dev.krypton.engine;

import dev.krypton.storage.ManagedObjectRecord;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What the tenant objects looked like before the changes made on one thread while a KMIP batch
 * with the Undo option runs ({@link KeyOperations#startUndoLog}): for each object changed, its
 * record before the first change, or empty when the batch created it. An L3 KEK change (create,
 * re-key, revoke, destroy) cannot be put back: it makes the journal irreversible. GCM counter
 * writes are not recorded (a count must never go back).
 */
final class UndoJournal {

    private static final ThreadLocal<UndoJournal> CURRENT = new ThreadLocal<>();

    private final Map<String, Optional<ManagedObjectRecord>> before = new LinkedHashMap<>();
    private boolean irreversible;

    private UndoJournal() {
    }

    static UndoJournal start() {
        UndoJournal journal = new UndoJournal();
        CURRENT.set(journal);
        return journal;
    }

    /** Stops recording on this thread. */
    void stop() {
        if (CURRENT.get() == this) {
            CURRENT.remove();
        }
    }

    /** Notes {@code uid}'s record before this thread changes it ({@code previous} empty: created now). */
    static void changing(String uid, Optional<ManagedObjectRecord> previous) {
        UndoJournal journal = CURRENT.get();
        if (journal != null) {
            journal.before.putIfAbsent(uid, previous);
        }
    }

    /** Notes a change that cannot be put back. */
    static void irreversibleChange() {
        UndoJournal journal = CURRENT.get();
        if (journal != null) {
            journal.irreversible = true;
        }
    }

    boolean irreversible() {
        return irreversible;
    }

    /** The recorded objects, latest first change first. */
    List<Map.Entry<String, Optional<ManagedObjectRecord>>> latestFirst() {
        List<Map.Entry<String, Optional<ManagedObjectRecord>>> out = new ArrayList<>(before.entrySet());
        java.util.Collections.reverse(out);
        return out;
    }
}
