package dev.krypton.rootkey.aws;

import dev.krypton.rootkey.KeyServices;
import dev.krypton.rootkey.RootKey;
import dev.krypton.rootkey.RootKeyProvider;
import dev.krypton.rootkey.RootKeyRef;
import java.util.Objects;
import java.util.function.Function;

/**
 * Provider {@code aws-kms}: the root key is an AWS KMS symmetric key, addressed by its ARN.
 * Access metadata: see {@link AwsKmsConfig}.
 */
public final class AwsKmsProvider implements RootKeyProvider {

    public static final String NAME = "aws-kms";

    private final Function<String, String> env;

    /** Reads secret environment variables from the process environment. */
    public AwsKmsProvider() {
        this(System::getenv);
    }

    /** Reads secret environment variables through {@code env} (tests). */
    public AwsKmsProvider(Function<String, String> env) {
        this.env = Objects.requireNonNull(env, "env");
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public RootKey open(RootKeyRef ref, KeyServices services) {
        return new AwsKmsKey(ref, AwsKmsConfig.from(ref, env), services.memory());
    }
}
