package dev.krypton.orbital.grpc;

import dev.krypton.orbital.OrbitalException;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Set;

/**
 * The gRPC intake's listener: address, the server's certificate chain and PKCS#8 key (PEM), the
 * CA that issues Orbital's client certificates, and the allowed Orbital principals (the subject
 * common name of the client certificate).
 *
 * @param host listen address
 * @param port listen port, 0 for an ephemeral one
 * @param certificateChain PEM certificate chain of this node
 * @param privateKey PEM PKCS#8 private key of this node
 * @param clientCa PEM certificates of the CAs trusted to issue client certificates
 * @param allowedPrincipals client certificate common names that may send tasks
 */
public record GrpcConfig(String host, int port, Path certificateChain, Path privateKey, Path clientCa,
                         Set<String> allowedPrincipals) {

    /** Validates and copies. */
    public GrpcConfig {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(certificateChain, "certificateChain");
        Objects.requireNonNull(privateKey, "privateKey");
        Objects.requireNonNull(clientCa, "clientCa");
        if (port < 0 || port > 65535) {
            throw new OrbitalException("gRPC port must be 0-65535, got " + port);
        }
        if (allowedPrincipals.isEmpty()) {
            throw new OrbitalException("gRPC intake needs at least one allowed Orbital principal");
        }
        allowedPrincipals = Set.copyOf(allowedPrincipals);
    }
}
