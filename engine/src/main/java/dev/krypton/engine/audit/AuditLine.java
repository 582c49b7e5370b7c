package dev.krypton.engine.audit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The line format of the audit log: one JSON object per line, fields in a fixed order, the last
 * being {@code prev}, the hex SHA-256 of the previous line's exact UTF-8 bytes (without the
 * newline; 64 zeros for the first line). A checkpoint line carries {@code head} (the hash it
 * signs, equal to its {@code prev}), {@code key} (the signing key id) and {@code sig} (base64
 * Ed25519 over {@link #checkpointMessage(long, String, String, String)}).
 * Lines are canonical: the verifier re-renders each parsed line and requires the same bytes.
 */
final class AuditLine {

    static final String GENESIS = "0".repeat(64);

    private AuditLine() {
    }

    static String event(long seq, String ts, AuditEvent e, String prev) {
        StringBuilder b = new StringBuilder(256);
        b.append("{\"seq\":").append(seq);
        field(b, "ts", ts);
        field(b, "kind", e.kind().name());
        field(b, "actor", e.actor());
        field(b, "tenant", e.tenant());
        field(b, "object", e.object());
        field(b, "action", e.action());
        field(b, "result", e.result());
        field(b, "detail", e.detail());
        field(b, "prev", prev);
        return b.append('}').toString();
    }

    static String checkpoint(long seq, String ts, String prev, String keyId, String sig) {
        StringBuilder b = new StringBuilder(256);
        b.append("{\"seq\":").append(seq);
        field(b, "ts", ts);
        field(b, "kind", "CHECKPOINT");
        field(b, "head", prev);
        field(b, "key", keyId);
        field(b, "sig", sig);
        field(b, "prev", prev);
        return b.append('}').toString();
    }

    static byte[] checkpointMessage(long seq, String ts, String head, String keyId) {
        return ("krypton-audit-checkpoint:" + seq + ":" + ts + ":" + head + ":" + keyId).getBytes(StandardCharsets.UTF_8);
    }

    static String hash(String line) {
        return hash(line.getBytes(StandardCharsets.UTF_8), sha256());
    }

    /** The hex SHA-256 of a line's UTF-8 bytes, with a digest the caller owns (the writer keeps one). */
    static String hash(byte[] utf8, MessageDigest sha256) {
        return HexFormat.of().formatHex(sha256.digest(utf8));
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every JDK", e);
        }
    }

    private static void field(StringBuilder b, String name, String value) {
        b.append(",\"").append(name).append("\":\"");
        if (plain(value)) {
            b.append(value).append('"');
            return;
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                case '\n' -> b.append("\\n");
                case '\r' -> b.append("\\r");
                case '\t' -> b.append("\\t");
                default -> {
                    if (c < 0x20 || Character.isSurrogate(c)) {
                        b.append(String.format("\\u%04x", (int) c));
                    } else {
                        b.append(c);
                    }
                }
            }
        }
        b.append('"');
    }

    /** Whether the value needs no escaping (the common case: identifiers and short outcomes). */
    private static boolean plain(String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c < 0x20 || c == '"' || c == '\\' || Character.isSurrogate(c)) {
                return false;
            }
        }
        return true;
    }
}
