package dev.krypton.kmip.server.operation;

import dev.krypton.engine.ManagedObject;
import dev.krypton.engine.TenantId;
import dev.krypton.engine.ObjectTemplate;
import dev.krypton.kmip.KeyFormatType;
import dev.krypton.kmip.KmipException;
import dev.krypton.kmip.Tag;
import dev.krypton.kmip.Ttlv;
import dev.krypton.kmip.attribute.Attribute;
import dev.krypton.kmip.attribute.AttributeDef;
import dev.krypton.kmip.Operation;
import dev.krypton.kmip.ResultReason;
import dev.krypton.kmip.attribute.Attributes;
import dev.krypton.kmip.message.ResponsePayload;
import dev.krypton.kmip.object.KeyBlock;
import dev.krypton.kmip.payload.Register;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Register (KMIP 1.4 section 4.3, KMIP 2.1 section 6.1.43) of a Symmetric Key or Secret Data given
 * in plaintext (a wrapped key block is Feature Not Supported). The material is stored wrapped under
 * the tenant's L2; the caller's copy is zeroed after the engine has taken it. Secret Data keeps
 * the Key Format Type it came in (Raw or Opaque), so Get returns it the same way.
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
            case dev.krypton.kmip.object.ManagedObject.OtherObject o ->
                    throw new KmipException(ResultReason.FEATURE_NOT_SUPPORTED, "Register takes Symmetric Keys and Secret Data only");
        }
        if (block.keyWrappingData().isPresent()) {
            throw new KmipException(ResultReason.FEATURE_NOT_SUPPORTED, "wrapped key blocks cannot be registered");
        }
        byte[] material = block.keyMaterial().orElseThrow(() -> new KmipException(ResultReason.INVALID_FIELD,
                "the key block holds no plain key material")).toByteArray();
        try {
            Attributes attributes = request.attributes();
            TenantId tenant = Templates.tenant(context, Templates.groups(attributes), dev.krypton.engine.Operation.REGISTER);
            String algorithm = type == dev.krypton.engine.ObjectType.SYMMETRIC_KEY
                    ? block.cryptographicAlgorithm().map(a -> a.specName()).orElse("AES") : "";
            int length = type == dev.krypton.engine.ObjectType.SYMMETRIC_KEY
                    ? block.cryptographicLength().orElse(material.length * 8) : 0;
            var template = Templates.template(attributes, algorithm, length, context.clock().instant());
            if (type == dev.krypton.engine.ObjectType.SECRET_DATA) {
                if (block.keyFormatType() != KeyFormatType.RAW && block.keyFormatType() != KeyFormatType.OPAQUE) {
                    throw new KmipException(ResultReason.KEY_FORMAT_TYPE_NOT_SUPPORTED, "Secret Data is Raw or Opaque");
                }
                Map<String, List<String>> custom = new HashMap<>(template.custom());
                custom.put(AttributeDef.KEY_FORMAT_TYPE.specName(), List.of(StoredAttributes.encode(
                        Attribute.of(AttributeDef.KEY_FORMAT_TYPE, Ttlv.Enumeration.of(Tag.KEY_FORMAT_TYPE, block.keyFormatType())))));
                template = new ObjectTemplate(template.names(), template.algorithm(), template.lengthBits(), template.usage(),
                        template.sensitive(), template.extractable(), custom, template.activate());
            }
            ManagedObject created = context.keys().register(context.principal(), tenant, type, material, template);
            return new Register.Response(context.remember(created.uid()), Attributes.empty());
        } finally {
            Arrays.fill(material, (byte) 0);
        }
    }
}
