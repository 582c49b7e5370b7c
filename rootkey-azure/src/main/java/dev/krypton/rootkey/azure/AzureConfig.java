package dev.krypton.rootkey.azure;

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
 * Typed access metadata of a Key Vault key; the key id is the key name, the key version (empty =
 * current) pins the version used to wrap.
 *
 * <table>
 *   <caption>access metadata</caption>
 *   <tr><th>entry</th><th>meaning</th></tr>
 *   <tr><td>vault-url</td><td>e.g. {@code https://contoso.vault.azure.net} or a Managed HSM URL (required)</td></tr>
 *   <tr><td>algorithm</td><td>{@code RSA-OAEP-256} (vault keys, default) or {@code A256KW} (Managed HSM)</td></tr>
 *   <tr><td>token-file / token-env</td><td>a Microsoft Entra ID access token for the vault, kept fresh by the platform</td></tr>
 *   <tr><td>timeout-ms</td><td>per-request timeout, default 10000</td></tr>
 *   <tr><td>ca-file</td><td>PEM file of the CA(s) to trust; default: the JDK trust store</td></tr>
 * </table>
 */
record AzureConfig(URI vault, String algorithm, SecretSource token, Duration timeout, Optional<Path> caFile) {

    static final String API_VERSION = "7.4";
    private static final Set<String> KNOWN = Set.of("vault-url", "algorithm", "token-file", "token-env", "timeout-ms", "ca-file");
    private static final Pattern NAME = Pattern.compile("[0-9A-Za-z-]{1,127}");
    private static final Pattern VERSION = Pattern.compile("[0-9A-Za-z]{0,64}");

    static AzureConfig from(RootKeyRef ref, Function<String, String> env) {
        for (String entry : ref.access().keySet()) {
            if (!KNOWN.contains(entry) && !entry.equals("token")) {
                throw RootKeyException.denied("azure-keyvault: unknown access metadata '" + entry + "'");
            }
        }
        if (!NAME.matcher(ref.keyId()).matches() || !VERSION.matcher(ref.keyVersion()).matches()) {
            throw RootKeyException.denied("azure-keyvault: key name must match " + NAME.pattern() + " and version " + VERSION.pattern());
        }
        String algorithm = ref.optional("algorithm", "RSA-OAEP-256");
        if (!algorithm.equals("RSA-OAEP-256") && !algorithm.equals("A256KW")) {
            throw RootKeyException.denied("azure-keyvault: algorithm must be RSA-OAEP-256 or A256KW");
        }
        URI vault;
        try {
            vault = URI.create(ref.require("vault-url"));
        } catch (IllegalArgumentException e) {
            throw RootKeyException.denied("azure-keyvault: vault-url is not a URI");
        }
        if (!"https".equals(vault.getScheme()) && !"http".equals(vault.getScheme())) {
            throw RootKeyException.denied("azure-keyvault: vault-url must be http or https");
        }
        long timeoutMs;
        try {
            timeoutMs = Long.parseLong(ref.optional("timeout-ms", "10000"));
        } catch (NumberFormatException e) {
            throw RootKeyException.denied("azure-keyvault: timeout-ms is not a number");
        }
        if (timeoutMs < 1 || timeoutMs > 600_000) {
            throw RootKeyException.denied("azure-keyvault: timeout-ms out of range 1..600000");
        }
        return new AzureConfig(vault, algorithm, SecretSource.from(ref, "token", env), Duration.ofMillis(timeoutMs),
                Optional.ofNullable(ref.access().get("ca-file")).map(Path::of));
    }

    /** {@code <vault>/keys/<name>[/<version>]/<operation>?api-version=7.4}. */
    URI operation(String name, String version, String operation) {
        return URI.create(vault.toString().replaceAll("/+$", "") + "/keys/" + name + (version.isEmpty() ? "" : "/" + version)
                + "/" + operation + "?api-version=" + API_VERSION);
    }
}
