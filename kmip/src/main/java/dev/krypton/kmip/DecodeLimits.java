package dev.krypton.kmip;

/**
 * Bounds a decoder enforces before it allocates anything for an input.
 *
 * <p>The defaults suit a KMIP server facing untrusted clients: 1 MiB per message (enough for
 * large certificates, batches of a few thousand items and RSA-16384 keys, while a forged length
 * costs at most that much), nesting 32 deep (the deepest structure in the specifications is
 * under 10 levels) and 65,536 items (the most a 1 MiB message could hold at 16 bytes per item).
 *
 * @param maxMessageBytes the largest encoded message, header included
 * @param maxDepth        the deepest structure nesting; the outermost item is at depth 1
 * @param maxItems        the most items of all types in one message
 */
public record DecodeLimits(int maxMessageBytes, int maxDepth, int maxItems) {

    /** The deepest nesting a decoder may be allowed: its recursion must stay well within a thread stack. */
    public static final int MAX_DEPTH = 256;

    /** 1 MiB, depth 32, 65,536 items. */
    public static final DecodeLimits DEFAULT = new DecodeLimits(1 << 20, 32, 1 << 16);

    /**
     * Checks that every bound is usable.
     *
     * @throws KmipException Invalid Field when a bound is out of range
     */
    public DecodeLimits {
        if (maxMessageBytes < 16) {
            throw new KmipException(ResultReason.INVALID_FIELD, "maxMessageBytes must be at least 16");
        }
        if (maxDepth < 1 || maxDepth > MAX_DEPTH) {
            throw new KmipException(ResultReason.INVALID_FIELD, "maxDepth must be between 1 and " + MAX_DEPTH);
        }
        if (maxItems < 1) {
            throw new KmipException(ResultReason.INVALID_FIELD, "maxItems must be at least 1");
        }
    }

    /** These limits with another message size bound. */
    public DecodeLimits withMaxMessageBytes(int bytes) {
        return new DecodeLimits(bytes, maxDepth, maxItems);
    }

    /** These limits with another depth bound. */
    public DecodeLimits withMaxDepth(int depth) {
        return new DecodeLimits(maxMessageBytes, depth, maxItems);
    }

    /** These limits with another item count bound. */
    public DecodeLimits withMaxItems(int items) {
        return new DecodeLimits(maxMessageBytes, maxDepth, items);
    }
}
