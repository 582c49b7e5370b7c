package dev.krypton.rootkey.pkcs11;

import dev.krypton.rootkey.RootKeyException;
import dev.krypton.rootkey.RootKeyRef;
import dev.krypton.rootkey.SecretSource;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.List;
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
 *   <tr><td>slot / slot-list-index / token-label</td><td>the token's slot id, its index in the slot list, or its label (exactly one)</td></tr>
 *   <tr><td>pin-file / pin-env</td><td>where the user PIN is read from (exactly one; never in clear)</td></tr>
 * </table>
 * From these a SunPKCS11 configuration is generated in memory; no configuration file is written.
 */
record Pkcs11Config(Path library, String slotKind, String slotValue, SecretSource pin) {

    private static final Set<String> KNOWN = Set.of("library", "slot", "slot-list-index", "token-label", "pin-file", "pin-env");
    private static final List<String> SLOT_KINDS = List.of("slot", "slot-list-index", "token-label");
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
        List<String> given = SLOT_KINDS.stream().filter(ref.access()::containsKey).toList();
        if (given.size() != 1) {
            throw RootKeyException.denied("pkcs11: give exactly one of 'slot', 'slot-list-index' or 'token-label'");
        }
        String kind = given.getFirst();
        String value = ref.require(kind);
        if (!kind.equals("token-label") && !NUMBER.matcher(value).matches()) {
            throw RootKeyException.denied("pkcs11: slot must be a non-negative number");
        }
        if (kind.equals("token-label") && value.getBytes(StandardCharsets.UTF_8).length > 32) {
            throw RootKeyException.denied("pkcs11: a token label has at most 32 bytes");
        }
        return new Pkcs11Config(Path.of(library), kind, value, SecretSource.from(ref, "pin", env));
    }

    /**
     * The SunPKCS11 configuration text ({@code --} prefix: inline, not a file name). A token label
     * is resolved to its current slot here, so a token moved to another slot is found again.
     */
    String sunConfig(String keyLabel) {
        String slotLine = switch (slotKind) {
            case "slot" -> "slot = " + slotValue;
            case "slot-list-index" -> "slotListIndex = " + slotValue;
            default -> "slot = " + TokenLabels.slotOf(library, slotValue);
        };
        byte[] label = keyLabel.getBytes(StandardCharsets.UTF_8);
        String name = "krypton-" + HexFormat.of().formatHex(label, 0, Math.min(8, label.length));
        return "--name = " + name + "\n"
                + "library = \"" + library + "\"\n"
                + slotLine + "\n";
    }
}
