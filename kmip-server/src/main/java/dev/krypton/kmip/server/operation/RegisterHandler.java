package dev.krypton.kmip.server.operation;

import dev.krypton.engine.ManagedObject;
import dev.krypton.engine.TenantId;
import dev.krypton.engine.ObjectTemplate;
import dev.krypton.kmip.CryptographicAlgorithm;
import dev.krypton.kmip.KeyFormatType;
import dev.krypton.kmip.KmipException;
import dev.krypton.kmip.Tag;
import dev.krypton.kmip.Ttlv;
import dev.krypton.kmip.TtlvEncoder;
import dev.krypton.kmip.attribute.Attribute;
import dev.krypton.kmip.attribute.AttributeDef;
import dev.krypton.kmip.Operation;
import dev.krypton.kmip.ResultReason;
import dev.krypton.kmip.attribute.Attributes;
import dev.krypton.kmip.message.ResponsePayload;
import dev.krypton.kmip.object.KeyBlock;
import dev.krypton.kmip.object.KeyValue;
import dev.krypton.kmip.payload.Register;
import java.util.Arrays;
import java.util.Optional;

/**
 * Register (KMIP 1.4 section 4.3, KMIP 2.1 section 6.1.43) of a Symmetric Key, Secret Data, Private
 * or Public Key, Certificate or Opaque Object given in plaintext (a wrapped key block is Feature Not
 * Supported). The material is stored wrapped under
 * the tenant's L2; the caller's copy is zeroed after the engine has taken it. Secret Data keeps
 * the Key Format Type it came in (Raw or Opaque), a Symmetric Key its Raw or Transparent Symmetric
 * Key format, so Get returns it the same way.
 */
final class RegisterHandler implements OperationHandler<Register.Request> {

    @Override
    public Operation operation() {
        return Operation.REGISTER;
    }

    @Override
    public Class<Register.Request> requestType() {
        return Register.Request.class;
    }

    @Override
    public ResponsePayload handle(RequestContext context, Register.Request request) {
        var object = request.object();
        KeyBlock block;
        dev.krypton.engine.ObjectType type;
        switch (object) {
            case dev.krypton.kmip.object.ManagedObject.SymmetricKey k -> {
                block = k.keyBlock();
                type = dev.krypton.engine.ObjectType.SYMMETRIC_KEY;
            }
            case dev.krypton.kmip.object.ManagedObject.SecretData s -> {
                block = s.keyBlock();
                type = dev.krypton.engine.ObjectType.SECRET_DATA;
            }
            case dev.krypton.kmip.object.ManagedObject.OtherObject o -> {
                return registerOther(context, request.attributes(), o);
            }
        }
        if (block.keyWrappingData().isPresent()) {
            throw new KmipException(ResultReason.FEATURE_NOT_SUPPORTED, "wrapped key blocks cannot be registered");
        }
        byte[] material = plainMaterial(block);
        try {
            Attributes attributes = request.attributes();
            TenantId tenant = Templates.tenant(context, Templates.groups(attributes), dev.krypton.engine.Operation.REGISTER);
            String algorithm = type == dev.krypton.engine.ObjectType.SYMMETRIC_KEY
                    ? block.cryptographicAlgorithm().map(a -> a.specName()).orElse("AES") : "";
            int length = type == dev.krypton.engine.ObjectType.SYMMETRIC_KEY
                    ? block.cryptographicLength().orElse(material.length * 8) : 0;
            var template = Templates.template(attributes, algorithm, length, context.clock().instant());
            if (type == dev.krypton.engine.ObjectType.SECRET_DATA
                    && block.keyFormatType() != KeyFormatType.RAW && block.keyFormatType() != KeyFormatType.OPAQUE) {
                throw new KmipException(ResultReason.KEY_FORMAT_TYPE_NOT_SUPPORTED, "Secret Data is Raw or Opaque");
            }
            if (type == dev.krypton.engine.ObjectType.SYMMETRIC_KEY
                    && block.keyFormatType() != KeyFormatType.RAW && block.keyFormatType() != KeyFormatType.TRANSPARENT_SYMMETRIC_KEY) {
                throw new KmipException(ResultReason.KEY_FORMAT_TYPE_NOT_SUPPORTED, "a Symmetric Key is Raw or Transparent Symmetric Key");
            }
            if (block.keyFormatType() != KeyFormatType.RAW || type == dev.krypton.engine.ObjectType.SECRET_DATA) {
                template = Templates.with(template, Attribute.of(AttributeDef.KEY_FORMAT_TYPE,
                        Ttlv.Enumeration.of(Tag.KEY_FORMAT_TYPE, block.keyFormatType())));
            }
            ManagedObject created = context.keys().register(context.principal(), tenant, type, material, template);
            Templates.deactivateIfDue(context, attributes, created.uid());
            return new Register.Response(context.remember(created.uid()), Attributes.empty());
        } finally {
            Arrays.fill(material, (byte) 0);
        }
    }

