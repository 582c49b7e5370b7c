package dev.krypton.kmip.server.operation;

import dev.krypton.engine.KeyUsage;
import dev.krypton.kmip.CryptographicUsageMask;
import dev.krypton.kmip.KmipException;
import dev.krypton.kmip.ResultReason;
import java.util.EnumSet;
import java.util.Set;

/** Cryptographic Usage Mask bits (KMIP 1.4 section 3.19) to and from the engine's key usages. */
final class UsageMasks {

    private UsageMasks() {
    }

    static CryptographicUsageMask bit(KeyUsage usage) {
        return switch (usage) {
            case ENCRYPT -> CryptographicUsageMask.ENCRYPT;
            case DECRYPT -> CryptographicUsageMask.DECRYPT;
            case WRAP_KEY -> CryptographicUsageMask.WRAP_KEY;
            case UNWRAP_KEY -> CryptographicUsageMask.UNWRAP_KEY;
            case SIGN -> CryptographicUsageMask.SIGN;
            case VERIFY -> CryptographicUsageMask.VERIFY;
            case MAC_GENERATE -> CryptographicUsageMask.MAC_GENERATE;
            case MAC_VERIFY -> CryptographicUsageMask.MAC_VERIFY;
            case EXPORT -> CryptographicUsageMask.EXPORT;
        };
    }

    static int mask(Set<KeyUsage> usages) {
        int mask = 0;
        for (KeyUsage u : usages) {
            mask |= bit(u).value();
        }
        return mask;
    }

    /** The usages of a mask; a bit the engine cannot enforce is Invalid Field. */
    static Set<KeyUsage> usages(int mask) {
        Set<KeyUsage> out = EnumSet.noneOf(KeyUsage.class);
        int known = 0;
        for (KeyUsage u : KeyUsage.values()) {
            int bit = bit(u).value();
            known |= bit;
            if ((mask & bit) != 0) {
                out.add(u);
            }
        }
        if ((mask & ~known) != 0) {
            throw new KmipException(ResultReason.INVALID_FIELD, "Cryptographic Usage Mask has bits this server does not support: 0x"
                    + Integer.toHexString(mask & ~known));
        }
        return out;
    }
}
