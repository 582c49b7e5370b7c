package dev.krypton.kmip.server.operation;

import dev.krypton.engine.KeyMaterial;
import dev.krypton.engine.ManagedObject;
import dev.krypton.kmip.CryptographicAlgorithm;
import dev.krypton.kmip.KeyFormatType;
import dev.krypton.kmip.KmipException;
import dev.krypton.kmip.Operation;
import dev.krypton.kmip.ResultReason;
import dev.krypton.kmip.SecretDataType;
import dev.krypton.kmip.message.Bytes;
import dev.krypton.kmip.message.ResponsePayload;
import dev.krypton.kmip.object.KeyBlock;
import dev.krypton.kmip.object.KeyValue;
import dev.krypton.kmip.payload.Get;
import java.util.Arrays;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Get (KMIP 1.4 section 4.11, KMIP 2.1 section 6.1.19) of a tenant object's key material, in Raw
 * format (Symmetric Key) or Opaque format (Secret Data, typed Password). The engine refuses L3
 * KEKs always and Sensitive or non-Extractable objects (Permission Denied). Other key formats and
 * server-side wrapping are not supported.
 */
final class GetHandler implements OperationHandler<Get.Request> {

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
        ManagedObject object = context.keys().attributes(context.principal(), uid);
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
            dev.krypton.kmip.object.ManagedObject out = symmetric
                    ? new dev.krypton.kmip.object.ManagedObject.SymmetricKey(KeyBlock.raw(value,
                            AttributeView.algorithm(object.attributes().algorithm()).orElse(CryptographicAlgorithm.AES),
                            object.attributes().lengthBits()))
                    : new dev.krypton.kmip.object.ManagedObject.SecretData(SecretDataType.PASSWORD,
                            new KeyBlock(format, Optional.empty(), KeyValue.Plain.of(value), Optional.empty(),
                                    OptionalInt.empty(), Optional.empty()));
            return new Get.Response(AttributeView.objectType(object.attributes().type()), uid, out);
        } finally {
            Arrays.fill(bytes, (byte) 0);
            material.wipe();
        }
    }
}
