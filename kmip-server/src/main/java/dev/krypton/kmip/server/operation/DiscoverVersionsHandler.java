package dev.krypton.kmip.server.operation;

import dev.krypton.kmip.Operation;
import dev.krypton.kmip.message.ProtocolVersion;
import dev.krypton.kmip.message.ResponsePayload;
import dev.krypton.kmip.payload.DiscoverVersions;
import java.util.List;

/**
 * Discover Versions (KMIP 1.4 section 4.26, KMIP 2.1 section 6.1.16): the versions this server
 * speaks, newest first; when the client lists versions, those of them it speaks, in the client's order.
 */
final class DiscoverVersionsHandler implements OperationHandler<DiscoverVersions.Request> {

    @Override
    public Operation operation() {
        return Operation.DISCOVER_VERSIONS;
    }

    @Override
    public Class<DiscoverVersions.Request> requestType() {
        return DiscoverVersions.Request.class;
    }

    @Override
    public ResponsePayload handle(RequestContext context, DiscoverVersions.Request request) {
        List<ProtocolVersion> versions = request.versions().isEmpty() ? ProtocolVersion.SUPPORTED
                : request.versions().stream().filter(ProtocolVersion::isSupported).toList();
        return new DiscoverVersions.Response(versions);
    }
}
