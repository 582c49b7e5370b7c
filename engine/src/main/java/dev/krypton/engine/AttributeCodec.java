package dev.krypton.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Serialises the attributes of a managed object (plus the engine's GCM invocation reservation)
 * to the opaque JSON bytes kept in the storage record. Never holds key material.
 */
final class AttributeCodec {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** Attributes as stored, with the GCM invocations reserved so far for the key. */
    record Stored(ObjectAttributes attributes, long gcmReserved) {
    }

    private AttributeCodec() {
    }

    static byte[] encode(ObjectAttributes a, long gcmReserved) {
        ObjectNode n = JSON.createObjectNode();
        ArrayNode names = n.putArray("names");
        a.names().forEach(names::add);
        n.put("type", a.type().name());
        n.put("algorithm", a.algorithm());
        n.put("length", a.lengthBits());
        ArrayNode usage = n.putArray("usage");
        a.usage().stream().sorted().forEach(u -> usage.add(u.name()));
        n.put("state", a.state().name());
        n.put("sensitive", a.sensitive());
        n.put("extractable", a.extractable());
        n.put("initial", a.initialDate().toString());
        a.activationDate().ifPresent(d -> n.put("activation", d.toString()));
        a.deactivationDate().ifPresent(d -> n.put("deactivation", d.toString()));
        a.compromiseDate().ifPresent(d -> n.put("compromise", d.toString()));
        a.destroyDate().ifPresent(d -> n.put("destroy", d.toString()));
        ObjectNode custom = n.putObject("custom");
        a.custom().entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(e -> {
            ArrayNode vals = custom.putArray(e.getKey());
            e.getValue().forEach(vals::add);
        });
        a.digest().ifPresent(d -> n.put("digest", d));
        a.firstServed().ifPresent(d -> n.put("firstServed", d.toString()));
        n.put("gcmReserved", gcmReserved);
        try {
            return JSON.writeValueAsBytes(n);
        } catch (IOException e) {
            throw new EngineException(ErrorCode.INTERNAL, "cannot serialise object attributes", e);
        }
    }

    static Stored decode(byte[] bytes) {
        try {
            JsonNode n = JSON.readTree(bytes);
            List<String> names = new ArrayList<>();
            n.path("names").forEach(x -> names.add(x.asText()));
            Set<KeyUsage> usage = EnumSet.noneOf(KeyUsage.class);
            n.path("usage").forEach(x -> usage.add(KeyUsage.valueOf(x.asText())));
            Map<String, List<String>> custom = new LinkedHashMap<>();
            n.path("custom").properties().forEach(e -> {
                List<String> vals = new ArrayList<>();
                e.getValue().forEach(x -> vals.add(x.asText()));
                custom.put(e.getKey(), vals);
            });
            ObjectAttributes a = new ObjectAttributes(names, ObjectType.valueOf(n.path("type").asText()),
                    n.path("algorithm").asText(), n.path("length").asInt(), usage,
                    ObjectState.valueOf(n.path("state").asText()), n.path("sensitive").asBoolean(),
                    n.path("extractable").asBoolean(), Instant.parse(n.path("initial").asText()),
                    date(n, "activation"), date(n, "deactivation"), date(n, "compromise"), date(n, "destroy"), custom,
                    n.has("digest") ? Optional.of(n.get("digest").asText()) : Optional.empty(), date(n, "firstServed"));
            return new Stored(a, n.path("gcmReserved").asLong());
        } catch (IOException | RuntimeException e) {
            throw new EngineException(ErrorCode.INTERNAL, "stored object attributes are unreadable", e);
        }
    }

    private static Optional<Instant> date(JsonNode n, String field) {
        return n.has(field) ? Optional.of(Instant.parse(n.get(field).asText())) : Optional.empty();
    }
}
