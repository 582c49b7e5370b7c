package dev.krypton.kmip.message;

import static org.assertj.core.api.Assertions.assertThat;

import dev.krypton.kmip.BlockCipherMode;
import dev.krypton.kmip.CryptographicAlgorithm;
import dev.krypton.kmip.HashingAlgorithm;
import dev.krypton.kmip.KeyFormatType;
import dev.krypton.kmip.ObjectType;
import dev.krypton.kmip.Operation;
import dev.krypton.kmip.State;
import dev.krypton.kmip.Tag;
import dev.krypton.kmip.Ttlv;
import dev.krypton.kmip.Ttlv.Structure;
import dev.krypton.kmip.TtlvDecoder;
import dev.krypton.kmip.TtlvEncoder;
import dev.krypton.kmip.attribute.AttributeDef;
import dev.krypton.kmip.attribute.AttributeKey;
import dev.krypton.kmip.object.ManagedObject;
import dev.krypton.kmip.payload.Decrypt;
import dev.krypton.kmip.payload.Encrypt;
import dev.krypton.kmip.payload.GetAttributes;
import dev.krypton.kmip.payload.Register;
import dev.krypton.kmip.payload.StandardPayloads;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/**
 * Messages of the OASIS KMIP profile test cases (as published by OASIS, transcribed by hand
 * from their XML into TTLV trees) read into typed messages and write back to the same tree.
 */
class OasisCasesTest {
    private final MessageCodec codec = StandardPayloads.messageCodec();

    @Test
    void csBcMGcm1v14RegisterWithTemplateAttributeAndCustomAttribute() {
        Structure tree = request(1, 4, Operation.REGISTER, Structure.of(Tag.REQUEST_PAYLOAD,
                en(Tag.OBJECT_TYPE, ObjectType.SYMMETRIC_KEY.value()),
                Structure.of(Tag.TEMPLATE_ATTRIBUTE,
                        v1("Cryptographic Usage Mask", new Ttlv.IntegerItem(Tag.ATTRIBUTE_VALUE, 12)),
                        v1("x-ID", text(Tag.ATTRIBUTE_VALUE, "CS-BC-M-GCM-1-14")),
                        v1("Activation Date", new Ttlv.DateTime(Tag.ATTRIBUTE_VALUE, 1_700_000_000L))),
                Structure.of(Tag.SYMMETRIC_KEY, Structure.of(Tag.KEY_BLOCK, en(Tag.KEY_FORMAT_TYPE, KeyFormatType.RAW.value()),
                        Structure.of(Tag.KEY_VALUE, bytes(Tag.KEY_MATERIAL, "00000000000000000000000000000000")),
                        en(Tag.CRYPTOGRAPHIC_ALGORITHM, CryptographicAlgorithm.AES.value()),
                        new Ttlv.IntegerItem(Tag.CRYPTOGRAPHIC_LENGTH, 128)))));
        RequestMessage message = roundTrip(tree);
        var register = (Register.Request) message.batchItems().getFirst().payload();
        assertThat(message.version()).isEqualTo(ProtocolVersion.V1_4);
        assertThat(register.attributes().cryptographicUsageMask()).hasValue(12);
        assertThat(register.attributes().custom("x", "ID")).contains(text(Tag.ATTRIBUTE_VALUE, "CS-BC-M-GCM-1-14"));
        var key = (ManagedObject.SymmetricKey) register.object();
        assertThat(key.keyBlock().keyMaterial().orElseThrow().length()).isEqualTo(16);
        assertThat(key.keyBlock().cryptographicLength()).hasValue(128);
    }

