package dev.krypton.kmip.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.krypton.kmip.ResultReason;
import dev.krypton.kmip.client.KmipOperations;
import dev.krypton.kmip.message.ProtocolVersion;
import dev.krypton.kmip.message.ResponseMessage;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Hostile bytes get an error response or a closed connection; other connections keep working. */
class MalformedInputTest {

    static ServerFixture fixture;
    static KmipOperations bystander;

    @BeforeAll
    static void start() {
        fixture = new ServerFixture();
        bystander = fixture.client("acme");
        bystander.discoverVersions(List.of());
    }

    @AfterAll
    static void stop() {
        fixture.close();
    }

    private static Optional<ResponseMessage> send(byte[] bytes) throws Exception {
        try (var socket = fixture.rawSocket(Optional.of(fixture.pki.client("acme")))) {
            RawKmip.write(socket, bytes);
            return RawKmip.read(socket);
        }
    }

    private static void bystanderStillServed() {
        assertThat(bystander.discoverVersions(List.of())).isEqualTo(ProtocolVersion.SUPPORTED);
    }

    @Test
    void aWellFramedMessageWithAnUndecodableBodyGetsInvalidMessageAndTheConnectionStaysUsable() throws Exception {
        // a Request Message holding only an Integer where the Request Header belongs
        byte[] framed = HexFormat.of().parseHex("4200780100000010" + "42007702000000040000000100000000");
        try (var socket = fixture.rawSocket(Optional.of(fixture.pki.client("acme")))) {
            RawKmip.write(socket, framed);
            ResponseMessage r = RawKmip.read(socket).orElseThrow();
            assertThat(r.batchItems().getFirst().resultReason()).hasValueSatisfying(reason ->
                    assertThat(reason).isIn(ResultReason.INVALID_MESSAGE, ResultReason.INVALID_FIELD));
            RawKmip.write(socket, RawKmip.frame(TlsSecurityTest.DISCOVER));
            assertThat(RawKmip.read(socket).orElseThrow().batchItems().getFirst().isSuccess()).isTrue();
        }
        bystanderStillServed();
    }

    @Test
    void aHeaderThatIsNotAMessageIsAnsweredAndTheConnectionClosed() throws Exception {
        try (var socket = fixture.rawSocket(Optional.of(fixture.pki.client("acme")))) {
            RawKmip.write(socket, HexFormat.of().parseHex("0102030405060708"));
            assertThat(RawKmip.read(socket).orElseThrow().batchItems().getFirst().resultReason())
                    .contains(ResultReason.INVALID_MESSAGE);
            assertThat(socket.getInputStream().read()).isEqualTo(-1);
        }
        bystanderStillServed();
    }

    @Test
    void anOversizedMessageIsRefusedBeforeItsBodyIsRead() throws Exception {
        byte[] header = ByteBuffer.allocate(8).put(HexFormat.of().parseHex("42007801")).putInt(1 << 30).array();
        Optional<ResponseMessage> r = send(header);
        assertThat(r).hasValueSatisfying(m -> assertThat(m.batchItems().getFirst().resultReason())
                .contains(ResultReason.INVALID_MESSAGE));
        bystanderStillServed();
    }

    @Test
    void aTruncatedMessageEndsTheConnectionOnly() throws Exception {
        byte[] frame = RawKmip.frame(TlsSecurityTest.DISCOVER);
        try (var socket = fixture.rawSocket(Optional.of(fixture.pki.client("acme")))) {
            RawKmip.write(socket, java.util.Arrays.copyOf(frame, frame.length - 8));
            socket.shutdownOutput();
            Optional<ResponseMessage> r = RawKmip.read(socket);
            r.ifPresent(m -> assertThat(m.batchItems().getFirst().resultReason()).contains(ResultReason.INVALID_MESSAGE));
        }
        bystanderStillServed();
    }

    @Test
    void anIdleConnectionIsClosedAfterTheIdleTimeout() throws Exception {
        try (var idle = new ServerFixture(c -> c.withLimits(c.limits().withTimeouts(Duration.ofSeconds(5), Duration.ofMillis(300))));
             var socket = idle.rawSocket(Optional.of(idle.pki.client("acme")))) {
            socket.startHandshake();
            assertThat(RawKmip.exchange(socket, TlsSecurityTest.DISCOVER).batchItems().getFirst().isSuccess()).isTrue();
            socket.setSoTimeout(10_000);
            assertThat(socket.getInputStream().read()).isEqualTo(-1);
        }
    }
}
