package dev.krypton.engine;

import java.nio.charset.StandardCharsets;

/**
 * The L3 record format shared with upstream OpenKCM Krypton (docs/design.md section 3): the L3 key is
 * wrapped by L2 with AES-256-GCM, blob = {@code nonce(12) || ciphertext(32) || tag(16)}, AAD =
 * {@code "<tenant>:<kek>:<version>:<revision>:<createdAtUnixNanos>"} in UTF-8, stored beside the
 * blob. Tenant objects use the same blob layout with AAD {@code "<uid>:<revision>:<createdAtUnixNanos>"}.
 */
final class L3Format {

    static final int NONCE = 12;
    static final int TAG = 16;
    static final int KEY = 32;
    static final int BLOB = NONCE + KEY + TAG;

    private L3Format() {
    }

    static byte[] kekAad(TenantId tenant, String kek, int version, int revision, long createdAtNanos) {
        return (tenant.value() + ":" + kek + ":" + version + ":" + revision + ":" + createdAtNanos)
                .getBytes(StandardCharsets.UTF_8);
    }

    static byte[] objectAad(String uid, int revision, long createdAtNanos) {
        return (uid + ":" + revision + ":" + createdAtNanos).getBytes(StandardCharsets.UTF_8);
    }
}