    /** The key bytes of a plain Raw or Opaque Key Value, or the Key of a Transparent Symmetric Key. */
    private static byte[] plainMaterial(KeyBlock block) {
        if (block.keyFormatType() == KeyFormatType.TRANSPARENT_SYMMETRIC_KEY && block.keyWrappingData().isEmpty()
                && block.keyValue() instanceof KeyValue.Structured s) {
            return s.keyValue().find(Tag.KEY_MATERIAL).filter(Ttlv.Structure.class::isInstance)
                    .flatMap(m -> ((Ttlv.Structure) m).find(Tag.KEY)).filter(Ttlv.ByteString.class::isInstance)
                    .map(k -> ((Ttlv.ByteString) k).value()).orElseThrow(() -> new KmipException(ResultReason.INVALID_FIELD,
                            "a Transparent Symmetric Key needs a Key byte string"));
        }
        return block.keyMaterial().orElseThrow(() -> new KmipException(ResultReason.INVALID_FIELD,
                "the key block holds no plain key material")).toByteArray();
    }

    /**
     * A Private Key, Public Key, Certificate or Opaque Object: kept as its TTLV encoding (wrapped
     * under L2 like any key, since a private key is secret) and returned as registered by Get.
     * Algorithm and length come from the attributes, else from the object's Key Block; a
     * certificate's type, length and subject and issuer names are read from the certificate.
     */
    private static ResponsePayload registerOther(RequestContext context, Attributes attributes,
                                                 dev.krypton.kmip.object.ManagedObject.OtherObject object) {
        dev.krypton.engine.ObjectType type = AttributeView.engineType(object.objectType()).orElseThrow(() ->
                new KmipException(ResultReason.FEATURE_NOT_SUPPORTED, "Register does not take " + object.objectType().specName()));
        Optional<Ttlv.Structure> block = object.toTtlv().find(Tag.KEY_BLOCK).filter(Ttlv.Structure.class::isInstance)
                .map(Ttlv.Structure.class::cast);
        if (block.flatMap(b -> b.find(Tag.KEY_WRAPPING_DATA)).isPresent()) {
            throw new KmipException(ResultReason.FEATURE_NOT_SUPPORTED, "wrapped key blocks cannot be registered");
        }
        String algorithm = block.flatMap(b -> b.find(Tag.CRYPTOGRAPHIC_ALGORITHM)).filter(Ttlv.Enumeration.class::isInstance)
                .flatMap(e -> CryptographicAlgorithm.FAMILY.byValue(((Ttlv.Enumeration) e).value()))
                .map(CryptographicAlgorithm::specName).orElse("");
        int length = block.flatMap(b -> b.find(Tag.CRYPTOGRAPHIC_LENGTH)).filter(Ttlv.IntegerItem.class::isInstance)
                .map(i -> ((Ttlv.IntegerItem) i).value()).orElse(0);
        TenantId tenant = Templates.tenant(context, Templates.groups(attributes), dev.krypton.engine.Operation.REGISTER);
        ObjectTemplate template = Templates.template(attributes, algorithm, length, context.clock().instant());
        Optional<Ttlv> format = block.flatMap(b -> b.find(Tag.KEY_FORMAT_TYPE));
        if (format.isPresent()) {
            template = Templates.with(template, Attribute.of(AttributeDef.KEY_FORMAT_TYPE, format.get()));
        }
        if (type == dev.krypton.engine.ObjectType.CERTIFICATE) {
            for (Attribute a : Certificates.attributes(object.toTtlv())) {
                template = Templates.with(template, a);
            }
        }
        byte[] encoded = TtlvEncoder.encode(object.toTtlv());
        try {
            ManagedObject created = context.keys().register(context.principal(), tenant, type, encoded, template);
            Templates.deactivateIfDue(context, attributes, created.uid());
            return new Register.Response(context.remember(created.uid()), Attributes.empty());
        } finally {
            Arrays.fill(encoded, (byte) 0);
        }
    }
}
