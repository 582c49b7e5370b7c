package dev.krypton.engine.audit;

import dev.krypton.engine.EngineException;
import dev.krypton.engine.ErrorCode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.HexFormat;

/**
 * The node's Ed25519 audit signing key (JCE, RFC 8032). Stored as {@code audit-signing.key}
 * (PKCS#8, mode 0600) and {@code audit-signing.pub} (X.509 SubjectPublicKeyInfo, DER) in a
 * directory; the public file is what auditors give to the verifier.
 */
public final class AuditKeys {

    static final String PRIVATE_FILE = "audit-signing.key";
    static final String PUBLIC_FILE = "audit-signing.pub";

    private AuditKeys() {
    }

    /** A fresh key pair, not stored (tests, ephemeral nodes). */
    public static KeyPair generate() {
        try {
            return KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new EngineException(ErrorCode.INTERNAL, "Ed25519 is not available in this JDK", e);
        }
    }

    /** Loads the key pair from {@code dir}, creating and storing a new one if absent. */
    public static KeyPair loadOrCreate(Path dir) {
        Path priv = dir.resolve(PRIVATE_FILE);
        Path pub = dir.resolve(PUBLIC_FILE);
        try {
            if (Files.exists(priv)) {
                KeyFactory kf = KeyFactory.getInstance("Ed25519");
                PrivateKey p = kf.generatePrivate(new PKCS8EncodedKeySpec(Files.readAllBytes(priv)));
                return new KeyPair(readPublic(pub), p);
            }
            Files.createDirectories(dir);
            KeyPair kp = generate();
            Files.createFile(priv, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            Files.write(priv, kp.getPrivate().getEncoded());
            Files.write(pub, kp.getPublic().getEncoded());
            return kp;
        } catch (IOException | GeneralSecurityException e) {
            throw new EngineException(ErrorCode.INTERNAL, "cannot load or create the audit signing key in " + dir
                    + ": " + e.getClass().getSimpleName(), e);
        }
    }

    /** Reads a public key file written by {@link #loadOrCreate(Path)}. */
    public static PublicKey readPublic(Path file) {
        try {
            return KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(Files.readAllBytes(file)));
        } catch (IOException | GeneralSecurityException e) {
            throw new EngineException(ErrorCode.INVALID_ARGUMENT, "cannot read Ed25519 public key " + file
                    + ": " + e.getClass().getSimpleName(), e);
        }
    }

    /** A short identifier of a public key: the first 16 hex digits of SHA-256 of its encoding. */
    public static String keyId(PublicKey key) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(key.getEncoded());
            return HexFormat.of().formatHex(d, 0, 8);
        } catch (GeneralSecurityException e) {
            throw new EngineException(ErrorCode.INTERNAL, "SHA-256 is not available", e);
        }
    }
}
