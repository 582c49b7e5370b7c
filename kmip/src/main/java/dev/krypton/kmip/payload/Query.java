package dev.krypton.kmip.payload;

import dev.krypton.kmip.ObjectType;
import dev.krypton.kmip.Operation;
import dev.krypton.kmip.QueryFunction;
import dev.krypton.kmip.Tag;
import dev.krypton.kmip.Ttlv;
import dev.krypton.kmip.Ttlv.Structure;
import dev.krypton.kmip.message.Builder;
import dev.krypton.kmip.message.Fields;
import dev.krypton.kmip.message.PayloadCodec;
import dev.krypton.kmip.message.ProtocolVersion;
import dev.krypton.kmip.message.RequestPayload;
import dev.krypton.kmip.message.ResponsePayload;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Query (KMIP 1.4 section 4.25, KMIP 2.1 section 6.1.40): what the server supports. */
public final class Query {
    /** Reads both payloads of this operation. */
    public static final PayloadCodec CODEC = new PayloadCodec(Operation.QUERY,
            (f, v) -> new Request(f.enumerations(Tag.QUERY_FUNCTION, QueryFunction.FAMILY)),
            Query::readResponse);

    private Query() {
    }

    /** @param functions what to ask (Query Operations, Query Objects, Query Server Information...) */
    public record Request(List<QueryFunction> functions) implements RequestPayload {
        public Request {
            functions = List.copyOf(functions);
        }

        @Override
        public int operationCode() {
            return Operation.QUERY.value();
        }

        @Override
        public Structure toTtlv(ProtocolVersion v) {
            return Builder.request().enumerations(Tag.QUERY_FUNCTION, functions).build();
        }
    }

    /**
     * @param operations          supported operations this library can name
     * @param objectTypes         supported object types this library can name
     * @param vendorIdentification the server's vendor
     * @param serverInformation   vendor-specific structure
     * @param other               everything else (vendor operation values, namespaces, profiles, capabilities...), as read
     */
    public record Response(List<Operation> operations, List<ObjectType> objectTypes, Optional<String> vendorIdentification,
                           Optional<Structure> serverInformation, List<Ttlv> other) implements ResponsePayload {
        public Response {
            operations = List.copyOf(operations);
            objectTypes = List.copyOf(objectTypes);
            other = List.copyOf(other);
        }

        @Override
        public int operationCode() {
            return Operation.QUERY.value();
        }

        @Override
        public Structure toTtlv(ProtocolVersion v) {
            return Builder.response().enumerations(Tag.OPERATION, operations).enumerations(Tag.OBJECT_TYPE, objectTypes)
                    .text(Tag.VENDOR_IDENTIFICATION, vendorIdentification).item(serverInformation).items(other).build();
        }
    }

    private static Response readResponse(Fields f, ProtocolVersion v) {
        List<Ttlv> other = new ArrayList<>();
        List<Operation> ops = new ArrayList<>();
        for (Ttlv item : f.all(Tag.OPERATION)) {
            Operation.FAMILY.byValue(f.as(item, Ttlv.Enumeration.class).value()).ifPresentOrElse(ops::add, () -> other.add(item));
        }
        List<ObjectType> types = new ArrayList<>();
        for (Ttlv item : f.all(Tag.OBJECT_TYPE)) {
            ObjectType.FAMILY.byValue(f.as(item, Ttlv.Enumeration.class).value()).ifPresentOrElse(types::add, () -> other.add(item));
        }
        Optional<String> vendor = f.text(Tag.VENDOR_IDENTIFICATION);
        Optional<Structure> info = f.struct(Tag.SERVER_INFORMATION);
        other.addAll(f.rest());
        return new Response(ops, types, vendor, info, other);
    }
}
