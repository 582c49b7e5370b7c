package dev.krypton.engine;

/**
 * The undo log of a KMIP batch with the Undo option: while open, the calls of its thread record
 * what they change; {@link #undo} puts the changed tenant objects back as they were, and
 * {@link #close} stops recording.
 */
public interface UndoLog extends AutoCloseable {

    /**
     * Puts every tenant object changed since the log was opened back to its earlier record (an
     * object created since is deleted), keeping the larger GCM count and the first-Get record,
     * each restore audited as UNDO. ILLEGAL_STATE, with nothing put back, when an L3 KEK changed;
     * UNAVAILABLE when another node changed an object since.
     */
    void undo();

    /** Stops recording. */
    @Override
    void close();
}
