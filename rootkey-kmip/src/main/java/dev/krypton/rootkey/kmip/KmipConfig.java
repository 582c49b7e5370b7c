package dev.krypton.rootkey.kmip;

import dev.krypton.kmip.KmipException;
import dev.krypton.kmip.client.ClientConfig;
import dev.krypton.kmip.client.TlsSettings;
import dev.krypton.kmip.message.ProtocolVersion;
import dev.krypton.rootkey.RootKeyException;
import dev.krypton.rootkey.RootKeyRef;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

/**
 * Typed access metadata of a KMIP root key.
 *
 * <table>
 *   <caption>access metadata</caption>
 *   <tr><th>entry</th><th>meaning</th></tr>
 *   <tr><td>host</td><td>KMIP server host name or address (required)</td></tr>
 *   <tr><td>port</td><td>default 5696</td></tr>
 *   <tr><td>client-cert / client-key</td><td>PEM client certificate chain and unencrypted PKCS#8 key
 *       file (required; mutual TLS, KMIP 1.4 section 10)</td></tr>
 *   <tr><td>ca-file</td><td>PEM CA certificate(s) that vouch for the server (required)</td></tr>
 *   <tr><td>tls-protocols</td><td>comma list, default {@code TLSv1.3,TLSv1.2}</td></tr>
 *   <tr><td>cipher-suites</td><td>comma list, default the JDK's; PyKMIP needs
 *       {@code TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA256}</td></tr>
 *   <tr><td>kmip-version</td><td>{@code 1.0} ... {@code 2.1}, default {@code 1.4} (AEAD fields need 1.4+)</td></tr>
 *   <tr><td>mode</td><td>{@code gcm} (default) or {@code kwp}: see {@link WrapMode}</td></tr>
 *   <tr><td>iv</td><td>{@code client} (default: 12 random bytes from Krypton) or {@code server} (GCM only)</td></tr>
 *   <tr><td>timeout-ms</td><td>connect + TLS handshake limit and response read limit, default 10000</td></tr>
 *   <tr><td>max-connections</td><td>connection pool size, default 4</td></tr>
 *   <tr><td>verify-hostname</td><td>{@code true} (default) or {@code false}</td></tr>
 * </table>
 * The key id is the KMIP Unique Identifier of an AES key; KMIP keys have no versions (a re-key
 * makes a new Unique Identifier), so a key version is refused.
 */
record KmipConfig(String host, int port, Path clientCert, Path clientKey, Path caFile, List<String> protocols,
                  List<String> cipherSuites, ProtocolVersion version, WrapMode mode, boolean serverIv, Duration timeout,
                  int maxConnections, boolean verifyHostname) {

    private static final Set<String> KNOWN = Set.of("host", "port", "client-cert", "client-key", "ca-file", "tls-protocols",
            "cipher-suites", "kmip-version", "mode", "iv", "timeout-ms", "max-connections", "verify-hostname");

    KmipConfig {
        protocols = List.copyOf(protocols);
        cipherSuites = List.copyOf(cipherSuites);
    }

    static KmipConfig from(RootKeyRef ref) {
        for (String entry : ref.access().keySet()) {
            if (!KNOWN.contains(entry)) {
                throw RootKeyException.denied("kmip: unknown access metadata '" + entry + "'");
            }
        }
        if (!ref.keyVersion().isEmpty()) {
            throw RootKeyException.denied("kmip: keys have no versions; name the re-keyed key by its Unique Identifier");
        }
        if (ref.keyId().length() > 256 || ref.keyId().chars().anyMatch(Character::isISOControl)) {
            throw RootKeyException.denied("kmip: key id is not a plausible Unique Identifier");
        }
        WrapMode mode = WrapMode.parse(ref.optional("mode", "gcm"));
        String iv = ref.optional("iv", "client");
        if (!iv.equals("client") && !iv.equals("server")) {
            throw RootKeyException.denied("kmip: iv must be client or server");
        }
        if (iv.equals("server") && mode != WrapMode.GCM) {
            throw RootKeyException.denied("kmip: iv=server applies to mode gcm only");
        }
        ProtocolVersion version = version(ref.optional("kmip-version", "1.4"));
        if (mode == WrapMode.GCM && !version.atLeast(ProtocolVersion.V1_4)) {
            throw RootKeyException.denied("kmip: mode gcm needs the AEAD fields of KMIP 1.4 or later");
        }
        return new KmipConfig(ref.require("host"), number(ref, "port", 5696, 1, 65535),
                Path.of(ref.require("client-cert")), Path.of(ref.require("client-key")), Path.of(ref.require("ca-file")),
                list(ref.optional("tls-protocols", "TLSv1.3,TLSv1.2")), list(ref.optional("cipher-suites", "")),
                version, mode, iv.equals("server"), Duration.ofMillis(number(ref, "timeout-ms", 10_000, 1, 600_000)),
                number(ref, "max-connections", 4, 1, 256), bool(ref.optional("verify-hostname", "true")));
    }

    /** The KMIP client configuration; unreadable certificate or key files are DENIED (configuration). */
    ClientConfig clientConfig() {
        TlsSettings tls;
        try {
            tls = TlsSettings.fromPem(clientCert, clientKey, caFile).withProtocols(protocols).withCipherSuites(cipherSuites);
        } catch (KmipException e) {
            throw RootKeyException.denied("kmip: cannot use client-cert, client-key, ca-file or tls-protocols (" + e.getMessage() + ")");
        }
        return new ClientConfig(host, port, tls, version, timeout, timeout, maxConnections, 16 << 20, verifyHostname);
    }

    private static ProtocolVersion version(String text) {
        for (ProtocolVersion v : ProtocolVersion.SUPPORTED) {
            if ((v.major() + "." + v.minor()).equals(text)) {
                return v;
            }
        }
        throw RootKeyException.denied("kmip: kmip-version must be one of 1.0 ... 2.1");
    }

    private static int number(RootKeyRef ref, String name, int fallback, int min, int max) {
        int value;
        try {
            value = Integer.parseInt(ref.optional(name, Integer.toString(fallback)));
        } catch (NumberFormatException e) {
            throw RootKeyException.denied("kmip: " + name + " is not a number");
        }
        if (value < min || value > max) {
            throw RootKeyException.denied("kmip: " + name + " out of range " + min + ".." + max);
        }
        return value;
    }

    private static boolean bool(String text) {
        return switch (text) {
            case "true" -> true;
            case "false" -> false;
            default -> throw RootKeyException.denied("kmip: verify-hostname must be true or false");
        };
    }

    private static List<String> list(String text) {
        return Arrays.stream(text.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }
}
