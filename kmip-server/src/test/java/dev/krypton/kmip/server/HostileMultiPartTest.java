package dev.krypton.kmip.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.krypton.crypto.CryptoEngine;
import dev.krypton.crypto.CryptoEngines;
import dev.krypton.kmip.CryptographicAlgorithm;
import dev.krypton.kmip.KmipException;
import dev.krypton.kmip.ResultReason;
import dev.krypton.kmip.attribute.Attribute;
import dev.krypton.kmip.attribute.Attributes;
import dev.krypton.kmip.attribute.CryptographicParameters;
import dev.krypton.kmip.client.KmipOperations;
import dev.krypton.kmip.message.Bytes;
import dev.krypton.kmip.object.KeyBlock;
import dev.krypton.kmip.object.ManagedObject;
import dev.krypton.kmip.payload.Encrypt;
import java.io.ByteArrayOutputStream;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/**
 * Multi-part GCM Encrypt under a hostile tenant: one tenant cannot take every open-operation
 * slot, and the server's cipher work is linear in the data however finely it is cut.
 */
class HostileMultiPartTest {

    private static final Optional<CryptographicParameters> GCM = Optional.of(CryptographicParameters.aesGcm(16));

    private static Encrypt.Response init(KmipOperations client, String uid, byte[] data, Optional<Bytes> iv) {
        return client.client().call(new Encrypt.Request(Optional.of(uid), GCM, Optional.of(Bytes.of(data)), iv,
                Optional.empty(), Optional.of(true), Optional.empty(), Optional.empty()), Encrypt.Response.class);
    }

    private static Encrypt.Response part(KmipOperations client, String uid, Bytes correlation, byte[] data, boolean last) {
        return client.client().call(new Encrypt.Request(Optional.of(uid), GCM, Optional.of(Bytes.of(data)), Optional.empty(),
                Optional.of(correlation), Optional.empty(), Optional.of(last), Optional.empty()), Encrypt.Response.class);
    }

    @Test
    void aTenantAtItsCapDoesNotStopAnotherTenantsFirstPart() {
        try (var fixture = new ServerFixture()) {
            KmipOperations acme = fixture.client("acme");
            KmipOperations globex = fixture.client("globex");
            String acmeKek = KekOperationsTest.createKek(acme, "greedy");
            String globexKek = KekOperationsTest.createKek(globex, "patient");
            int opened = 0;
            KmipException refused = null;
            while (refused == null && opened <= 2048) {
                try {
                    init(acme, acmeKek, new byte[1], Optional.empty());
                    opened++;
                } catch (KmipException e) {
                    refused = e;
                }
            }
            assertThat(refused).as("acme is stopped at its own cap").isNotNull();
            assertThat(opened).isEqualTo(64);
            assertThat(refused.reason()).isEqualTo(ResultReason.GENERAL_FAILURE);
            assertThat(refused.getMessage()).contains("tenant acme", "64 open multi-part operations");
            Encrypt.Response first = init(globex, globexKek, new byte[1], Optional.empty());
            assertThat(first.correlationValue()).isPresent();
            assertThat(part(globex, globexKek, first.correlationValue().get(), new byte[1], true).tag()).isPresent();
        }
    }

