package dev.krypton.kmip.text;

import dev.krypton.kmip.DecodeLimits;

/**
 * Counts what a decoder has read against {@link DecodeLimits}: input size up front, then items
 * and nesting depth as they are opened, so a hostile document fails before it costs more.
 */
final class Budget {
    private final DecodeLimits limits;
    private int items;
    private int depth;

    Budget(DecodeLimits limits) {
        this.limits = limits;
    }

    /** Fails when an input of this many bytes or characters exceeds the message size limit. */
    static void checkSize(long length, DecodeLimits limits) {
        if (length > limits.maxMessageBytes()) {
            throw Fail.message("document of " + length + " exceeds the limit of " + limits.maxMessageBytes());
        }
    }

    /** Counts one more item at one level deeper than the current one. */
    void open() {
        if (++items > limits.maxItems()) {
            throw Fail.message("more than " + limits.maxItems() + " items");
        }
        if (++depth > limits.maxDepth()) {
            throw Fail.message("nesting deeper than " + limits.maxDepth());
        }
    }

    /** Leaves the level the last {@link #open()} entered. */
    void close() {
        depth--;
    }
}
