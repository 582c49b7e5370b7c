package dev.krypton.kmip.server.operation;

import dev.krypton.kmip.ObjectType;
import dev.krypton.kmip.SpecVersion;
import dev.krypton.kmip.Operation;
import dev.krypton.kmip.ProfileName;
import dev.krypton.kmip.QueryFunction;
import dev.krypton.kmip.SpecVersion;
import dev.krypton.kmip.Tag;
import dev.krypton.kmip.Ttlv;
import dev.krypton.kmip.message.ResponsePayload;
import dev.krypton.kmip.payload.Query;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Query (KMIP 1.4 section 4.25, KMIP 2.1 section 6.1.40): operations (those of the request's
 * protocol version: Interop and Log are KMIP 2.x), object types, server
 * information and profiles. Other query functions are answered with nothing (the specification
 * lets a server omit what it does not support).
 */
final class QueryHandler implements OperationHandler<Query.Request> {

    static final String VENDOR = "Krypton";
    private static final List<ProfileName> PROFILES = List.of(ProfileName.BASELINE_SERVER_BASIC_KMIP_V1_2,
            ProfileName.BASELINE_SERVER_TLS_V1_2_KMIP_V1_2, ProfileName.SYMMETRIC_KEY_LIFECYCLE_SERVER_KMIP_V1_2,
            ProfileName.SYMMETRIC_KEY_FOUNDRY_SERVER_KMIP_V1_2, ProfileName.BASIC_CRYPTOGRAPHIC_SERVER_KMIP_V1_2,
            ProfileName.RNG_CRYPTOGRAPHIC_SERVER_KMIP_V1_2);

    private final List<Operation> operations;

    QueryHandler(List<Operation> operations) {
        this.operations = List.copyOf(operations);
    }

    @Override
    public Operation operation() {
        return Operation.QUERY;
    }

    @Override
    public Class<Query.Request> requestType() {
        return Query.Request.class;
    }

    @Override
    public ResponsePayload handle(RequestContext context, Query.Request request) {
        List<QueryFunction> asked = request.functions();
        List<Ttlv> other = new ArrayList<>();
        if (asked.contains(QueryFunction.QUERY_PROFILES)) {
            PROFILES.forEach(p -> other.add(Ttlv.Structure.of(Tag.PROFILE_INFORMATION, Ttlv.Enumeration.of(Tag.PROFILE_NAME, p))));
        }
        boolean info = asked.contains(QueryFunction.QUERY_SERVER_INFORMATION);
        return new Query.Response(asked.contains(QueryFunction.QUERY_OPERATIONS) ? operations.stream()
                        .filter(o -> o.versions().contains(context.version().isV2() ? SpecVersion.KMIP_2 : SpecVersion.KMIP_1))
                        .toList() : List.of(),
                asked.contains(QueryFunction.QUERY_OBJECTS) ? java.util.Arrays.stream(dev.krypton.engine.ObjectType.values())
                        .map(AttributeView::objectType).toList() : List.of(),
                info ? Optional.of(VENDOR) : Optional.empty(),
                info ? Optional.of(Ttlv.Structure.of(Tag.SERVER_INFORMATION)) : Optional.empty(), other);
    }
}
