package dev.krypton.orbital.amqp;

import org.apache.qpid.protonj2.client.ConnectionOptions;
import org.apache.qpid.protonj2.client.SslOptions;

/** Maps {@link AmqpConfig} onto ProtonJ2 connection options: SASL, TLS, idle time-out, reconnect with backoff. */
final class AmqpOptions {

    private AmqpOptions() {}

    static ConnectionOptions connection(AmqpConfig config, Runnable interrupted, Runnable reconnected) {
        ConnectionOptions options = new ConnectionOptions()
                .interruptedHandler((connection, event) -> interrupted.run())
                .reconnectedHandler((connection, event) -> reconnected.run());
        switch (config.auth()) {
            case AmqpConfig.Auth.Plain p -> {
                options.user(p.user()).password(p.password());
                options.saslOptions().addAllowedMechanism("PLAIN");
                tls(options, p.tls());
            }
            case AmqpConfig.Auth.External e -> {
                options.saslOptions().addAllowedMechanism("EXTERNAL");
                tls(options, e.tls());
            }
        }
        options.idleTimeout(config.idleTimeout().toMillis());
        options.reconnectEnabled(true);
        options.reconnectOptions()
                .reconnectDelay(100)
                .maxReconnectDelay(10_000)
                .useReconnectBackOff(true)
                .reconnectBackOffMultiplier(2.0)
                .maxReconnectAttempts(-1)
                .warnAfterReconnectAttempts(5);
        return options;
    }

    private static void tls(ConnectionOptions options, AmqpConfig.Tls tls) {
        switch (tls) {
            case AmqpConfig.Tls.Off off -> options.sslEnabled(false);
            case AmqpConfig.Tls.On on -> {
                options.sslEnabled(true);
                SslOptions ssl = options.sslOptions();
                ssl.storeType("PKCS12").verifyHost(true)
                        .trustStoreLocation(on.trustStore().toString()).trustStorePassword(on.password());
                if (!on.keyStore().isEmpty()) {
                    ssl.keyStoreLocation(on.keyStore()).keyStorePassword(on.password());
                }
            }
        }
    }
}
