package dev.krypton.rootkey.aws;

import dev.krypton.rootkey.RootKeyException;
import dev.krypton.rootkey.RootKeyRef;
import dev.krypton.rootkey.SecretSource;
import java.net.URI;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * Typed access metadata of an AWS KMS key; the key id is the key ARN (or alias ARN).
 *
 * <table>
 *   <caption>access metadata</caption>
 *   <tr><th>entry</th><th>meaning</th></tr>
 *   <tr><td>region</td><td>AWS region; default: the region in the key ARN</td></tr>
 *   <tr><td>endpoint</td><td>endpoint override (VPC endpoint, tests)</td></tr>
 *   <tr><td>access-key-id + secret-access-key-file / -env</td><td>static credentials; absent: the SDK's default chain</td></tr>
 *   <tr><td>timeout-ms</td><td>per-call timeout, default 10000</td></tr>
 * </table>
 */
record AwsKmsConfig(String region, Optional<URI> endpoint, Optional<StaticCredentials> credentials, Duration timeout) {

    /** An access key id and where its secret is read from. */
    record StaticCredentials(String accessKeyId, SecretSource secret) { }

    private static final Set<String> KNOWN = Set.of("region", "endpoint", "access-key-id", "secret-access-key-file",
            "secret-access-key-env", "timeout-ms");

    static AwsKmsConfig from(RootKeyRef ref, Function<String, String> env) {
        for (String entry : ref.access().keySet()) {
            if (!KNOWN.contains(entry) && !entry.equals("secret-access-key")) {
                throw RootKeyException.denied("aws-kms: unknown access metadata '" + entry + "'");
            }
        }
        String[] arn = ref.keyId().split(":", 6);
        boolean isArn = arn.length == 6 && arn[0].equals("arn") && arn[2].equals("kms");
        String region = ref.optional("region", isArn ? arn[3] : "");
        if (region.isEmpty()) {
            throw RootKeyException.denied("aws-kms: key id is not a KMS ARN and no 'region' is given");
        }
        Optional<URI> endpoint = Optional.empty();
        if (ref.access().containsKey("endpoint")) {
            try {
                endpoint = Optional.of(URI.create(ref.require("endpoint")));
            } catch (IllegalArgumentException e) {
                throw RootKeyException.denied("aws-kms: endpoint is not a URI");
            }
        }
        Optional<StaticCredentials> credentials = Optional.empty();
        if (ref.access().containsKey("access-key-id")) {
            credentials = Optional.of(new StaticCredentials(ref.require("access-key-id"),
                    SecretSource.from(ref, "secret-access-key", env)));
        } else if (ref.access().keySet().stream().anyMatch(k -> k.startsWith("secret-access-key"))) {
            throw RootKeyException.denied("aws-kms: a secret access key needs 'access-key-id'");
        }
        long timeoutMs;
        try {
            timeoutMs = Long.parseLong(ref.optional("timeout-ms", "10000"));
        } catch (NumberFormatException e) {
            throw RootKeyException.denied("aws-kms: timeout-ms is not a number");
        }
        if (timeoutMs < 1 || timeoutMs > 600_000) {
            throw RootKeyException.denied("aws-kms: timeout-ms out of range 1..600000");
        }
        return new AwsKmsConfig(region, endpoint, credentials, Duration.ofMillis(timeoutMs));
    }
}
