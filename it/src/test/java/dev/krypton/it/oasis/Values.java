package dev.krypton.it.oasis;

import dev.krypton.kmip.Ttlv;
import dev.krypton.kmip.text.KmipXml;

/** Value equality and short display of TTLV items for mismatch reports. */
final class Values {
    private static final int SHOWN = 160;

    private Values() {
    }

    static boolean same(Ttlv a, Ttlv b) {
        return a.equals(b);
    }

    /** Equal values whatever the tags (a placeholder bound from one field and met in another). */
    static boolean sameValue(Ttlv a, Ttlv b) {
        return switch (a) {
            case Ttlv.TextString t -> b instanceof Ttlv.TextString u && t.value().equals(u.value());
            case Ttlv.ByteString x -> b instanceof Ttlv.ByteString y && java.util.Arrays.equals(x.value(), y.value());
            default -> a.equals(b);
        };
    }

    /** The item in the KMIP XML encoding, on one line, cut at a readable length. */
    static String show(Ttlv item) {
        String xml = KmipXml.encode(item).replaceAll("\\s*\\n\\s*", " ").strip();
        return xml.length() <= SHOWN ? xml : xml.substring(0, SHOWN) + "...";
    }
}
