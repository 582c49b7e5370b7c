package dev.krypton.kmip.server.operation;

import dev.krypton.engine.KeyUsage;
import dev.krypton.engine.ObjectTemplate;
import dev.krypton.engine.Operation;
import dev.krypton.engine.TenantId;
import dev.krypton.kmip.CryptographicAlgorithm;
import dev.krypton.kmip.KmipException;
import dev.krypton.kmip.ResultReason;
import dev.krypton.kmip.Ttlv;
import dev.krypton.kmip.attribute.Attribute;
import dev.krypton.kmip.attribute.AttributeDef;
import dev.krypton.kmip.attribute.AttributeKey;
import dev.krypton.kmip.attribute.Attributes;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads the attributes a client gives to Create and Register into the engine's
 * {@link ObjectTemplate}, and picks the tenant of the new object: the principal's only tenant,
 * otherwise the one named by an Object Group attribute (besides the {@code kek} marker). Accepted
 * attributes: Name, Cryptographic Algorithm, Length and Usage Mask, Activation Date (activates at
 * once when not in the future), Sensitive, Extractable, Object Group, text-valued custom
 * attributes and the standard attributes {@link StoredAttributes#CLIENT_SET} keeps for the server;
 * A Deactivation Date not in the future deactivates the new object ({@link #deactivateIfDue}).
 * Fresh is kept as given (only a Register would give it, as False). Operation Policy Name and
 * Certificate Type (read from the certificate itself) are accepted and
 * not stored. Any other attribute is Invalid Field.
 */
final class Templates {

    private static final Set<AttributeDef> IGNORED = EnumSet.of(AttributeDef.OPERATION_POLICY_NAME,
            AttributeDef.CERTIFICATE_TYPE);
    private static final Set<AttributeDef> READ = EnumSet.of(AttributeDef.NAME, AttributeDef.CRYPTOGRAPHIC_ALGORITHM,
            AttributeDef.CRYPTOGRAPHIC_LENGTH, AttributeDef.CRYPTOGRAPHIC_USAGE_MASK, AttributeDef.ACTIVATION_DATE,
            AttributeDef.SENSITIVE, AttributeDef.EXTRACTABLE, AttributeDef.OBJECT_GROUP);
    private static final Set<KeyUsage> DEFAULT_USAGE = EnumSet.of(KeyUsage.ENCRYPT, KeyUsage.DECRYPT, KeyUsage.WRAP_KEY,
            KeyUsage.UNWRAP_KEY);

    private Templates() {
    }

    /** The template of a new object; {@code algorithm} and {@code lengthBits} are the defaults when absent. */
    static ObjectTemplate template(Attributes attributes, String algorithm, int lengthBits, Instant now) {
        Map<String, List<String>> custom = new LinkedHashMap<>();
        for (Attribute a : attributes.list()) {
            switch (a.key()) {
                case AttributeKey.Standard s when s.def() == AttributeDef.FRESH -> serverSet(custom, a);
                case AttributeKey.Standard s when s.def() == AttributeDef.DEACTIVATION_DATE -> {
                    if (attributes.date(AttributeDef.DEACTIVATION_DATE).orElseThrow().isAfter(now)) {
                        throw new KmipException(ResultReason.FEATURE_NOT_SUPPORTED,
                                "a Deactivation Date in the future (scheduled deactivation) is not supported");
                    }
                }
                case AttributeKey.Standard s when StoredAttributes.CLIENT_SET.contains(s.def()) -> {
                    List<String> values = custom.computeIfAbsent(s.def().specName(), k -> new ArrayList<>());
                    if (!values.isEmpty() && !StoredAttributes.MULTI.contains(s.def())) {
                        throw new KmipException(ResultReason.INVALID_FIELD, "attribute " + s.def().specName()
                                + " may be given once");
                    }
                    values.add(StoredAttributes.encode(a));
                }
                case AttributeKey.Standard s -> {
                    if (!READ.contains(s.def()) && !IGNORED.contains(s.def())) {
                        throw new KmipException(ResultReason.INVALID_FIELD, "attribute " + s.def().specName()
                                + " cannot be set by clients of this server");
                    }
                }
                case AttributeKey.Vendor v -> custom.computeIfAbsent(v.v1Name(), k -> new ArrayList<>()).add(text(a));
            }
        }
        String alg = attributes.cryptographicAlgorithm().map(CryptographicAlgorithm::specName).orElse(algorithm);
        int length = attributes.cryptographicLength().orElse(lengthBits);
        Set<KeyUsage> usage = attributes.cryptographicUsageMask().isPresent()
                ? UsageMasks.usages(attributes.cryptographicUsageMask().getAsInt()) : DEFAULT_USAGE;
        boolean activate = attributes.date(AttributeDef.ACTIVATION_DATE).map(d -> !d.isAfter(now)).orElse(false);
        boolean sensitive = attributes.flag(AttributeDef.SENSITIVE).orElse(false);
        boolean extractable = attributes.flag(AttributeDef.EXTRACTABLE).orElse(true);
        serverSet(custom, Attribute.flag(AttributeDef.ALWAYS_SENSITIVE, sensitive));
        serverSet(custom, Attribute.flag(AttributeDef.NEVER_EXTRACTABLE, !extractable));
        serverSet(custom, Attribute.date(AttributeDef.ORIGINAL_CREATION_DATE, now));
        custom.putIfAbsent(AttributeDef.FRESH.specName(), List.of(StoredAttributes.encode(Attribute.flag(AttributeDef.FRESH, true))));
        return new ObjectTemplate(attributes.names(), alg, length, usage, sensitive, extractable, custom, activate);
    }

    /**
     * A Deactivation Date given on Create or Register (never in the future, {@link #template}
     * checked) deactivates the new object at once (KMIP 2.1 section 4.15), through the engine's
     * Revoke with reason Cessation of Operation.
     */
    static void deactivateIfDue(RequestContext context, Attributes attributes, String uid) {
        if (attributes.date(AttributeDef.DEACTIVATION_DATE).isPresent()) {
            context.keys().revoke(context.principal(), uid, dev.krypton.engine.RevocationReason.CESSATION_OF_OPERATION);
        }
    }

    /** {@code template} with server-set attribute {@code a} kept as a {@link StoredAttributes} value. */
    static ObjectTemplate with(ObjectTemplate template, Attribute a) {
        Map<String, List<String>> custom = new LinkedHashMap<>(template.custom());
        serverSet(custom, a);
        return new ObjectTemplate(template.names(), template.algorithm(), template.lengthBits(), template.usage(),
                template.sensitive(), template.extractable(), custom, template.activate());
    }

    private static void serverSet(Map<String, List<String>> custom, Attribute a) {
        custom.put(a.key().v1Name(), List.of(StoredAttributes.encode(a)));
    }

    /** The Object Group values, {@code kek} marker included. */
    static List<String> groups(Attributes attributes) {
        return attributes.values(new AttributeKey.Standard(AttributeDef.OBJECT_GROUP)).stream()
                .map(v -> ((Ttlv.TextString) v).value()).toList();
    }

    /** The tenant a new object goes to (see the class comment); none is Permission Denied. */
    static TenantId tenant(RequestContext context, List<String> groups, Operation operation) {
        List<String> named = groups.stream().filter(g -> !g.equals(AttributeView.KEK_GROUP)).toList();
        if (named.size() > 1) {
            throw new KmipException(ResultReason.INVALID_FIELD, "at most one Object Group may name the tenant");
        }
        Set<TenantId> allowed = context.keys().tenantsAllowed(context.principal(), operation);
        if (named.isEmpty()) {
            if (allowed.size() == 1) {
                return allowed.iterator().next();
            }
            if (allowed.isEmpty()) {
                throw new KmipException(ResultReason.PERMISSION_DENIED, "principal may not " + operation + " in any tenant");
            }
            throw new KmipException(ResultReason.INVALID_FIELD, "principal has several tenants: name one in Object Group");
        }
        return TenantId.of(named.getFirst());
    }

    static String text(Attribute a) {
        if (a.value() instanceof Ttlv.TextString t) {
            return t.value();
        }
        throw new KmipException(ResultReason.INVALID_FIELD, "custom attribute " + a.key().v1Name() + " must be a text string");
    }
}
