package dev.krypton.kmip.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.krypton.kmip.BlockCipherMode;
import dev.krypton.kmip.CryptographicAlgorithm;
import dev.krypton.kmip.CryptographicUsageMask;
import dev.krypton.kmip.KmipException;
import dev.krypton.kmip.ObjectType;
import dev.krypton.kmip.Operation;
import dev.krypton.kmip.PaddingMethod;
import dev.krypton.kmip.QueryFunction;
import dev.krypton.kmip.ResultReason;
import dev.krypton.kmip.RevocationReasonCode;
import dev.krypton.kmip.State;
import dev.krypton.kmip.attribute.Attribute;
import dev.krypton.kmip.attribute.AttributeDef;
import dev.krypton.kmip.attribute.AttributeKey;
import dev.krypton.kmip.attribute.Attributes;
import dev.krypton.kmip.attribute.CryptographicParameters;
import dev.krypton.kmip.message.Bytes;
import dev.krypton.kmip.message.ProtocolVersion;
import dev.krypton.kmip.message.RequestMessage;
import dev.krypton.kmip.object.KeyBlock;
import dev.krypton.kmip.object.ManagedObject;
import dev.krypton.kmip.payload.Activate;
import dev.krypton.kmip.payload.GetAttributes;
import dev.krypton.kmip.payload.Query;
import dev.krypton.testsupport.PyKmipServer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The client against the real PyKMIP server (python3-pykmip), over TLS 1.2 with client certificates:
 * the key lifecycle a KMIP root-key provider needs.
 */
class PyKmipInteropTest {
    @TempDir
    static Path dir;
    static PyKmipServer server;
    static KmipClient client;
    static KmipOperations ops;

    @BeforeAll
    static void start() throws Exception {
        TestPki pki = TestPki.create(dir);
        server = PyKmipServer.start(pki.cert("server"), pki.key("server"), pki.caCert(), dir);
        client = KmipClient.open(ClientConfig.of("127.0.0.1", server.port(), pki.clientTls()).withVersion(ProtocolVersion.V1_2));
        ops = new KmipOperations(client);
    }

    @AfterAll
    static void stop() throws Exception {
        if (client != null) {
            client.close();
        }
        if (server != null) {
            server.close();
        }
    }

    @Test
    void discoversVersionsAndQueriesOperations() {
        assertThat(ops.discoverVersions(List.of())).contains(ProtocolVersion.V1_2, ProtocolVersion.V1_0);
        Query.Response query = ops.query(QueryFunction.QUERY_OPERATIONS, QueryFunction.QUERY_OBJECTS,
                QueryFunction.QUERY_SERVER_INFORMATION);
        assertThat(query.operations()).contains(Operation.CREATE, Operation.ENCRYPT, Operation.DECRYPT, Operation.LOCATE);
        assertThat(query.vendorIdentification()).hasValueSatisfying(v -> assertThat(v).startsWith("PyKMIP"));
    }

    @Test
    void createsActivatesEncryptsDecryptsLocatesAndDestroysAnAesKey() {
        String name = "krypton-" + UUID.randomUUID();
        String id = ops.create(ObjectType.SYMMETRIC_KEY, Attributes.of(
                Attribute.cryptographicAlgorithm(CryptographicAlgorithm.AES), Attribute.cryptographicLength(256),
                Attribute.cryptographicUsageMask(CryptographicUsageMask.ENCRYPT.value() | CryptographicUsageMask.DECRYPT.value()),
                Attribute.name(name))).uniqueIdentifier();

        Attributes attrs = ops.getAttributes(id, List.of(std(AttributeDef.CRYPTOGRAPHIC_ALGORITHM),
                std(AttributeDef.CRYPTOGRAPHIC_LENGTH), std(AttributeDef.STATE)));
        assertThat(attrs.cryptographicAlgorithm()).contains(CryptographicAlgorithm.AES);
        assertThat(attrs.cryptographicLength()).hasValue(256);
        assertThat(attrs.state()).contains(State.PRE_ACTIVE);

        assertThat(ops.activate(id)).isEqualTo(id);
        assertThat(ops.getAttributes(id, List.of(std(AttributeDef.STATE))).state()).contains(State.ACTIVE);

        var cbc = CryptographicParameters.of(CryptographicAlgorithm.AES, BlockCipherMode.CBC, PaddingMethod.PKCS5);
        Bytes iv = Bytes.of(new byte[16]);
        Bytes plaintext = Bytes.of("wrapped data key material".getBytes(StandardCharsets.UTF_8));
        Bytes ciphertext = ops.encrypt(id, cbc, plaintext, Optional.of(iv), Optional.empty()).data().orElseThrow();
        assertThat(ciphertext.length()).isEqualTo(32);
        assertThat(ciphertext).isNotEqualTo(plaintext);
        assertThat(ops.decrypt(id, cbc, ciphertext, Optional.of(iv), Optional.empty(), Optional.empty())).isEqualTo(plaintext);

        assertThat(ops.locate(Attributes.of(Attribute.name(name)))).containsExactly(id);

        ops.revoke(id, RevocationReasonCode.CESSATION_OF_OPERATION);
        assertThat(ops.destroy(id)).isEqualTo(id);
        assertThatThrownBy(() -> ops.get(id)).isInstanceOf(KmipException.class)
                .satisfies(e -> assertThat(((KmipException) e).reason()).isEqualTo(ResultReason.ITEM_NOT_FOUND));
    }

