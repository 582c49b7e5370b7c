package dev.krypton.orbital;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.protobuf.ByteString;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import dev.krypton.orbital.wire.orbital.TaskRequest;
import dev.krypton.orbital.wire.orbital.TaskStatus;
import dev.krypton.storage.tck.MemoryStorage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.MGF1ParameterSpec;
import java.security.spec.PSSParameterSpec;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** PS256 task signatures, signed here with plain JCE RSASSA-PSS so the signer is independent. */
class SignatureCheckTest {

    @TempDir
    static Path dir;

    static KeyPair orbital;
    static KeyPair stranger;
    static Path jwks;

    @BeforeAll
    static void keys() throws Exception {
        KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
        g.initialize(2048);
        orbital = g.generateKeyPair();
        stranger = g.generateKeyPair();
        jwks = dir.resolve("orbital.jwks");
        Files.writeString(jwks, new JWKSet(new RSAKey.Builder((RSAPublicKey) orbital.getPublic())
                .keyID("orbital-1").build()).toString());
    }

    static String sign(KeyPair key, String alg, String hash) throws Exception {
        Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
        String signingInput = b64.encodeToString(("{\"alg\":\"" + alg + "\",\"kid\":\"orbital-1\"}")
                .getBytes(StandardCharsets.UTF_8)) + "." + b64.encodeToString(("{\"hash\":\"" + hash + "\"}")
                .getBytes(StandardCharsets.UTF_8));
        Signature pss = Signature.getInstance("RSASSA-PSS");
        pss.setParameter(new PSSParameterSpec("SHA-256", "MGF1", MGF1ParameterSpec.SHA256, 32, 1));
        pss.initSign(key.getPrivate());
        pss.update(signingInput.getBytes(StandardCharsets.US_ASCII));
        return signingInput + "." + b64.encodeToString(pss.sign());
    }

    static TaskRequest signed(TaskRequest task, KeyPair key) throws Exception {
        String hash = SignatureCheck.hashOf(SignatureCheck.canonical(task));
        return task.toBuilder().putMetaData(SignatureCheck.HEADER, sign(key, "PS256", hash)).build();
    }

    @Test
    void theCanonicalStringFollowsTheDesign() {
        TaskRequest t = TaskRequest.newBuilder().setTaskId("t1").setType("SYSTEM_LINK").setExternalId("e")
                .setData(ByteString.copyFrom(new byte[] {1, 2, (byte) 0xfb})).setEtag("7").build();
        assertThat(SignatureCheck.canonical(t))
                .isEqualTo("taskId:t1,type:SYSTEM_LINK,externalId:e,data:AQL7,workingState:,eTag:7");
    }

    @Test
    void aRequiredSignatureAcceptsOnlyTasksSignedByAConfiguredKey() throws Exception {
        SignatureCheck check = SignatureCheck.fromJwks(SignatureCheck.Policy.REQUIRED, jwks);
        TaskRequest task = Tasks.link("acme", "key-1");
        assertThat(check.problem(signed(task, orbital))).isEmpty();
        assertThat(check.problem(task)).contains("task is not signed");
        assertThat(check.problem(signed(task, stranger))).contains("task signature does not verify with any configured key");
    }

    @Test
    void aSignatureOverAnotherTaskDoesNotCoverThisOne() throws Exception {
        SignatureCheck check = SignatureCheck.fromJwks(SignatureCheck.Policy.IF_PRESENT, jwks);
        TaskRequest signedLink = signed(Tasks.link("acme", "key-1"), orbital);
        TaskRequest retargeted = signedLink.toBuilder().setData(Tasks.link("victim", "key-1").getData()).build();
        assertThat(check.problem(retargeted)).contains("task signature hash does not match the task");
        assertThat(check.problem(Tasks.link("acme", "key-1"))).isEmpty();
    }

    @Test
    void otherAlgorithmsAndGarbageAreRefused() throws Exception {
        SignatureCheck check = SignatureCheck.fromJwks(SignatureCheck.Policy.REQUIRED, jwks);
        TaskRequest task = Tasks.link("acme", "key-1");
        String hash = SignatureCheck.hashOf(SignatureCheck.canonical(task));
        assertThat(check.problem(task.toBuilder().putMetaData(SignatureCheck.HEADER, sign(orbital, "RS256", hash))
                .build())).contains("task signature algorithm is not PS256");
        assertThat(check.problem(task.toBuilder().putMetaData(SignatureCheck.HEADER, "not.a.jws!").build()))
                .contains("task signature is not a compact JWS");
    }

    @Test
    void anUnsignedTaskIsRejectedAuditedAndHasNoEffect() {
        FakeEngine engine = new FakeEngine();
        List<String> audited = new ArrayList<>();
        IntakeAudit audit = new IntakeAudit() {
            @Override
            public void rejected(String taskId, String type, String reason) {
                audited.add(type + ": " + reason);
            }

            @Override
            public void processed(String taskId, String type, String tenantId, String status, String detail) {
            }
        };
        TaskProcessor processor = new TaskProcessor(engine, new MemoryStorage(),
                SignatureCheck.fromJwks(SignatureCheck.Policy.REQUIRED, jwks), audit, 30, Clock.systemUTC());
        Disposition d = processor.process(Tasks.unlink("acme"));
        assertThat(d).isInstanceOf(Disposition.Reject.class);
        assertThat(((Disposition.Reject) d).response().getStatus()).isEqualTo(TaskStatus.FAILED);
        assertThat(audited).containsExactly("SYSTEM_UNLINK: task is not signed");
        assertThat(engine.effects()).isZero();
    }

    @Test
    void aJwksWithoutRsaKeysIsAConfigurationError() throws Exception {
        Path empty = Files.writeString(dir.resolve("empty.jwks"), "{\"keys\":[]}");
        assertThatThrownBy(() -> SignatureCheck.fromJwks(SignatureCheck.Policy.REQUIRED, empty))
                .isInstanceOf(OrbitalException.class).hasMessageContaining("holds no RSA key");
    }
}
