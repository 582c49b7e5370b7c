package dev.krypton.app.cli;

import dev.krypton.app.node.DevNode;
import dev.krypton.app.node.DevPki;
import dev.krypton.engine.TenantState;
import dev.krypton.kmip.CryptographicAlgorithm;
import dev.krypton.kmip.KmipException;
import dev.krypton.kmip.ObjectType;
import dev.krypton.kmip.attribute.Attribute;
import dev.krypton.kmip.attribute.Attributes;
import dev.krypton.kmip.attribute.CryptographicParameters;
import dev.krypton.kmip.client.ClientConfig;
import dev.krypton.kmip.client.KmipClient;
import dev.krypton.kmip.client.KmipOperations;
import dev.krypton.kmip.client.TlsSettings;
import dev.krypton.kmip.message.Bytes;
import dev.krypton.kmip.payload.Encrypt;
import dev.krypton.orbital.ActualState;
import dev.krypton.orbital.wire.orbital.TaskResponse;
import dev.krypton.orbital.wire.orbital.TaskStatus;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The sovereign workflow of {@code krypton demo}. Lifecycle steps travel as Orbital tasks over
 * gRPC with mutual TLS, exactly as Orbital sends them; key operations travel over KMIP (TTLV on
 * mutual TLS) with the development gateway's certificate, exactly as a gateway sends them. Every
 * step checks its outcome, including that the kill switch really refuses an unwrap.
 */
final class DemoWorkflow implements AutoCloseable {

    private static final int DEKS = 3;

    private final OrbitalTarget orbital;
    private final KmipClient client;
    private final KmipOperations kmip;
    private final CryptographicParameters gcm = CryptographicParameters.aesGcm(16);
    private final String tenant;
    private final Narrator narrator;
    private final SecureRandom random = new SecureRandom();
    private final List<byte[]> deks = new ArrayList<>();
    private final List<Encrypt.Response> wrapped = new ArrayList<>();
    private String kek = "";

    DemoWorkflow(DevNode node, String tenant, Narrator narrator) {
        this.orbital = OrbitalTarget.devNode(node.dataDir(), "127.0.0.1", node.node().grpcPort());
        DevPki pki = node.pki();
        this.client = KmipClient.open(ClientConfig.of("localhost", node.node().kmipPort(),
                TlsSettings.fromPem(pki.cert(DevPki.GATEWAY), pki.key(DevPki.GATEWAY), pki.ca())));
        this.kmip = new KmipOperations(client);
        this.tenant = tenant;
        this.narrator = narrator;
    }

    void run() {
        narrator.step("link tenant (Orbital SYSTEM_LINK over gRPC)", () -> task(TaskAction.LINK, TenantState.ACTIVE, "--key-id", tenant + "-root"));
        narrator.step("create L3 KEK 'payments' (KMIP Create)", () -> {
            kek = kmip.create(ObjectType.SYMMETRIC_KEY, Attributes.of(Attribute.name("payments"),
                    Attribute.objectGroup("kek"), Attribute.objectGroup(tenant),
                    Attribute.cryptographicAlgorithm(CryptographicAlgorithm.AES), Attribute.cryptographicLength(256)))
                    .uniqueIdentifier();
            return "KEK version " + kek;
        });
        narrator.step("wrap " + DEKS + " DEKs (KMIP Encrypt, AES-256-GCM)", this::wrap);
        narrator.step("unwrap the DEKs (KMIP Decrypt)", this::unwrapMatches);
        narrator.step("rotate the KEK (KMIP ReKey)", () -> {
            String next = kmip.reKey(kek);
            String old = kek;
            kek = next;
            return old + " is now decrypt-only; new version " + next;
        });
        narrator.step("unwrap old DEKs after rotation", this::unwrapMatches);
        narrator.step("unlink tenant: the kill switch", () -> task(TaskAction.UNLINK, TenantState.UNLINKED));
        narrator.step("unwrap now fails", this::unwrapRefused);
        narrator.step("link again", () -> task(TaskAction.LINK, TenantState.ACTIVE, "--key-id", tenant + "-root"));
        narrator.step("unwrap works again", this::unwrapMatches);
        narrator.step("destroy tenant (KEY_DELETE: crypto-shred)", () -> task(TaskAction.DESTROY, TenantState.DESTROYED));
        narrator.step("unwrap after destruction fails", this::unwrapRefused);
    }

    private String task(TaskAction action, TenantState expected, String... extra) {
        List<String> args = new ArrayList<>(List.of("--provider", "local"));
        args.addAll(List.of(extra));
        TaskResponse r = orbital.send(action, tenant, args);
        if (r.getStatus() != TaskStatus.DONE) {
            throw new IllegalStateException(action.taskType() + " answered " + r.getStatus() + ": " + r.getErrorMessage());
        }
        String state = r.getMetaDataOrDefault(ActualState.STATE, "(none reported)");
        if (!state.equals(expected.name())) {
            throw new IllegalStateException(action.taskType() + " DONE but the tenant is " + state + ", not " + expected);
        }
        return action.taskType() + " DONE, tenant " + state + " (generation "
                + r.getMetaDataOrDefault(ActualState.GENERATION, "?") + ")";
    }

    private String wrap() {
        for (int i = 0; i < DEKS; i++) {
            byte[] dek = new byte[32];
            random.nextBytes(dek);
            deks.add(dek);
            wrapped.add(kmip.encrypt(kek, gcm, Bytes.of(dek), Optional.empty(), Optional.empty()));
        }
        return DEKS + " random 256-bit DEKs wrapped under " + kek;
    }

    private String unwrapMatches() {
        for (int i = 0; i < deks.size(); i++) {
            byte[] back = unwrap(wrapped.get(i));
            if (!Arrays.equals(back, deks.get(i))) {
                throw new IllegalStateException("DEK " + (i + 1) + " came back different");
            }
        }
        return deks.size() + " DEKs unwrapped to their original bytes";
    }

    private String unwrapRefused() {
        try {
            unwrap(wrapped.getFirst());
        } catch (KmipException e) {
            return "refused as expected: " + e.reason();
        }
        throw new IllegalStateException("a DEK still unwrapped");
    }

    private byte[] unwrap(Encrypt.Response w) {
        return kmip.decrypt(w.uniqueIdentifier(), gcm, w.data().orElseThrow(), w.ivCounterNonce(), Optional.empty(),
                w.tag()).toByteArray();
    }

    @Override
    public void close() {
        client.close();
    }
}
