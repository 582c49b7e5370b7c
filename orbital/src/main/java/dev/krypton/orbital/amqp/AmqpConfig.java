package dev.krypton.orbital.amqp;

import dev.krypton.orbital.OrbitalException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;

/**
 * Where and how the AMQP 1.0 intake connects (docs/design.md section 7).
 *
 * @param host broker host
 * @param port broker port (5672 plain, 5671 TLS by convention)
 * @param auth SASL PLAIN or SASL EXTERNAL with a client certificate over TLS
 * @param taskAddress address of routine tasks, for RabbitMQ {@code /queue/NAME}
 * @param criticalAddress address of unlink-class tasks, served by its own receiver and worker
 * @param responseAddress address the TaskResponses are sent to
 * @param prefetch credit of the task receiver; unlink-class tasks among these many queued
 *     messages overtake the routine ones
 * @param routineWorkers how many routine tasks run at once (they may wait on slow root keys)
 * @param releaseDelay how long a task that failed transiently is held before it is released
 * @param idleTimeout how long the connection may stay silent before it is taken for dead and
 *     reconnected (AMQP idle time-out: the broker is asked for a frame at least every half of it),
 *     so that a broker lost behind a silent network is noticed
 * @param criticalResponseAddress address the answers to unlink-class tasks are sent to, by a sender
 *     link of their own; by default the response address itself, so every answer goes to one
 *     address. A separate address keeps them from queueing in the broker behind routine answers
 *     that Orbital has not read yet.
 */
public record AmqpConfig(String host, int port, Auth auth, String taskAddress, String criticalAddress,
                         String responseAddress, int prefetch, int routineWorkers, Duration releaseDelay,
                         Duration idleTimeout, String criticalResponseAddress) {

    /** The idle time-out when none is given. */
    public static final Duration DEFAULT_IDLE_TIMEOUT = Duration.ofSeconds(10);

    /** A configuration with the {@link #DEFAULT_IDLE_TIMEOUT}. */
    public AmqpConfig(String host, int port, Auth auth, String taskAddress, String criticalAddress,
                      String responseAddress, int prefetch, int routineWorkers, Duration releaseDelay) {
        this(host, port, auth, taskAddress, criticalAddress, responseAddress, prefetch, routineWorkers, releaseDelay,
                DEFAULT_IDLE_TIMEOUT);
    }

    /** A configuration that sends every answer to {@code responseAddress}. */
    public AmqpConfig(String host, int port, Auth auth, String taskAddress, String criticalAddress,
                      String responseAddress, int prefetch, int routineWorkers, Duration releaseDelay,
                      Duration idleTimeout) {
        this(host, port, auth, taskAddress, criticalAddress, responseAddress, prefetch, routineWorkers, releaseDelay,
                idleTimeout, responseAddress);
    }

    /** This configuration with the answers to unlink-class tasks sent to {@code address}. */
    public AmqpConfig withCriticalResponseAddress(String address) {
        return new AmqpConfig(host, port, auth, taskAddress, criticalAddress, responseAddress, prefetch, routineWorkers,
                releaseDelay, idleTimeout, address);
    }

    /** Validates every setting. */
    public AmqpConfig {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(auth, "auth");
        Objects.requireNonNull(releaseDelay, "releaseDelay");
        Objects.requireNonNull(idleTimeout, "idleTimeout");
        if (idleTimeout.toMillis() < 100) {
            throw new OrbitalException("AMQP idle time-out must be at least 100 ms, got " + idleTimeout.toMillis() + " ms");
        }
        if (port < 1 || port > 65535) {
            throw new OrbitalException("AMQP port must be 1-65535, got " + port);
        }
        for (String a : new String[] {taskAddress, criticalAddress, responseAddress, criticalResponseAddress}) {
            if (a == null || a.isBlank()) {
                throw new OrbitalException("AMQP task, critical, response and critical response addresses must be set");
            }
        }
        if (taskAddress.equals(criticalAddress)) {
            throw new OrbitalException("AMQP critical address must differ from the task address");
        }
        for (String answers : new String[] {responseAddress, criticalResponseAddress}) {
            if (answers.equals(taskAddress) || answers.equals(criticalAddress)) {
                throw new OrbitalException("AMQP response addresses must differ from the task addresses");
            }
        }
        if (prefetch < 1 || routineWorkers < 1) {
            throw new OrbitalException("AMQP prefetch and routine workers must be at least 1");
        }
    }

    /** SASL authentication to the broker. */
    public sealed interface Auth {

        /** SASL PLAIN with a user name and password (over TLS when {@code tls} is set). */
        record Plain(String user, String password, Tls tls) implements Auth {
            /** Validates. */
            public Plain {
                Objects.requireNonNull(user, "user");
                Objects.requireNonNull(password, "password");
                Objects.requireNonNull(tls, "tls");
            }

            @Override
            public String toString() {
                return "Plain[user=" + user + ", password=***, tls=" + tls + "]";
            }
        }

        /** SASL EXTERNAL: the broker takes the identity from the client certificate. */
        record External(Tls tls) implements Auth {
            /** Validates; EXTERNAL needs a client certificate. */
            public External {
                if (!(tls instanceof Tls.On on) || on.keyStore().isEmpty()) {
                    throw new OrbitalException("SASL EXTERNAL needs TLS with a client key store");
                }
            }
        }
    }

    /** TLS towards the broker. */
    public sealed interface Tls {

        /** Plain TCP. */
        record Off() implements Tls {}

        /**
         * TLS with a PKCS#12 trust store and, for client authentication, a PKCS#12 key store.
         *
         * @param trustStore PKCS#12 file with the broker's CA
         * @param keyStore PKCS#12 file with the client certificate and key, empty path for none
         * @param password password of both stores
         */
        record On(Path trustStore, String keyStore, String password) implements Tls {
            /** Validates. */
            public On {
                Objects.requireNonNull(trustStore, "trustStore");
                Objects.requireNonNull(keyStore, "keyStore");
                Objects.requireNonNull(password, "password");
            }

            @Override
            public String toString() {
                return "On[trustStore=" + trustStore + ", keyStore=" + keyStore + ", password=***]";
            }
        }
    }
}
