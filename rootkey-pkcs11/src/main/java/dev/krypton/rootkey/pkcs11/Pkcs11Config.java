package dev.krypton.rootkey.pkcs11;

import dev.krypton.rootkey.RootKeyException;
import dev.krypton.rootkey.RootKeyRef;
import dev.krypton.rootkey.SecretSource;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * Typed access metadata of a PKCS#11 root key; the key id is the key's {@code CKA_LABEL}.
 *
 * <table>
 *   <caption>access metadata</caption>
 *   <tr><th>entry</th><th>meaning</th></tr>
 *   <tr><td>library</td><td>path of the PKCS#11 module (required), e.g. {@code /usr/lib/softhsm/libsofthsm2.so}</td></tr>
 *   <tr><td>slot / slot-list-index</td><td>the token's slot id, or its index in the slot list (exactly one)</td></tr>
 *   <tr><td>pin-file / pin-env</td><td>where the user PIN is read from (exactly one; never in clear)</td></tr>
 * </table>
 * From these a SunPKCS11 configuration is generated in memory; no configuration file is written.
 */
record Pkcs11Config(Path library, String slotLine, SecretSource pin) {

    private static final Set<String> KNOWN = Set.of("library", "slot", "slot-list-index", "pin-file", "pin-env");
    private static final Pattern NUMBER = Pattern.compile("[0-9]{1,19}");

    static Pkcs11Config from(RootKeyRef ref, Function<String, String> env) {
        for (String entry : ref.access().keySet()) {
            if (!KNOWN.contains(entry) && !entry.equals("pin")) {
                throw RootKeyException.denied("pkcs11: unknown access metadata '" + entry + "'");
            }
        }
        if (ref.keyId().isBlank() || ref.keyId().length() > 256) {
            throw RootKeyException.denied("pkcs11: key label must have 1..256 characters");
        }
        String library = ref.require("library");
        if (library.contains("\n") || library.contains("\"")) {
            throw RootKeyException.denied("pkcs11: library path contains a line break or quote");
        }
        boolean slot = ref.access().containsKey("slot");
        boolean index = ref.access().containsKey("slot-list-index");
        if (slot == index) {
            throw RootKeyException.denied("pkcs11: give exactly one of 'slot' or 'slot-list-index'");
        }
        String value = ref.require(slot ? "slot" : "slot-list-index");
        if (!NUMBER.matcher(value).matches()) {
            throw RootKeyException.denied("pkcs11: slot must be a non-negative number");
        }
        return new Pkcs11Config(Path.of(library), (slot ? "slot = " : "slotListIndex = ") + value,
                SecretSource.from(ref, "pin", env));
    }

    /** The SunPKCS11 configuration text ({@code --} prefix: inline, not a file name). */
    String sunConfig(String keyLabel) {
        byte[] label = keyLabel.getBytes(StandardCharsets.UTF_8);
        String name = "krypton-" + HexFormat.of().formatHex(label, 0, Math.min(8, label.length));
        return "--name = " + name + "\n"
                + "library = \"" + library + "\"\n"
                + slotLine + "\n";
    }
}
