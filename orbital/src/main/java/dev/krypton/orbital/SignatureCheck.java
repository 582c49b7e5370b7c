package dev.krypton.orbital;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import dev.krypton.orbital.wire.orbital.TaskRequest;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.text.ParseException;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

/**
 * Optional message signatures (docs/design.md section 7): a compact JWS (PS256) in
 * {@code metaData["X-Message-Signature"]} whose claim {@code hash} is base64url(SHA-256) of
 * {@code taskId:<id>,type:<t>,externalId:<e>,data:<b64>,workingState:<b64>,eTag:<etag>}.
 */
public final class SignatureCheck {

    /** metaData key holding the JWS. */
    public static final String HEADER = "X-Message-Signature";

    /** When signatures are checked. */
    public enum Policy {
        /** Signatures are ignored. */
        OFF,
        /** A signature, when present, must verify; unsigned tasks pass. */
        IF_PRESENT,
        /** Every task must carry a valid signature. */
        REQUIRED
    }

    private final Policy policy;
    private final List<RSAKey> keys;

    private SignatureCheck(Policy policy, List<RSAKey> keys) {
        this.policy = policy;
        this.keys = keys;
    }

    /** No signature checks. */
    public static SignatureCheck off() {
        return new SignatureCheck(Policy.OFF, List.of());
    }

    /** Checks signatures under {@code policy} with the RSA keys of a JWKS file. */
    public static SignatureCheck fromJwks(Policy policy, Path jwksFile) {
        try {
            List<RSAKey> rsa = JWKSet.load(jwksFile.toFile()).getKeys().stream()
                    .filter(k -> k instanceof RSAKey).map(JWK::toRSAKey).toList();
            if (rsa.isEmpty()) {
                throw new OrbitalException("JWKS file " + jwksFile + " holds no RSA key");
            }
            return new SignatureCheck(policy, rsa);
        } catch (IOException | ParseException e) {
            throw new OrbitalException("cannot read JWKS file " + jwksFile, e);
        }
    }

    /** Empty when the task passes the policy, else why it does not. */
    public Optional<String> problem(TaskRequest request) {
        String jws = request.getMetaDataOrDefault(HEADER, "");
        return switch (policy) {
            case OFF -> Optional.empty();
            case IF_PRESENT -> jws.isEmpty() ? Optional.empty() : verify(jws, request);
            case REQUIRED -> jws.isEmpty() ? Optional.of("task is not signed") : verify(jws, request);
        };
    }

    private Optional<String> verify(String jws, TaskRequest request) {
        JWSObject object;
        try {
            object = JWSObject.parse(jws);
        } catch (ParseException e) {
            return Optional.of("task signature is not a compact JWS");
        }
        if (!JWSAlgorithm.PS256.equals(object.getHeader().getAlgorithm())) {
            return Optional.of("task signature algorithm is not PS256");
        }
        String kid = object.getHeader().getKeyID();
        boolean verified = keys.stream()
                .filter(k -> kid == null || kid.equals(k.getKeyID()))
                .anyMatch(k -> verifies(object, k));
        if (!verified) {
            return Optional.of("task signature does not verify with any configured key");
        }
        Object hash = object.getPayload().toJSONObject() == null ? null
                : object.getPayload().toJSONObject().get("hash");
        byte[] expected = hashOf(canonical(request)).getBytes(StandardCharsets.US_ASCII);
        if (!(hash instanceof String h)
                || !MessageDigest.isEqual(expected, h.getBytes(StandardCharsets.US_ASCII))) {
            return Optional.of("task signature hash does not match the task");
        }
        return Optional.empty();
    }

    private static boolean verifies(JWSObject object, RSAKey key) {
        try {
            return object.verify(new RSASSAVerifier(key));
        } catch (JOSEException e) {
            return false;
        }
    }

    /** The canonical string a signature covers (docs/design.md section 7). */
    public static String canonical(TaskRequest r) {
        Base64.Encoder b64 = Base64.getEncoder();
        return "taskId:" + r.getTaskId() + ",type:" + r.getType() + ",externalId:" + r.getExternalId()
                + ",data:" + b64.encodeToString(r.getData().toByteArray())
                + ",workingState:" + b64.encodeToString(r.getWorkingState().toByteArray())
                + ",eTag:" + r.getEtag();
    }

    /** base64url (no padding) of SHA-256 of {@code canonical}. */
    public static String hashOf(String canonical) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(canonical.getBytes(StandardCharsets.UTF_8));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new OrbitalException("SHA-256 is missing from this JDK", e);
        }
    }
}
