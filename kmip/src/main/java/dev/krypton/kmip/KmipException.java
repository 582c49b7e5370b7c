package dev.krypton.kmip;

import java.util.Objects;

/**
 * The one exception of the KMIP library: a failure with the KMIP Result Reason it maps to.
 *
 * <p>Decoders throw it for every malformed input (usually {@link ResultReason#INVALID_MESSAGE});
 * a server answers with its {@link #reason()}. The message is safe to log and to send back: it
 * names positions, tags and lengths, never the content of a value.
 */
public final class KmipException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final ResultReason reason;

    /** A failure with a reason and a message that holds no secret content. */
    public KmipException(ResultReason reason, String message) {
        super(message);
        this.reason = Objects.requireNonNull(reason, "reason");
    }

    /** A failure caused by another, with a reason and a safe message. */
    public KmipException(ResultReason reason, String message, Throwable cause) {
        super(message, cause);
        this.reason = Objects.requireNonNull(reason, "reason");
    }

    /** The KMIP Result Reason for this failure. */
    public ResultReason reason() {
        return reason;
    }

    @Override
    public String toString() {
        return "KmipException[" + reason.xmlName() + "]: " + getMessage();
    }
}
