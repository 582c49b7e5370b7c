package dev.krypton.kmip.server.operation;

import dev.krypton.engine.KeyMaterial;
import dev.krypton.engine.ManagedObject;
import dev.krypton.kmip.CryptographicAlgorithm;
import dev.krypton.kmip.DecodeLimits;
import dev.krypton.kmip.KeyFormatType;
import dev.krypton.kmip.KmipException;
import dev.krypton.kmip.ObjectType;
import dev.krypton.kmip.Operation;
import dev.krypton.kmip.ResultReason;
import dev.krypton.kmip.SecretDataType;
import dev.krypton.kmip.Tag;
import dev.krypton.kmip.Ttlv;
import dev.krypton.kmip.TtlvDecoder;
import dev.krypton.kmip.message.Bytes;
import dev.krypton.kmip.message.ResponsePayload;
import dev.krypton.kmip.object.KeyBlock;
import dev.krypton.kmip.object.KeyValue;
import dev.krypton.kmip.payload.Get;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Get (KMIP 1.4 section 4.11, KMIP 2.1 section 6.1.19) of a tenant object's key material, in Raw
 * format (Symmetric Key), in the Raw or Opaque format it was registered in (Secret Data, typed
 * Password), or exactly as registered (Private and Public Keys, Certificates, Opaque Objects). The
 * engine refuses L3 KEKs always (Permission Denied); a Sensitive object is Sensitive, a
 * non-Extractable one Not Extractable (KMIP 1.4 section 11.11, KMIP 2.1 section 6.1.19). Other
 * key formats and server-side wrapping are not supported.
 */
final class GetHandler implements OperationHandler<Get.Request> {

    private static final java.util.Set<dev.krypton.engine.ObjectType> KEPT_AS_VALUE =
            java.util.EnumSet.of(dev.krypton.engine.ObjectType.SYMMETRIC_KEY, dev.krypton.engine.ObjectType.SECRET_DATA);

    @Override
    public Operation operation() {
        return Operation.GET;
    }

    @Override
    public Class<Get.Request> requestType() {
        return Get.Request.class;
    }

    @Override
    public ResponsePayload handle(RequestContext context, Get.Request request) {
        String uid = context.uid(request.uniqueIdentifier());
        if (request.keyWrappingSpecification().isPresent()) {
            throw new KmipException(ResultReason.FEATURE_NOT_SUPPORTED, "Get with a Key Wrapping Specification is not supported");
        }
        ManagedObject object = context.keys().attributes(context.principal(), uid,
                dev.krypton.engine.Operation.GET, operation().name());
        if (object.attributes().state() == dev.krypton.engine.ObjectState.DESTROYED) {
            throw new KmipException(ResultReason.OBJECT_DESTROYED, "the object is destroyed");
        }
        if (object.kind() == ManagedObject.Kind.TENANT_OBJECT && object.attributes().sensitive()) {
            throw new KmipException(ResultReason.SENSITIVE, "the object is Sensitive");
        }
        if (object.kind() == ManagedObject.Kind.TENANT_OBJECT && !object.attributes().extractable()) {
            throw new KmipException(ResultReason.NOT_EXTRACTABLE, "the object is not Extractable");
        }
        if (!KEPT_AS_VALUE.contains(object.attributes().type())) {
            return other(context, uid, object, request);
        }
        boolean symmetric = object.attributes().type() == dev.krypton.engine.ObjectType.SYMMETRIC_KEY;
        KeyFormatType format = AttributeView.keyFormat(object.attributes());
        if (request.keyFormatType().filter(f -> f != format).isPresent()) {
            throw new KmipException(ResultReason.KEY_FORMAT_TYPE_NOT_SUPPORTED, "this object is available in "
                    + format.specName() + " format only");
        }
        KeyMaterial material = context.keys().material(context.principal(), uid);
        byte[] bytes = material.copy();
        try {
            Bytes value = Bytes.of(bytes);
            CryptographicAlgorithm algorithm = AttributeView.algorithm(object.attributes().algorithm())
                    .orElse(CryptographicAlgorithm.AES);
            dev.krypton.kmip.object.ManagedObject out = symmetric
                    ? new dev.krypton.kmip.object.ManagedObject.SymmetricKey(format == KeyFormatType.RAW
                            ? KeyBlock.raw(value, algorithm, object.attributes().lengthBits())
                            : new KeyBlock(format, Optional.empty(), new KeyValue.Structured(new Ttlv.Structure(Tag.KEY_VALUE,
                                    List.of(new Ttlv.Structure(Tag.KEY_MATERIAL, List.of(new Ttlv.ByteString(Tag.KEY, bytes)))))),
                                    Optional.of(algorithm), OptionalInt.of(object.attributes().lengthBits()), Optional.empty()))
                    : new dev.krypton.kmip.object.ManagedObject.SecretData(SecretDataType.PASSWORD,
                            new KeyBlock(format, Optional.empty(), KeyValue.Plain.of(value), Optional.empty(),
                                    OptionalInt.empty(), Optional.empty()));
            return new Get.Response(AttributeView.objectType(object.attributes().type()), uid, out);
        } finally {
            Arrays.fill(bytes, (byte) 0);
            material.wipe();
        }
    }

    /** A registered Private or Public Key, Certificate or Opaque Object, as it was registered. */
    private static ResponsePayload other(RequestContext context, String uid, ManagedObject object, Get.Request request) {
        KeyMaterial material = context.keys().material(context.principal(), uid);
        byte[] bytes = material.copy();
        try {
            Ttlv.Structure structure = (Ttlv.Structure) TtlvDecoder.decode(bytes, 0, bytes.length, DecodeLimits.DEFAULT);
            Optional<KeyFormatType> format = structure.find(Tag.KEY_BLOCK).filter(Ttlv.Structure.class::isInstance)
                    .flatMap(b -> ((Ttlv.Structure) b).find(Tag.KEY_FORMAT_TYPE))
                    .flatMap(f -> KeyFormatType.FAMILY.byValue(((Ttlv.Enumeration) f).value()));
            if (request.keyFormatType().isPresent() && !request.keyFormatType().equals(format)) {
                throw new KmipException(ResultReason.KEY_FORMAT_TYPE_NOT_SUPPORTED,
                        "this object is available in the format it was registered in only");
            }
            ObjectType type = AttributeView.objectType(object.attributes().type());
            return new Get.Response(type, uid, new dev.krypton.kmip.object.ManagedObject.OtherObject(type, structure));
        } finally {
            Arrays.fill(bytes, (byte) 0);
            material.wipe();
        }
    }
}