    @Test
    void cipherWorkIsLinearInTheDataForAThousandOneBytePartsAndEqualsTheOneShotResult() {
        AtomicLong processed = new AtomicLong();
        try (var fixture = new ServerFixture(c -> c, counting(CryptoEngines.select(), processed))) {
            KmipOperations acme = fixture.client("acme");
            String kek = KekOperationsTest.createKek(acme, "streamed");
            byte[] plaintext = new byte[64 * 1024 + 1000];
            new Random(7).nextBytes(plaintext);
            int head = 64 * 1024;
            processed.set(0);
            Encrypt.Response first = init(acme, kek, java.util.Arrays.copyOf(plaintext, head), Optional.empty());
            ByteArrayOutputStream ciphertext = new ByteArrayOutputStream();
            ciphertext.writeBytes(first.data().orElseThrow().toByteArray());
            Encrypt.Response last = null;
            for (int i = head; i < plaintext.length; i++) {
                last = part(acme, kek, first.correlationValue().orElseThrow(), new byte[] {plaintext[i]}, i == plaintext.length - 1);
                ciphertext.writeBytes(last.data().orElseThrow().toByteArray());
            }
            long work = processed.get();
            // The first part and the final tag each run over the data once; each one-byte part costs
            // at most one block (it may start inside one). The old way re-encrypted all so far each time.
            assertThat(work).isBetween((long) plaintext.length, 2L * plaintext.length + 1000L * 16);
            Encrypt.Response oneShot = acme.client().call(new Encrypt.Request(Optional.of(kek), GCM, Optional.of(Bytes.of(plaintext)),
                    first.ivCounterNonce(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty()),
                    Encrypt.Response.class);
            assertThat(ciphertext.toByteArray()).isEqualTo(oneShot.data().orElseThrow().toByteArray());
            assertThat(last.tag()).isEqualTo(oneShot.tag());
        }
    }

    @Test
    void partsOfUnevenSizesWithAnIvThatIsNotTwelveBytesEqualTheOneShotResult() {
        try (var fixture = new ServerFixture()) {
            KmipOperations acme = fixture.client("acme");
            byte[] key = new byte[32];
            new Random(3).nextBytes(key);
            String uid = acme.register(Attributes.of(Attribute.cryptographicAlgorithm(CryptographicAlgorithm.AES),
                    Attribute.cryptographicLength(256), Attribute.cryptographicUsageMask(TenantObjectsTest.ENC_DEC)),
                    new ManagedObject.SymmetricKey(KeyBlock.raw(Bytes.of(key), CryptographicAlgorithm.AES, 256))).uniqueIdentifier();
            acme.activate(uid);
            byte[] plaintext = new byte[300];
            new Random(5).nextBytes(plaintext);
            Optional<Bytes> iv = Optional.of(Bytes.of(new byte[] {1, 2, 3, 4, 5, 6, 7, 8}));
            int[] cuts = {1, 16, 17, 40, 99, 100, 255, 300};
            Encrypt.Response first = init(acme, uid, java.util.Arrays.copyOf(plaintext, cuts[0]), iv);
            ByteArrayOutputStream ciphertext = new ByteArrayOutputStream();
            ciphertext.writeBytes(first.data().orElseThrow().toByteArray());
            Encrypt.Response last = null;
            for (int i = 1; i < cuts.length; i++) {
                last = part(acme, uid, first.correlationValue().orElseThrow(),
                        java.util.Arrays.copyOfRange(plaintext, cuts[i - 1], cuts[i]), i == cuts.length - 1);
                ciphertext.writeBytes(last.data().orElseThrow().toByteArray());
            }
            Encrypt.Response oneShot = acme.client().call(new Encrypt.Request(Optional.of(uid), GCM, Optional.of(Bytes.of(plaintext)),
                    iv, Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty()), Encrypt.Response.class);
            assertThat(ciphertext.toByteArray()).isEqualTo(oneShot.data().orElseThrow().toByteArray());
            assertThat(last.tag()).isEqualTo(oneShot.tag());
        }
    }

    @Test
    void aPartAcrossTheWrapOfGcmsThirtyTwoBitCounterEqualsTheOneShotResult() throws Exception {
        byte[] key = new byte[32];
        new Random(11).nextBytes(key);
        int size = 900_000;
        // An 8-byte IV whose first counter block's low 32 bits lie within the message's blocks of
        // 2^32: GCM's inc32 then wraps those bits alone while plain CTR would carry into the rest.
        byte[] iv = new byte[8];
        Random random = new Random(13);
        long low;
        do {
            random.nextBytes(iv);
            low = firstCounterLow32(key, iv);
        } while ((1L << 32) - low > size / 16 - 2);
        try (var fixture = new ServerFixture()) {
            KmipOperations acme = fixture.client("acme");
            String uid = acme.register(Attributes.of(Attribute.cryptographicAlgorithm(CryptographicAlgorithm.AES),
                    Attribute.cryptographicLength(256), Attribute.cryptographicUsageMask(TenantObjectsTest.ENC_DEC)),
                    new ManagedObject.SymmetricKey(KeyBlock.raw(Bytes.of(key), CryptographicAlgorithm.AES, 256))).uniqueIdentifier();
            acme.activate(uid);
            byte[] plaintext = new byte[size];
            new Random(17).nextBytes(plaintext);
            Encrypt.Response first = init(acme, uid, java.util.Arrays.copyOf(plaintext, 1), Optional.of(Bytes.of(iv)));
            ByteArrayOutputStream ciphertext = new ByteArrayOutputStream();
            ciphertext.writeBytes(first.data().orElseThrow().toByteArray());
            for (int from = 1; from < size - 1; from += 449_999) {
                ciphertext.writeBytes(part(acme, uid, first.correlationValue().orElseThrow(),
                        java.util.Arrays.copyOfRange(plaintext, from, Math.min(from + 449_999, size - 1)), false)
                        .data().orElseThrow().toByteArray());
            }
            Encrypt.Response last = part(acme, uid, first.correlationValue().orElseThrow(),
                    java.util.Arrays.copyOfRange(plaintext, size - 1, size), true);
            ciphertext.writeBytes(last.data().orElseThrow().toByteArray());
            Encrypt.Response oneShot = acme.client().call(new Encrypt.Request(Optional.of(uid), GCM, Optional.of(Bytes.of(plaintext)),
                    Optional.of(Bytes.of(iv)), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty()),
                    Encrypt.Response.class);
            assertThat(ciphertext.toByteArray()).isEqualTo(oneShot.data().orElseThrow().toByteArray());
            assertThat(last.tag()).isEqualTo(oneShot.tag());
        }
    }

    /** The low 32 bits of inc32(J0), the counter block of the first plaintext block, found with the JCE. */
    private static long firstCounterLow32(byte[] key, byte[] iv) throws Exception {
        var gcm = javax.crypto.Cipher.getInstance("AES/GCM/NoPadding");
        gcm.init(javax.crypto.Cipher.ENCRYPT_MODE, new javax.crypto.spec.SecretKeySpec(key, "AES"),
                new javax.crypto.spec.GCMParameterSpec(128, iv));
        byte[] stream = java.util.Arrays.copyOf(gcm.doFinal(new byte[16]), 16);
        var ecb = javax.crypto.Cipher.getInstance("AES/ECB/NoPadding");
        ecb.init(javax.crypto.Cipher.DECRYPT_MODE, new javax.crypto.spec.SecretKeySpec(key, "AES"));
        return Integer.toUnsignedLong(java.nio.ByteBuffer.wrap(ecb.doFinal(stream)).getInt(12));
    }

    @Test
    void anUnlinkBetweenPartsRefusesTheNextPartAndEndsTheOperation() {
        try (var fixture = new ServerFixture()) {
            KmipOperations acme = fixture.client("acme");
            String kek = KekOperationsTest.createKek(acme, "unlinked");
            Encrypt.Response first = init(acme, kek, new byte[100], Optional.empty());
            Bytes correlation = first.correlationValue().orElseThrow();
            fixture.engine.commands().execute(new dev.krypton.engine.TenantCommand.Unlink(ServerFixture.ACME));
            assertThatThrownBy(() -> part(acme, kek, correlation, new byte[1], false))
                    .isInstanceOfSatisfying(KmipException.class, e -> assertThat(e.reason()).isEqualTo(ResultReason.PERMISSION_DENIED));
            assertThatThrownBy(() -> part(acme, kek, correlation, new byte[1], true))
                    .isInstanceOfSatisfying(KmipException.class, e -> assertThat(e.reason()).isEqualTo(ResultReason.INVALID_FIELD));
        }
    }

    @Test
    void aPartBeyondTheSizeLimitEndsTheOperationWithInvalidField() {
        try (var fixture = new ServerFixture()) {
            KmipOperations acme = fixture.client("acme");
            String kek = KekOperationsTest.createKek(acme, "big");
            Encrypt.Response first = init(acme, kek, new byte[1 << 19], Optional.empty());
            Bytes correlation = first.correlationValue().orElseThrow();
            assertThatThrownBy(() -> part(acme, kek, correlation, new byte[(1 << 19) + 1], false))
                    .isInstanceOfSatisfying(KmipException.class, e -> {
                        assertThat(e.reason()).isEqualTo(ResultReason.INVALID_FIELD);
                        assertThat(e.getMessage()).contains("at most 1048576 bytes");
                    });
            assertThatThrownBy(() -> part(acme, kek, correlation, new byte[1], true))
                    .isInstanceOfSatisfying(KmipException.class, e -> assertThat(e.reason()).isEqualTo(ResultReason.INVALID_FIELD));
        }
    }

    /** {@code real}, counting the plaintext bytes given to its GCM and AES (CTR) encryptions. */
    static CryptoEngine counting(CryptoEngine real, AtomicLong processed) {
        return (CryptoEngine) Proxy.newProxyInstance(CryptoEngine.class.getClassLoader(), new Class<?>[] {CryptoEngine.class},
                (proxy, method, args) -> {
                    switch (method.getName()) {
                        case "gcmEncrypt" -> processed.addAndGet(((byte[]) args[3]).length);
                        case "aesEncrypt" -> processed.addAndGet(((byte[]) args[2]).length);
                        default -> {
                        }
                    }
                    try {
                        return method.invoke(real, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }
}
