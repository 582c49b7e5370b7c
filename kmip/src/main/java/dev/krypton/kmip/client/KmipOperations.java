package dev.krypton.kmip.client;

import dev.krypton.kmip.ObjectType;
import dev.krypton.kmip.QueryFunction;
import dev.krypton.kmip.RevocationReasonCode;
import dev.krypton.kmip.attribute.Attribute;
import dev.krypton.kmip.attribute.AttributeKey;
import dev.krypton.kmip.attribute.Attributes;
import dev.krypton.kmip.attribute.CryptographicParameters;
import dev.krypton.kmip.message.Bytes;
import dev.krypton.kmip.message.ProtocolVersion;
import dev.krypton.kmip.object.ManagedObject;
import dev.krypton.kmip.payload.Activate;
import dev.krypton.kmip.payload.AddAttribute;
import dev.krypton.kmip.payload.Check;
import dev.krypton.kmip.payload.Create;
import dev.krypton.kmip.payload.Decrypt;
import dev.krypton.kmip.payload.DeleteAttribute;
import dev.krypton.kmip.payload.Destroy;
import dev.krypton.kmip.payload.DiscoverVersions;
import dev.krypton.kmip.payload.Encrypt;
import dev.krypton.kmip.payload.Get;
import dev.krypton.kmip.payload.GetAttributeList;
import dev.krypton.kmip.payload.GetAttributes;
import dev.krypton.kmip.payload.Locate;
import dev.krypton.kmip.payload.ModifyAttribute;
import dev.krypton.kmip.payload.Query;
import dev.krypton.kmip.payload.ReKey;
import dev.krypton.kmip.payload.Register;
import dev.krypton.kmip.payload.Revoke;
import dev.krypton.kmip.payload.RngRetrieve;
import dev.krypton.kmip.payload.SetAttribute;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;

/**
 * One method per KMIP operation over a {@link KmipClient}; each sends a one-item request in the
 * client's protocol version and returns the typed response or throws
 * {@link dev.krypton.kmip.KmipException} with the server's Result Reason.
 */
public record KmipOperations(KmipClient client) {

    public List<ProtocolVersion> discoverVersions(List<ProtocolVersion> offered) {
        return client.call(new DiscoverVersions.Request(offered), DiscoverVersions.Response.class).versions();
    }

    public Query.Response query(QueryFunction... functions) {
        return client.call(new Query.Request(List.of(functions)), Query.Response.class);
    }

    public Create.Response create(ObjectType type, Attributes attributes) {
        return client.call(new Create.Request(type, attributes), Create.Response.class);
    }

    public Register.Response register(Attributes attributes, ManagedObject object) {
        return client.call(Register.Request.of(attributes, object), Register.Response.class);
    }

    public Get.Response get(String id) {
        return client.call(Get.Request.of(id), Get.Response.class);
    }

    public Attributes getAttributes(String id, List<AttributeKey> which) {
        return client.call(new GetAttributes.Request(Optional.of(id), which), GetAttributes.Response.class).attributes();
    }

    public List<AttributeKey> getAttributeList(String id) {
        return client.call(new GetAttributeList.Request(Optional.of(id)), GetAttributeList.Response.class).attributes();
    }

    public AddAttribute.Response addAttribute(String id, Attribute attribute) {
        return client.call(new AddAttribute.Request(Optional.of(id), attribute), AddAttribute.Response.class);
    }

    public ModifyAttribute.Response modifyAttribute(String id, Optional<Attribute> current, Attribute newValue) {
        return client.call(new ModifyAttribute.Request(Optional.of(id), current, newValue), ModifyAttribute.Response.class);
    }

    public DeleteAttribute.Response deleteAttribute(String id, AttributeKey attribute, OptionalInt index) {
        return client.call(new DeleteAttribute.Request(Optional.of(id), attribute, index, Optional.empty()),
                DeleteAttribute.Response.class);
    }

    public String setAttribute(String id, Attribute attribute) {
        return client.call(new SetAttribute.Request(Optional.of(id), attribute), SetAttribute.Response.class).uniqueIdentifier();
    }

    public String activate(String id) {
        return client.call(Activate.Request.of(id), Activate.Response.class).uniqueIdentifier();
    }

    public String revoke(String id, RevocationReasonCode code) {
        return client.call(new Revoke.Request(Optional.of(id), new Revoke.Reason(code, Optional.empty()), Optional.empty()),
                Revoke.Response.class).uniqueIdentifier();
    }

    public String destroy(String id) {
        return client.call(Destroy.Request.of(id), Destroy.Response.class).uniqueIdentifier();
    }

    public String reKey(String id) {
        return client.call(ReKey.Request.of(id), ReKey.Response.class).uniqueIdentifier();
    }

    public List<String> locate(Attributes matching) {
        return client.call(Locate.Request.matching(matching), Locate.Response.class).uniqueIdentifiers();
    }

    public Check.Response check(String id, OptionalInt usageMask) {
        return client.call(new Check.Request(Optional.of(id), OptionalLong.empty(), usageMask, OptionalLong.empty()),
                Check.Response.class);
    }

    public Encrypt.Response encrypt(String id, CryptographicParameters parameters, Bytes plaintext, Optional<Bytes> iv,
                                    Optional<Bytes> additionalData) {
        return client.call(Encrypt.Request.of(id, parameters, plaintext, iv, additionalData), Encrypt.Response.class);
    }

    public Bytes decrypt(String id, CryptographicParameters parameters, Bytes ciphertext, Optional<Bytes> iv,
                         Optional<Bytes> additionalData, Optional<Bytes> tag) {
        return client.call(Decrypt.Request.of(id, parameters, ciphertext, iv, additionalData, tag), Decrypt.Response.class)
                .data().orElse(Bytes.empty());
    }

    public Bytes rngRetrieve(int length) {
        return client.call(new RngRetrieve.Request(length), RngRetrieve.Response.class).data();
    }
}