    @Test
    void pipelinedMessagesAreAnsweredInOrderOnOneConnection() {
        String a = ops.create(ObjectType.SYMMETRIC_KEY, aes128()).uniqueIdentifier();
        String b = ops.create(ObjectType.SYMMETRIC_KEY, aes128()).uniqueIdentifier();
        var responses = client.pipeline(List.of(
                RequestMessage.of(ProtocolVersion.V1_2, Activate.Request.of(a)),
                RequestMessage.of(ProtocolVersion.V1_2, new GetAttributes.Request(Optional.of(b), List.of(std(AttributeDef.STATE)))),
                RequestMessage.of(ProtocolVersion.V1_2, Activate.Request.of(b))));
        assertThat(KmipClient.payloadOf(responses.get(0).batchItems().getFirst(), Activate.Response.class).uniqueIdentifier()).isEqualTo(a);
        assertThat(KmipClient.payloadOf(responses.get(1).batchItems().getFirst(), GetAttributes.Response.class)
                .attributes().state()).contains(State.PRE_ACTIVE);
        assertThat(KmipClient.payloadOf(responses.get(2).batchItems().getFirst(), Activate.Response.class).uniqueIdentifier()).isEqualTo(b);
        assertThat(client.idleConnections()).isPositive();
    }

    @Test
    void aesGcmWithKmip14AeadFieldsEncryptsAndVerifiesTheTag() {
        try (var client14 = KmipClient.open(client.config().withVersion(ProtocolVersion.V1_4))) {
            var ops14 = new KmipOperations(client14);
            String id = ops14.create(ObjectType.SYMMETRIC_KEY, aes128()).uniqueIdentifier();
            ops14.activate(id);
            var gcm = CryptographicParameters.aesGcm(16);
            Bytes iv = Bytes.of(new byte[12]);
            Bytes aad = Bytes.of("tenant-1".getBytes(StandardCharsets.UTF_8));
            Bytes plaintext = Bytes.of(new byte[32]);
            var sealed = ops14.encrypt(id, gcm, plaintext, Optional.of(iv), Optional.of(aad));
            Bytes tag = sealed.tag().orElseThrow();
            assertThat(tag.length()).isEqualTo(16);
            Bytes ciphertext = sealed.data().orElseThrow();
            assertThat(ops14.decrypt(id, gcm, ciphertext, Optional.of(iv), Optional.of(aad), Optional.of(tag))).isEqualTo(plaintext);
            byte[] badTag = tag.toByteArray();
            badTag[0] ^= 1;
            assertThatThrownBy(() -> ops14.decrypt(id, gcm, ciphertext, Optional.of(iv), Optional.of(aad), Optional.of(Bytes.of(badTag))))
                    .isInstanceOf(KmipException.class);
        }
    }

    @Test
    void registeredKeyComesBackFromGetWithItsMaterial() {
        byte[] material = new byte[16];
        new java.security.SecureRandom().nextBytes(material);
        var key = new ManagedObject.SymmetricKey(KeyBlock.raw(Bytes.of(material), CryptographicAlgorithm.AES, 128));
        String id = ops.register(Attributes.of(Attribute.cryptographicUsageMask(
                CryptographicUsageMask.ENCRYPT.value() | CryptographicUsageMask.DECRYPT.value())), key).uniqueIdentifier();
        var got = ops.get(id);
        assertThat(got.objectType()).isEqualTo(ObjectType.SYMMETRIC_KEY);
        assertThat(((ManagedObject.SymmetricKey) got.object()).keyBlock().keyMaterial()).contains(Bytes.of(material));
        assertThat(ops.getAttributeList(id)).contains(std(AttributeDef.CRYPTOGRAPHIC_ALGORITHM), std(AttributeDef.STATE));
    }

    @Test
    void serverFailureCarriesItsResultReason() {
        assertThatThrownBy(() -> ops.activate("no-such-object")).isInstanceOf(KmipException.class)
                .satisfies(e -> assertThat(((KmipException) e).reason()).isNotEqualTo(ResultReason.GENERAL_FAILURE));
    }

    private static Attributes aes128() {
        return Attributes.of(Attribute.cryptographicAlgorithm(CryptographicAlgorithm.AES), Attribute.cryptographicLength(128),
                Attribute.cryptographicUsageMask(CryptographicUsageMask.ENCRYPT.value() | CryptographicUsageMask.DECRYPT.value()));
    }

    private static AttributeKey std(AttributeDef def) {
        return new AttributeKey.Standard(def);
    }
}
