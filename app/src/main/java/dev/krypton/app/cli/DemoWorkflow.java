package dev.krypton.app.cli;

import dev.krypton.app.node.DevPki;
import dev.krypton.app.node.DevNode;
import dev.krypton.engine.CipherMode;
import dev.krypton.engine.DecryptRequest;
import dev.krypton.engine.EncryptRequest;
import dev.krypton.engine.EncryptResult;
import dev.krypton.engine.EngineException;
import dev.krypton.engine.KeyOperations;
import dev.krypton.engine.Principal;
import dev.krypton.engine.TenantId;
import dev.krypton.engine.TenantState;
import dev.krypton.orbital.ActualState;
import dev.krypton.orbital.wire.orbital.TaskResponse;
import dev.krypton.orbital.wire.orbital.TaskStatus;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The sovereign workflow of {@code krypton demo}. Lifecycle steps travel as Orbital tasks over
 * gRPC with mutual TLS, exactly as Orbital sends them; key operations run as the development
 * gateway principal through the engine's {@link KeyOperations} (the face the KMIP server serves).
 * Every step checks its outcome, including that the kill switch really refuses an unwrap.
 */
final class DemoWorkflow {

    private static final int DEKS = 3;

    private final OrbitalTarget orbital;
    private final KeyOperations keys;
    private final Principal gateway = Principal.of(DevPki.GATEWAY);
    private final String tenant;
    private final Narrator narrator;
    private final SecureRandom random = new SecureRandom();
    private final List<byte[]> deks = new ArrayList<>();
    private final List<EncryptResult> wrapped = new ArrayList<>();
    private String kek = "";

    DemoWorkflow(DevNode node, String tenant, Narrator narrator) {
        this.orbital = OrbitalTarget.devNode(node.dataDir(), "127.0.0.1", node.node().grpcPort());
        this.keys = node.node().engine().operations();
        this.tenant = tenant;
        this.narrator = narrator;
    }

    void run() {
        narrator.step("link tenant (Orbital SYSTEM_LINK over gRPC)", () -> task(TaskAction.LINK, TenantState.ACTIVE, "--key-id", tenant + "-root"));
        narrator.step("create L3 KEK 'payments'", () -> {
            kek = keys.createKek(gateway, TenantId.of(tenant), "payments").uid();
            return "KEK version " + kek;
        });
        narrator.step("wrap " + DEKS + " DEKs (AES-256-GCM)", this::wrap);
        narrator.step("unwrap the DEKs", this::unwrapMatches);
        narrator.step("rotate the KEK (ReKey)", () -> {
            String next = keys.rekey(gateway, kek).uid();
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
            wrapped.add(keys.encrypt(gateway, EncryptRequest.gcm(kek, dek, new byte[0])));
        }
        return DEKS + " random 256-bit DEKs wrapped under " + kek;
    }

    private String unwrapMatches() {
        for (int i = 0; i < deks.size(); i++) {
            byte[] back = keys.decrypt(gateway, DecryptRequest.of(wrapped.get(i), CipherMode.GCM, new byte[0]));
            if (!Arrays.equals(back, deks.get(i))) {
                throw new IllegalStateException("DEK " + (i + 1) + " came back different");
            }
        }
        return deks.size() + " DEKs unwrapped to their original bytes";
    }

    private String unwrapRefused() {
        try {
            keys.decrypt(gateway, DecryptRequest.of(wrapped.getFirst(), CipherMode.GCM, new byte[0]));
        } catch (EngineException e) {
            return "refused as expected: " + e.code();
        }
        throw new IllegalStateException("a DEK still unwrapped");
    }
}
