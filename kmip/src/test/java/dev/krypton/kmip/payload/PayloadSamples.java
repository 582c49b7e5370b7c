package dev.krypton.kmip.payload;

import dev.krypton.kmip.BlockCipherMode;
import dev.krypton.kmip.CryptographicAlgorithm;
import dev.krypton.kmip.KeyFormatType;
import dev.krypton.kmip.ObjectGroupMember;
import dev.krypton.kmip.ObjectType;
import dev.krypton.kmip.PaddingMethod;
import dev.krypton.kmip.QueryFunction;
import dev.krypton.kmip.RevocationReasonCode;
import dev.krypton.kmip.SecretDataType;
import dev.krypton.kmip.Tag;
import dev.krypton.kmip.Ttlv;
import dev.krypton.kmip.attribute.Attribute;
import dev.krypton.kmip.attribute.AttributeDef;
import dev.krypton.kmip.attribute.AttributeKey;
import dev.krypton.kmip.attribute.Attributes;
import dev.krypton.kmip.attribute.CryptographicParameters;
import dev.krypton.kmip.message.Bytes;
import dev.krypton.kmip.message.ProtocolVersion;
import dev.krypton.kmip.message.RequestPayload;
import dev.krypton.kmip.message.ResponsePayload;
import dev.krypton.kmip.object.KeyBlock;
import dev.krypton.kmip.object.ManagedObject;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;

/** One filled-in request and response per operation, valid in the given protocol version. */
final class PayloadSamples {
    private PayloadSamples() {
    }

    static Bytes bytes(int n, int seed) {
        byte[] b = new byte[n];
        for (int i = 0; i < n; i++) {
            b[i] = (byte) (seed + i);
        }
        return Bytes.wrap(b);
    }

    static Attributes keyAttributes() {
        return Attributes.of(Attribute.cryptographicAlgorithm(CryptographicAlgorithm.AES), Attribute.cryptographicLength(256),
                Attribute.cryptographicUsageMask(12), Attribute.name("tenant-1 kek"),
                Attribute.date(AttributeDef.ACTIVATION_DATE, Instant.ofEpochSecond(1_700_000_000L)),
                Attribute.custom("x", "ID", new Ttlv.TextString(Tag.ATTRIBUTE_VALUE, "CS-BC-M-1")));
    }

    static List<RequestPayload> requests(ProtocolVersion v) {
        var gcm = CryptographicParameters.aesGcm(16);
        var cbc = CryptographicParameters.of(CryptographicAlgorithm.AES, BlockCipherMode.CBC, PaddingMethod.PKCS5);
        var key = new ManagedObject.SymmetricKey(KeyBlock.raw(bytes(32, 1), CryptographicAlgorithm.AES, 256));
        var name = Attribute.name("n1");
        return List.of(
                new DiscoverVersions.Request(List.of(ProtocolVersion.V2_1, ProtocolVersion.V1_4)),
                new Query.Request(List.of(QueryFunction.QUERY_OPERATIONS, QueryFunction.QUERY_OBJECTS)),
                new Locate.Request(OptionalInt.of(10), OptionalInt.of(2), OptionalInt.of(1), Optional.of(ObjectGroupMember.GROUP_MEMBER_DEFAULT),
                        Attributes.of(Attribute.objectType(ObjectType.SYMMETRIC_KEY), name)),
                new Check.Request(Optional.of("k1"), OptionalLong.of(500), OptionalInt.of(4), OptionalLong.of(3600)),
                new Create.Request(ObjectType.SYMMETRIC_KEY, keyAttributes()),
                Register.Request.of(keyAttributes(), key),
                Register.Request.of(Attributes.of(Attribute.cryptographicUsageMask(4)),
                        new ManagedObject.SecretData(SecretDataType.PASSWORD, KeyBlock.opaque(bytes(9, 3)))),
                new Get.Request(Optional.of("k1"), Optional.of(KeyFormatType.RAW), Optional.empty(), Optional.empty(), Optional.empty()),
                new GetAttributes.Request(Optional.of("k1"), List.of(new AttributeKey.Standard(AttributeDef.STATE),
                        new AttributeKey.Vendor("x", "ID"))),
                new GetAttributeList.Request(Optional.of("k1")),
                new AddAttribute.Request(Optional.of("k1"), name),
                new ModifyAttribute.Request(Optional.of("k1"), v.isV2() ? Optional.of(name) : Optional.empty(),
                        v.isV2() ? Attribute.name("n2") : Attribute.name("n2").withIndex(0)),
                new DeleteAttribute.Request(Optional.of("k1"), name.key(), v.isV2() ? OptionalInt.empty() : OptionalInt.of(1),
                        v.isV2() ? Optional.of(name) : Optional.empty()),
                new SetAttribute.Request(Optional.of("k1"), Attribute.flag(AttributeDef.SENSITIVE, true)),
                Activate.Request.of("k1"),
                new Revoke.Request(Optional.of("k1"), new Revoke.Reason(RevocationReasonCode.KEY_COMPROMISE, Optional.of("lost")),
                        Optional.of(Instant.ofEpochSecond(1_600_000_000L))),
                Destroy.Request.of("k1"),
                new ReKey.Request(Optional.of("k1"), OptionalLong.of(60), Attributes.of(Attribute.cryptographicLength(256))),
                Encrypt.Request.of("k1", gcm, bytes(40, 5), Optional.of(bytes(12, 6)), Optional.of(bytes(20, 7))),
                new Encrypt.Request(Optional.of("k1"), Optional.of(cbc), Optional.of(bytes(16, 8)), Optional.empty(),
                        Optional.of(bytes(4, 9)), Optional.of(true), Optional.of(false), Optional.empty()),
                Decrypt.Request.of("k1", gcm, bytes(40, 5), Optional.of(bytes(12, 6)), Optional.of(bytes(20, 7)), Optional.of(bytes(16, 8))),
                new RngRetrieve.Request(32),
                new Interop.Request(dev.krypton.kmip.InteropFunction.BEGIN, "BL-M-1-21"),
                new Log.Request("Registered a symmetric key."));
    }

