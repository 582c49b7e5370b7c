package dev.krypton.kmip.server.operation;

import dev.krypton.engine.ManagedObject;
import dev.krypton.engine.TenantId;
import dev.krypton.kmip.CryptographicAlgorithm;
import dev.krypton.kmip.KmipException;
import dev.krypton.kmip.ObjectType;
import dev.krypton.kmip.Operation;
import dev.krypton.kmip.RNGAlgorithm;
import dev.krypton.kmip.ResultReason;
import dev.krypton.kmip.Tag;
import dev.krypton.kmip.Ttlv;
import dev.krypton.kmip.attribute.Attribute;
import dev.krypton.kmip.attribute.AttributeDef;
import dev.krypton.kmip.attribute.Attributes;
import dev.krypton.kmip.message.ResponsePayload;
import dev.krypton.kmip.payload.Create;
import java.util.List;

/**
 * Create (KMIP 1.4 section 4.1, KMIP 2.1 section 6.1.8) of a Symmetric Key. An Object Group
 * attribute {@code kek} asks for an L3 KEK: its one Name is the KEK name, the result is version 1
 * ({@code <tenant>:<name>:1}, ACTIVE, AES-256, never extractable). Otherwise a tenant key is made
 * from the attributes (PRE_ACTIVE unless the Activation Date is not in the future). The tenant is
 * chosen as {@link Templates#tenant} says. A tenant key records its Random Number Generator. The
 * new identifier becomes the ID Placeholder.
 */
final class CreateHandler implements OperationHandler<Create.Request> {

    /**
     * The generator of the key bytes: the kernel's CSPRNG ({@code getrandom(2)}, ChaCha20-based on
     * Linux), which has no KMIP RNG Algorithm of its own, so Unspecified.
     */
    static final Attribute RANDOM_NUMBER_GENERATOR = Attribute.of(AttributeDef.RANDOM_NUMBER_GENERATOR,
            new Ttlv.Structure(Tag.RANDOM_NUMBER_GENERATOR,
                    List.of(Ttlv.Enumeration.of(Tag.RNG_ALGORITHM, RNGAlgorithm.UNSPECIFIED))));

    @Override
    public Operation operation() {
        return Operation.CREATE;
    }

    @Override
    public Class<Create.Request> requestType() {
        return Create.Request.class;
    }

    @Override
    public ResponsePayload handle(RequestContext context, Create.Request request) {
        if (request.objectType() != ObjectType.SYMMETRIC_KEY) {
            throw new KmipException(ResultReason.INVALID_FIELD, "Create makes Symmetric Keys only");
        }
        Attributes attributes = request.attributes();
        List<String> groups = Templates.groups(attributes);
        TenantId tenant = Templates.tenant(context, groups, dev.krypton.engine.Operation.CREATE);
        ManagedObject created;
        if (groups.contains(AttributeView.KEK_GROUP)) {
            List<String> names = attributes.names();
            if (names.size() != 1) {
                throw new KmipException(ResultReason.INVALID_FIELD, "an L3 KEK needs exactly one Name");
            }
            if (attributes.cryptographicAlgorithm().filter(a -> a != CryptographicAlgorithm.AES).isPresent()
                    || attributes.cryptographicLength().orElse(256) != 256) {
                throw new KmipException(ResultReason.INVALID_FIELD, "L3 KEKs are AES-256");
            }
            created = context.keys().createKek(context.principal(), tenant, names.getFirst());
        } else {
            created = context.keys().create(context.principal(), tenant, Templates.with(
                    Templates.template(attributes, "AES", 256, context.clock().instant()), RANDOM_NUMBER_GENERATOR));
        }
        if (created.kind() == ManagedObject.Kind.TENANT_OBJECT) {
            Templates.deactivateIfDue(context, attributes, created.uid());
        }
        return new Create.Response(ObjectType.SYMMETRIC_KEY, context.remember(created.uid()), Attributes.empty());
    }
}
