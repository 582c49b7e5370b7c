package dev.krypton.engine;

import java.time.Instant;
import java.util.Optional;

/**
 * What a node knows of its store from its own cluster poll, read without touching the store.
 *
 * @param serving          whether the node answers KMIP now (within its confirmed window, or the
 *                         staleness bound is off)
 * @param storageReachable whether a poll read the store and wrote the heartbeat recently (within
 *                         the revocation staleness, or three poll intervals with the bound off)
 * @param lastContact      when (this node's wall clock) the last such poll began; empty before the first
 */
public record Confirmation(boolean serving, boolean storageReachable, Optional<Instant> lastContact) {
}
