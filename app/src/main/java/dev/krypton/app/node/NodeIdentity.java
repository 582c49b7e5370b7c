package dev.krypton.app.node;

import dev.krypton.app.AppException;
import dev.krypton.engine.ClusterOptions;
import java.io.IOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Locale;

/**
 * This node's cluster id ({@code cluster.node-id}). When not configured it is made once from the
 * host name and a random suffix ({@code host-1a2b3c4d}) and kept in the file {@code node-id} of the
 * node's state folder, so a restarted node keeps its id and two nodes on one host (or cloned
 * images, which share a host name) still differ.
 */
public final class NodeIdentity {

    /** Name of the file that keeps a derived id. */
    public static final String FILE = "node-id";

    private NodeIdentity() {
    }

    /** {@code configured} when not empty, else the id kept in {@code folder}, created if missing. */
    public static String resolve(String configured, Path folder) {
        if (!configured.isBlank()) {
            return checked(configured.strip(), "cluster.node-id");
        }
        Path file = folder.resolve(FILE);
        try {
            if (!Files.exists(file)) {
                Files.createDirectories(folder);
                try {
                    Files.writeString(file, derive() + "\n", StandardCharsets.UTF_8,
                            java.nio.file.StandardOpenOption.CREATE_NEW, java.nio.file.StandardOpenOption.WRITE);
                } catch (FileAlreadyExistsException raced) {
                    // another process created it first: use theirs
                }
            }
            return checked(Files.readString(file, StandardCharsets.UTF_8).strip(), file.toString());
        } catch (IOException e) {
            throw AppException.failure("cannot keep the node id in " + file + ": " + e.getMessage(), e);
        }
    }

    private static String derive() {
        String host;
        try {
            host = InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            host = "node";
        }
        host = host.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9.-]", "-");
        if (host.length() > 100) {
            host = host.substring(0, 100);
        }
        byte[] suffix = new byte[4];
        new SecureRandom().nextBytes(suffix);
        return host + "-" + HexFormat.of().formatHex(suffix);
    }

    private static String checked(String id, String source) {
        if (id.isEmpty() || id.length() > ClusterOptions.MAX_NODE_ID || id.chars().anyMatch(Character::isISOControl)) {
            throw AppException.usage(source + ": the node id must be 1.." + ClusterOptions.MAX_NODE_ID
                    + " printable characters");
        }
        return id;
    }
}
