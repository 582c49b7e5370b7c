package dev.krypton.rootkey.vault;

import dev.krypton.rootkey.RootKeyException;
import dev.krypton.rootkey.RootKeyRef;
import dev.krypton.rootkey.SecretSource;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * Typed access metadata of a transit key.
 *
 * <table>
 *   <caption>access metadata</caption>
 *   <tr><th>entry</th><th>meaning</th></tr>
 *   <tr><td>address</td><td>Vault base URL, e.g. {@code https://vault.example:8200} (required)</td></tr>
 *   <tr><td>mount</td><td>transit mount path, default {@code transit}</td></tr>
 *   <tr><td>namespace</td><td>sent as {@code X-Vault-Namespace} when present</td></tr>
 *   <tr><td>token-file / token-env</td><td>where the Vault token is read from (exactly one)</td></tr>
 *   <tr><td>timeout-ms</td><td>per-request timeout, default 10000</td></tr>
 *   <tr><td>ca-file</td><td>PEM file of the CA(s) to trust for {@code https}; default: the JDK trust store</td></tr>
 * </table>
 * The key id is the transit key name. The key must be created with {@code derived=true}: transit
 * derives the encryption key from the {@code context}, which binds each blob to its tenant.
 */
record VaultConfig(URI address, String mount, String namespace, SecretSource token, Duration timeout,
                   Optional<Path> caFile) {

    private static final Set<String> KNOWN = Set.of("address", "mount", "namespace", "token-file", "token-env", "timeout-ms",
            "ca-file");
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,127}");
    private static final Pattern MOUNT = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._/-]{0,127}");

    static VaultConfig from(RootKeyRef ref, Function<String, String> env) {
        for (String entry : ref.access().keySet()) {
            if (!KNOWN.contains(entry) && !entry.equals("token")) {
                throw RootKeyException.denied("vault-transit: unknown access metadata '" + entry + "'");
            }
        }
        if (!NAME.matcher(ref.keyId()).matches()) {
            throw RootKeyException.denied("vault-transit: key name must match " + NAME.pattern());
        }
        String mount = ref.optional("mount", "transit");
        if (!MOUNT.matcher(mount).matches() || mount.contains("..")) {
            throw RootKeyException.denied("vault-transit: bad mount path");
        }
        if (!ref.keyVersion().isEmpty() && !ref.keyVersion().matches("[1-9][0-9]{0,8}")) {
            throw RootKeyException.denied("vault-transit: key version must be a positive number");
        }
        URI address;
        try {
            address = URI.create(ref.require("address"));
        } catch (IllegalArgumentException e) {
            throw RootKeyException.denied("vault-transit: address is not a URI");
        }
        if (!"https".equals(address.getScheme()) && !"http".equals(address.getScheme())) {
            throw RootKeyException.denied("vault-transit: address must be http or https");
        }
        long timeoutMs;
        try {
            timeoutMs = Long.parseLong(ref.optional("timeout-ms", "10000"));
        } catch (NumberFormatException e) {
            throw RootKeyException.denied("vault-transit: timeout-ms is not a number");
        }
        if (timeoutMs < 1 || timeoutMs > 600_000) {
            throw RootKeyException.denied("vault-transit: timeout-ms out of range 1..600000");
        }
        return new VaultConfig(address, mount, ref.optional("namespace", ""), SecretSource.from(ref, "token", env),
                Duration.ofMillis(timeoutMs), Optional.ofNullable(ref.access().get("ca-file")).map(Path::of));
    }

    URI endpoint(String operation, String keyName) {
        String base = address.toString().replaceAll("/+$", "");
        return URI.create(base + "/v1/" + mount + "/" + operation + "/" + keyName);
    }
}
