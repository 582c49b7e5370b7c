package dev.krypton.rootkey.gcp;

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
 * Typed access metadata of a Cloud KMS key; the key id is the CryptoKey resource name
 * {@code projects/P/locations/L/keyRings/R/cryptoKeys/K}.
 *
 * <table>
 *   <caption>access metadata</caption>
 *   <tr><th>entry</th><th>meaning</th></tr>
 *   <tr><td>endpoint</td><td>default {@code https://cloudkms.googleapis.com}</td></tr>
 *   <tr><td>token-file / token-env</td><td>an OAuth 2.0 access token (kept fresh by the platform,
 *       e.g. a workload-identity sidecar writing the file); exactly one</td></tr>
 *   <tr><td>timeout-ms</td><td>per-request timeout, default 10000</td></tr>
 *   <tr><td>ca-file</td><td>PEM file of the CA(s) to trust; default: the JDK trust store</td></tr>
 * </table>
 */
record GcpKmsConfig(URI endpoint, SecretSource token, Duration timeout, Optional<Path> caFile) {

    private static final Set<String> KNOWN = Set.of("endpoint", "token-file", "token-env", "timeout-ms", "ca-file");
    private static final Pattern KEY = Pattern.compile(
            "projects/[a-z0-9-]{1,63}/locations/[a-z0-9-]{1,63}/keyRings/[A-Za-z0-9_-]{1,63}/cryptoKeys/[A-Za-z0-9_-]{1,63}");

    static GcpKmsConfig from(RootKeyRef ref, Function<String, String> env) {
        for (String entry : ref.access().keySet()) {
            if (!KNOWN.contains(entry) && !entry.equals("token")) {
                throw RootKeyException.denied("gcp-kms: unknown access metadata '" + entry + "'");
            }
        }
        if (!KEY.matcher(ref.keyId()).matches()) {
            throw RootKeyException.denied("gcp-kms: key id must be projects/P/locations/L/keyRings/R/cryptoKeys/K");
        }
        URI endpoint;
        try {
            endpoint = URI.create(ref.optional("endpoint", "https://cloudkms.googleapis.com"));
        } catch (IllegalArgumentException e) {
            throw RootKeyException.denied("gcp-kms: endpoint is not a URI");
        }
        if (!"https".equals(endpoint.getScheme()) && !"http".equals(endpoint.getScheme())) {
            throw RootKeyException.denied("gcp-kms: endpoint must be http or https");
        }
        long timeoutMs;
        try {
            timeoutMs = Long.parseLong(ref.optional("timeout-ms", "10000"));
        } catch (NumberFormatException e) {
            throw RootKeyException.denied("gcp-kms: timeout-ms is not a number");
        }
        if (timeoutMs < 1 || timeoutMs > 600_000) {
            throw RootKeyException.denied("gcp-kms: timeout-ms out of range 1..600000");
        }
        return new GcpKmsConfig(endpoint, SecretSource.from(ref, "token", env), Duration.ofMillis(timeoutMs),
                Optional.ofNullable(ref.access().get("ca-file")).map(Path::of));
    }

    URI method(String keyName, String method) {
        return URI.create(endpoint.toString().replaceAll("/+$", "") + "/v1/" + keyName + ":" + method);
    }
}
