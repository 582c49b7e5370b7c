package dev.krypton.engine.policy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.krypton.engine.EngineException;
import dev.krypton.engine.ErrorCode;
import dev.krypton.engine.Operation;
import dev.krypton.engine.TenantId;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Reads a policy document, YAML or JSON (JSON is valid YAML):
 * <pre>
 * upstream: true                # optional, default false
 * unauthenticated_modes: false  # optional, default true: tenant keys may use AES ECB, CBC, CTR
 * grants:                       # optional, default none
 *   - principal: gateway-eu-1   # the principal name the transport derives
 *     tenants: [acme, globex]   # or ["*"] for every tenant
 *     operations: [encrypt, decrypt, locate, get_attributes]   # or ["*"]
 * </pre>
 * Unknown keys, wrong types and unknown operations are errors naming the exact path, such as
 * {@code grants[1].operations[2]: unknown operation 'encrpt'}.
 */
public final class PolicyParser {

    private static final YAMLMapper MAPPER = new YAMLMapper();
    private static final Set<String> TOP = Set.of("upstream", "unauthenticated_modes", "grants");
    private static final Set<String> GRANT = Set.of("principal", "tenants", "operations");

    private PolicyParser() {
    }

    /** Parses a document; throws INVALID_ARGUMENT with the path of the first problem. */
    public static Policy parse(String document) {
        JsonNode root;
        try {
            root = MAPPER.readTree(document);
        } catch (IOException e) {
            throw invalid("not valid YAML or JSON: " + firstLine(e.getMessage()));
        }
        if (root == null || root.isMissingNode() || root.isNull()) {
            throw invalid("the document is empty");
        }
        requireObject(root, "(top level)", TOP);
        boolean upstream = flag(root, "upstream", false);
        boolean unauthenticatedModes = flag(root, "unauthenticated_modes", true);
        List<Grant> grants = new ArrayList<>();
        if (root.has("grants")) {
            JsonNode g = root.get("grants");
            if (!g.isArray()) {
                throw invalid("grants: must be a list");
            }
            for (int i = 0; i < g.size(); i++) {
                grants.add(grant(g.get(i), "grants[" + i + "]"));
            }
        }
        return new Policy(upstream, unauthenticatedModes, grants);
    }

    private static boolean flag(JsonNode root, String key, boolean absent) {
        if (!root.has(key)) {
            return absent;
        }
        JsonNode v = root.get(key);
        if (!v.isBoolean()) {
            throw invalid(key + ": must be true or false");
        }
        return v.booleanValue();
    }

    private static Grant grant(JsonNode node, String path) {
        requireObject(node, path, GRANT);
        JsonNode p = node.get("principal");
        if (p == null || !p.isTextual() || p.textValue().isBlank()) {
            throw invalid(path + ".principal: required, a non-blank string");
        }
        List<String> tenantNames = strings(node.get("tenants"), path + ".tenants");
        boolean all = tenantNames.contains("*");
        Set<TenantId> tenants = new HashSet<>();
        for (int i = 0; i < tenantNames.size(); i++) {
            String t = tenantNames.get(i);
            if (t.equals("*")) {
                continue;
            }
            try {
                tenants.add(TenantId.of(t));
            } catch (EngineException e) {
                throw invalid(path + ".tenants[" + i + "]: '" + t + "' is not a tenant id (" + e.getMessage() + ")");
            }
        }
        List<String> opNames = strings(node.get("operations"), path + ".operations");
        Set<Operation> ops = EnumSet.noneOf(Operation.class);
        for (int i = 0; i < opNames.size(); i++) {
            String o = opNames.get(i);
            if (o.equals("*")) {
                ops.addAll(EnumSet.allOf(Operation.class));
                continue;
            }
            try {
                ops.add(Operation.valueOf(o.toUpperCase(Locale.ROOT).replace('-', '_')));
            } catch (IllegalArgumentException e) {
                throw invalid(path + ".operations[" + i + "]: unknown operation '" + o + "' (expected one of "
                        + Arrays.toString(Operation.values()).toLowerCase(Locale.ROOT) + " or \"*\")");
            }
        }
        return new Grant(p.textValue(), tenants, all, ops);
    }

    private static List<String> strings(JsonNode node, String path) {
        if (node == null || !node.isArray() || node.isEmpty()) {
            throw invalid(path + ": required, a non-empty list of strings");
        }
        List<String> out = new ArrayList<>();
        for (int i = 0; i < node.size(); i++) {
            if (!node.get(i).isTextual()) {
                throw invalid(path + "[" + i + "]: must be a string");
            }
            out.add(node.get(i).textValue());
        }
        return out;
    }

    private static void requireObject(JsonNode node, String path, Set<String> allowed) {
        if (!node.isObject()) {
            throw invalid(path + ": must be a mapping");
        }
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            String key = it.next();
            if (!allowed.contains(key)) {
                throw invalid(path + ": unknown key '" + key + "' (allowed: " + new java.util.TreeSet<>(allowed) + ")");
            }
        }
    }

    private static String firstLine(String message) {
        String m = message == null ? "unreadable" : message;
        int nl = m.indexOf('\n');
        return nl < 0 ? m : m.substring(0, nl);
    }

    private static EngineException invalid(String message) {
        return new EngineException(ErrorCode.INVALID_ARGUMENT, "invalid policy: " + message);
    }
}
