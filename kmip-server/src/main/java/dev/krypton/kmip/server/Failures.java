package dev.krypton.kmip.server;

import dev.krypton.engine.EngineException;
import dev.krypton.engine.ErrorCode;
import dev.krypton.kmip.KmipException;
import dev.krypton.kmip.ResultReason;
import dev.krypton.kmip.message.ProtocolVersion;
import java.lang.System.Logger.Level;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Maps a failed batch item to its KMIP Result Reason and a message safe for the wire (docs/design.md
 * section 8): unknown object is Item Not Found (KMIP 1.x) or Object Not Found (KMIP 2.x, whose
 * operations list that reason); policy, tenant not ACTIVE, wrong tenant and a
 * root key that said no are Permission Denied; a bad field is Invalid Field; a state that forbids
 * the operation is Wrong Key Lifecycle State (KMIP 2.x; KMIP 1.x has no such reason, so there it is
 * Permission Denied, as the OASIS 1.4 SKLC cases expect); a read-only attribute is Attribute Read
 * Only (KMIP 2.x) or Permission Denied (KMIP 1.4 section 11, Add/Modify/Delete Attribute); a
 * second value of a single-valued attribute is Attribute Single Valued (2.x) or Illegal Operation
 * (1.4); likewise Non Unique Name Attribute (Illegal Operation), Incompatible Cryptographic Usage
 * Mask (Permission Denied), Object Destroyed (Item Not Found) and Server Limit Exceeded (General
 * Failure, with the limit in the Result Message); a failed tag is Cryptographic Failure; everything
 * else is General Failure with no detail (the detail goes to the log only).
 *
 * <p>Retryable refusals (a tenant ACTIVE in storage whose keys a starting node has not unsealed
 * yet, storage or a root key unreachable) are Result Status Operation Failed with Result Reason
 * General Failure and the fixed Result Message {@value #RETRY_MESSAGE}. KMIP has no "try again"
 * reason: Operation Pending (KMIP 1.4 section 6.7, 2.1 section 11.41) is only for clients that
 * asked for asynchronous answers and then poll with the Asynchronous Correlation Value, and no
 * Result Reason of 1.x or 2.x says "transient" (General Failure is "a reason other than the
 * defined reasons"; Server Limit Exceeded and Protection Storage Unavailable mean other things).
 * What matters is that it is never Permission Denied, which clients treat as final.
 */
final class Failures {

    private static final System.Logger LOG = System.getLogger(Failures.class.getName());

    private static final long TRACE_INTERVAL_NANOS = 10_000_000_000L;
    private static final AtomicLong NEXT_TRACE = new AtomicLong(System.nanoTime());
    private static final AtomicLong SUPPRESSED = new AtomicLong();

    /** The Result Message of every retryable refusal; documented in docs/kmip-server.md. */
    static final String RETRY_MESSAGE = "temporarily unavailable, retry later";

    /** A reason and the Result Message to send. */
    record Failure(ResultReason reason, String message) {
    }

    /** KMIP 2.x reasons and what KMIP 1.4 section 11 answers for the same error. */
    private static final Map<ResultReason, ResultReason> V1_EQUIVALENT = Map.of(
            ResultReason.WRONG_KEY_LIFECYCLE_STATE, ResultReason.PERMISSION_DENIED,
            ResultReason.ATTRIBUTE_READ_ONLY, ResultReason.PERMISSION_DENIED,
            ResultReason.ATTRIBUTE_SINGLE_VALUED, ResultReason.ILLEGAL_OPERATION,
            ResultReason.NON_UNIQUE_NAME_ATTRIBUTE, ResultReason.ILLEGAL_OPERATION,
            ResultReason.INCOMPATIBLE_CRYPTOGRAPHIC_USAGE_MASK, ResultReason.PERMISSION_DENIED,
            ResultReason.OBJECT_DESTROYED, ResultReason.ITEM_NOT_FOUND,
            ResultReason.SERVER_LIMIT_EXCEEDED, ResultReason.GENERAL_FAILURE);

    private Failures() {
    }

    /** The failure as answered in protocol {@code version}. */
    static Failure of(RuntimeException e, ProtocolVersion version) {
        Failure f = of(e);
        if (!version.isV2() && V1_EQUIVALENT.containsKey(f.reason())) {
            return new Failure(V1_EQUIVALENT.get(f.reason()), f.message());
        }
        if (e instanceof EngineException x && x.code() == ErrorCode.NOT_FOUND && version.isV2()) {
            return new Failure(ResultReason.OBJECT_NOT_FOUND, f.message());
        }
        return f;
    }

    static Failure of(RuntimeException e) {
        return switch (e) {
            case KmipException k -> new Failure(k.reason(), k.getMessage());
            case EngineException x -> switch (x.code()) {
                case NOT_FOUND -> new Failure(ResultReason.ITEM_NOT_FOUND, x.getMessage());
                case PERMISSION_DENIED, ROOT_KEY_DENIED -> new Failure(ResultReason.PERMISSION_DENIED, x.getMessage());
                case INVALID_ARGUMENT -> new Failure(ResultReason.INVALID_FIELD, x.getMessage());
                case ILLEGAL_STATE -> new Failure(ResultReason.WRONG_KEY_LIFECYCLE_STATE, x.getMessage());
                case CRYPTO -> new Failure(ResultReason.CRYPTOGRAPHIC_FAILURE, "cryptographic failure");
                case ROOT_KEY_UNAVAILABLE, UNAVAILABLE -> retry(x);
                case INTERNAL -> general("internal error", x);
            };
            default -> general("internal error", e);
        };
    }

    /** Expected while a node unseals after start-up: logged briefly, never with a stack trace. */
    private static Failure retry(EngineException e) {
        LOG.log(Level.DEBUG, () -> "KMIP batch item refused as retryable: " + e.getMessage());
        return new Failure(ResultReason.GENERAL_FAILURE, RETRY_MESSAGE);
    }

    /**
     * Logs the fault with its stack trace at most once per {@link #TRACE_INTERVAL_NANOS}, counting
     * the others into the next report: one message of a thousand batch items that each hit the
     * same fault must not write thousands of log lines (the metrics still count every item).
     */
    private static Failure general(String message, RuntimeException e) {
        long now = System.nanoTime();
        long next = NEXT_TRACE.get();
        if (now - next >= 0 && NEXT_TRACE.compareAndSet(next, now + TRACE_INTERVAL_NANOS)) {
            long skipped = SUPPRESSED.getAndSet(0);
            LOG.log(Level.WARNING, "KMIP batch item failed with General Failure"
                    + (skipped > 0 ? " (" + skipped + " more since the last report, not logged)" : ""), e);
        } else {
            SUPPRESSED.incrementAndGet();
        }
        return new Failure(ResultReason.GENERAL_FAILURE, message);
    }
}