    @Test
    void csBcMGcm1v14EncryptAndDecryptWithAeadFields() {
        Structure params = Structure.of(Tag.CRYPTOGRAPHIC_PARAMETERS, en(Tag.BLOCK_CIPHER_MODE, BlockCipherMode.GCM.value()),
                new Ttlv.IntegerItem(Tag.TAG_LENGTH, 16));
        var encrypt = (Encrypt.Request) roundTrip(request(1, 4, Operation.ENCRYPT, Structure.of(Tag.REQUEST_PAYLOAD,
                text(Tag.UNIQUE_IDENTIFIER, "uid-0"), params, bytes(Tag.DATA, "00000000000000000000000000000000"),
                bytes(Tag.IV_COUNTER_NONCE, "000000000000000000000000")))).batchItems().getFirst().payload();
        assertThat(encrypt.parameters().orElseThrow().blockCipherMode()).contains(BlockCipherMode.GCM);
        assertThat(encrypt.parameters().orElseThrow().tagLength()).hasValue(16);
        var decrypt = (Decrypt.Request) roundTrip(request(1, 4, Operation.DECRYPT, Structure.of(Tag.REQUEST_PAYLOAD,
                text(Tag.UNIQUE_IDENTIFIER, "uid-0"), params, bytes(Tag.DATA, "0388dace60b6a392f328c2b971b2fe78"),
                bytes(Tag.IV_COUNTER_NONCE, "000000000000000000000000"),
                bytes(Tag.AUTHENTICATED_ENCRYPTION_TAG, "ab6e47d42cec13bdf53a67b21257bddf")))).batchItems().getFirst().payload();
        assertThat(decrypt.tag().orElseThrow().toHex()).isEqualTo("ab6e47d42cec13bdf53a67b21257bddf");
        assertThat(decrypt.ivCounterNonce().orElseThrow().length()).isEqualTo(12);
    }

    @Test
    void sklcM1v21GetAttributesByReferenceAndTheAttributesAnswer() {
        var get = (GetAttributes.Request) roundTrip(request(2, 1, Operation.GET_ATTRIBUTES, Structure.of(Tag.REQUEST_PAYLOAD,
                text(Tag.UNIQUE_IDENTIFIER, "uid-0"), en(Tag.ATTRIBUTE_REFERENCE, Tag.STATE.value()),
                en(Tag.ATTRIBUTE_REFERENCE, Tag.CRYPTOGRAPHIC_USAGE_MASK.value()), en(Tag.ATTRIBUTE_REFERENCE, Tag.DIGEST.value()))))
                .batchItems().getFirst().payload();
        assertThat(get.attributes()).containsExactly(new AttributeKey.Standard(AttributeDef.STATE),
                new AttributeKey.Standard(AttributeDef.CRYPTOGRAPHIC_USAGE_MASK), new AttributeKey.Standard(AttributeDef.DIGEST));

        Structure response = Structure.of(Tag.RESPONSE_MESSAGE, Structure.of(Tag.RESPONSE_HEADER, version(2, 1),
                        new Ttlv.DateTime(Tag.TIME_STAMP, 1_700_000_000L), new Ttlv.IntegerItem(Tag.BATCH_COUNT, 1)),
                Structure.of(Tag.BATCH_ITEM, en(Tag.OPERATION, Operation.GET_ATTRIBUTES.value()), en(Tag.RESULT_STATUS, 0),
                        Structure.of(Tag.RESPONSE_PAYLOAD, text(Tag.UNIQUE_IDENTIFIER, "uid-0"), Structure.of(Tag.ATTRIBUTES,
                                en(Tag.STATE, State.PRE_ACTIVE.value()), new Ttlv.IntegerItem(Tag.CRYPTOGRAPHIC_USAGE_MASK, 12),
                                en(Tag.OBJECT_TYPE, ObjectType.SYMMETRIC_KEY.value()),
                                Structure.of(Tag.DIGEST, en(Tag.HASHING_ALGORITHM, HashingAlgorithm.SHA_256.value()),
                                        bytes(Tag.DIGEST_VALUE, "bc12861408b8ac72cdb3b2748ad342b7dc519bd109046a1b931fdaed73591f29"),
                                        en(Tag.KEY_FORMAT_TYPE, KeyFormatType.RAW.value())),
                                new Ttlv.DateTime(Tag.INITIAL_DATE, 1_700_000_000L)))));
        Structure decoded = (Structure) TtlvDecoder.decode(TtlvEncoder.encode(response));
        ResponseMessage read = codec.readResponse(decoded);
        assertThat(codec.write(read)).isEqualTo(response);
        var attrs = ((GetAttributes.Response) read.batchItems().getFirst().payload().orElseThrow()).attributes();
        assertThat(attrs.state()).contains(State.PRE_ACTIVE);
        assertThat(attrs.objectType()).contains(ObjectType.SYMMETRIC_KEY);
        assertThat(attrs.first(AttributeDef.DIGEST)).isPresent();
    }

