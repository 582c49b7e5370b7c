package dev.krypton.kmip.text;

import dev.krypton.kmip.KmipException;
import dev.krypton.kmip.ResultReason;

/** The two kinds of failure the text codecs report, so messages stay uniform and content-free. */
final class Fail {
    private Fail() {
    }

    /** The document is not a well-formed encoding of TTLV items (Invalid Message). */
    static KmipException message(String why) {
        return new KmipException(ResultReason.INVALID_MESSAGE, why);
    }

    /** The document is malformed, as a parser below reported. */
    static KmipException message(String why, Throwable cause) {
        return new KmipException(ResultReason.INVALID_MESSAGE, why, cause);
    }

    /** One item's value cannot be read as its type (Invalid Field). */
    static KmipException field(String why) {
        return new KmipException(ResultReason.INVALID_FIELD, why);
    }
}
