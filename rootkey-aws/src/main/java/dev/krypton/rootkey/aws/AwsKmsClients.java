package dev.krypton.rootkey.aws;

import java.util.Arrays;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.kms.KmsClient;
import software.amazon.awssdk.services.kms.KmsClientBuilder;

/**
 * Builds the SDK client for one key: URL-connection HTTP client (no Netty, no Apache), connect and
 * socket timeouts and an API-call timeout from the configuration, and no SDK retries: retries,
 * backoff and circuit breaking are Krypton's decorators, so one policy governs every provider.
 */
final class AwsKmsClients {

    private AwsKmsClients() {
    }

    static KmsClient build(AwsKmsConfig config) {
        KmsClientBuilder builder = KmsClient.builder()
                .region(Region.of(config.region()))
                .credentialsProvider(credentials(config))
                .httpClient(UrlConnectionHttpClient.builder()
                        .connectionTimeout(config.timeout())
                        .socketTimeout(config.timeout())
                        .build())
                .overrideConfiguration(ClientOverrideConfiguration.builder()
                        .apiCallTimeout(config.timeout())
                        .retryStrategy(AwsRetryStrategy.doNotRetry())
                        .build());
        config.endpoint().ifPresent(builder::endpointOverride);
        return builder.build();
    }

    private static AwsCredentialsProvider credentials(AwsKmsConfig config) {
        return config.credentials().<AwsCredentialsProvider>map(c -> () -> {
            char[] secret = c.secret().read();
            try {
                return AwsBasicCredentials.create(c.accessKeyId(), new String(secret));
            } finally {
                Arrays.fill(secret, '\0');
            }
        }).orElseGet(DefaultCredentialsProvider::create);
    }
}