    @Test
    void csBcM10v21RegisterWithVendorAttributeInAttributes() {
        Structure tree = request(2, 1, Operation.REGISTER, Structure.of(Tag.REQUEST_PAYLOAD,
                en(Tag.OBJECT_TYPE, ObjectType.SYMMETRIC_KEY.value()),
                Structure.of(Tag.ATTRIBUTES, new Ttlv.IntegerItem(Tag.CRYPTOGRAPHIC_USAGE_MASK, 12),
                        Structure.of(Tag.ATTRIBUTE, text(Tag.VENDOR_IDENTIFICATION, "x"), text(Tag.ATTRIBUTE_NAME, "ID"),
                                text(Tag.ATTRIBUTE_VALUE, "CS-BC-M-10-21"))),
                Structure.of(Tag.SYMMETRIC_KEY, Structure.of(Tag.KEY_BLOCK, en(Tag.KEY_FORMAT_TYPE, KeyFormatType.RAW.value()),
                        Structure.of(Tag.KEY_VALUE, bytes(Tag.KEY_MATERIAL, "000102030405060708090a0b0c0d0e0f")),
                        en(Tag.CRYPTOGRAPHIC_ALGORITHM, CryptographicAlgorithm.AES.value()),
                        new Ttlv.IntegerItem(Tag.CRYPTOGRAPHIC_LENGTH, 128)))));
        var register = (Register.Request) roundTrip(tree).batchItems().getFirst().payload();
        assertThat(register.attributes().custom("x", "ID")).contains(text(Tag.ATTRIBUTE_VALUE, "CS-BC-M-10-21"));
        var asV14 = codec.write(new RequestMessage(RequestHeader.of(ProtocolVersion.V1_4), java.util.List.of(RequestBatchItem.of(register))));
        assertThat(asV14.toString()).doesNotContain("000102");
        assertThat(codec.readRequest(asV14).batchItems().getFirst().payload()).isEqualTo(register);
    }

    private RequestMessage roundTrip(Structure tree) {
        Structure decoded = (Structure) TtlvDecoder.decode(TtlvEncoder.encode(tree));
        RequestMessage message = codec.readRequest(decoded);
        assertThat(codec.write(message)).isEqualTo(tree);
        return message;
    }

    static Structure request(int major, int minor, Operation op, Structure payload) {
        return Structure.of(Tag.REQUEST_MESSAGE, Structure.of(Tag.REQUEST_HEADER, version(major, minor),
                new Ttlv.IntegerItem(Tag.BATCH_COUNT, 1)), Structure.of(Tag.BATCH_ITEM, en(Tag.OPERATION, op.value()), payload));
    }

    static Structure version(int major, int minor) {
        return Structure.of(Tag.PROTOCOL_VERSION, new Ttlv.IntegerItem(Tag.PROTOCOL_VERSION_MAJOR, major),
                new Ttlv.IntegerItem(Tag.PROTOCOL_VERSION_MINOR, minor));
    }

    static Structure v1(String name, Ttlv value) {
        return Structure.of(Tag.ATTRIBUTE, text(Tag.ATTRIBUTE_NAME, name), value);
    }

    static Ttlv.Enumeration en(Tag tag, int value) {
        return new Ttlv.Enumeration(tag, value);
    }

    static Ttlv.TextString text(Tag tag, String value) {
        return new Ttlv.TextString(tag, value);
    }

    static Ttlv.ByteString bytes(Tag tag, String hex) {
        return new Ttlv.ByteString(tag, HexFormat.of().parseHex(hex));
    }
}
