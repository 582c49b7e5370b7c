package dev.krypton.kmip.payload;

import dev.krypton.kmip.Operation;
import dev.krypton.kmip.Tag;
import dev.krypton.kmip.Ttlv.Structure;
import dev.krypton.kmip.message.Builder;
import dev.krypton.kmip.message.PayloadCodec;
import dev.krypton.kmip.message.ProtocolVersion;
import dev.krypton.kmip.message.RequestPayload;
import dev.krypton.kmip.message.ResponsePayload;
import dev.krypton.kmip.message.Versions;
import java.util.List;

/** Discover Versions (KMIP 1.4 section 4.26, KMIP 2.1 section 6.1.16): which protocol versions both sides speak. */
public final class DiscoverVersions {
    /** Reads both payloads of this operation. */
    public static final PayloadCodec CODEC = new PayloadCodec(Operation.DISCOVER_VERSIONS,
            (f, v) -> new Request(f.structs(Tag.PROTOCOL_VERSION).stream().map(Versions::read).toList()),
            (f, v) -> new Response(f.structs(Tag.PROTOCOL_VERSION).stream().map(Versions::read).toList()));

    private DiscoverVersions() {
    }

    /** @param versions the client's versions, most preferred first; empty asks for all the server's */
    public record Request(List<ProtocolVersion> versions) implements RequestPayload {
        public Request {
            versions = List.copyOf(versions);
        }

        @Override
        public int operationCode() {
            return Operation.DISCOVER_VERSIONS.value();
        }

        @Override
        public Structure toTtlv(ProtocolVersion v) {
            return Builder.request().items(versions.stream().map(Versions::write).toList()).build();
        }
    }

    /** @param versions the server's versions (of those asked for), most preferred first */
    public record Response(List<ProtocolVersion> versions) implements ResponsePayload {
        public Response {
            versions = List.copyOf(versions);
        }

        @Override
        public int operationCode() {
            return Operation.DISCOVER_VERSIONS.value();
        }

        @Override
        public Structure toTtlv(ProtocolVersion v) {
            return Builder.response().items(versions.stream().map(Versions::write).toList()).build();
        }
    }
}