    static List<ResponsePayload> responses(ProtocolVersion v) {
        var key = new ManagedObject.SymmetricKey(KeyBlock.raw(bytes(16, 2), CryptographicAlgorithm.AES, 128));
        Attributes implicit = v.isV2() ? Attributes.empty() : Attributes.of(Attribute.uniqueIdentifier("k1"));
        Optional<Attribute> echoed = v.isV2() ? Optional.empty() : Optional.of(Attribute.name("n1").withIndex(0));
        return List.of(
                new DiscoverVersions.Response(List.of(ProtocolVersion.V1_4, ProtocolVersion.V1_2)),
                new Query.Response(List.of(dev.krypton.kmip.Operation.CREATE, dev.krypton.kmip.Operation.DECRYPT),
                        List.of(ObjectType.SYMMETRIC_KEY), Optional.of("Krypton"), Optional.empty(), List.of()),
                new Locate.Response(OptionalInt.of(2), List.of("k1", "k2")),
                new Check.Response("k1", OptionalLong.empty(), OptionalInt.of(4), OptionalLong.empty()),
                new Create.Response(ObjectType.SYMMETRIC_KEY, "k1", implicit),
                new Register.Response("k1", implicit),
                new Get.Response(ObjectType.SYMMETRIC_KEY, "k1", key),
                new GetAttributes.Response("k1", keyAttributes()),
                new GetAttributeList.Response("k1", List.of(new AttributeKey.Standard(AttributeDef.STATE),
                        new AttributeKey.Standard(AttributeDef.NAME))),
                new AddAttribute.Response("k1", echoed),
                new ModifyAttribute.Response("k1", echoed),
                new DeleteAttribute.Response("k1", echoed),
                new SetAttribute.Response("k1"),
                new Activate.Response("k1"),
                new Revoke.Response("k1"),
                new Destroy.Response("k1"),
                new ReKey.Response("k2", implicit),
                new Encrypt.Response("k1", Optional.of(bytes(40, 1)), Optional.of(bytes(12, 2)), Optional.empty(), Optional.of(bytes(16, 3))),
                new Decrypt.Response("k1", Optional.of(bytes(40, 1)), Optional.empty()),
                new RngRetrieve.Response(bytes(32, 4)),
                new Interop.Response(),
                new Log.Response());
    }
}
