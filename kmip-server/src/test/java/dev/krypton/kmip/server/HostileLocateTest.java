package dev.krypton.kmip.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.krypton.kmip.ResultReason;
import dev.krypton.kmip.ResultStatus;
import dev.krypton.kmip.attribute.Attribute;
import dev.krypton.kmip.attribute.Attributes;
import dev.krypton.kmip.client.KmipOperations;
import dev.krypton.kmip.message.ProtocolVersion;
import dev.krypton.kmip.message.RequestMessage;
import dev.krypton.kmip.message.ResponseBatchItem;
import dev.krypton.kmip.message.ResponseMessage;
import dev.krypton.kmip.payload.Locate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

/**
 * Locate under hostile paging: extreme Offset Items and Maximum Items are answered, never an
 * internal error and never a log line per item; a result cut at the server's cap says so in
 * Located Items (KMIP 1.3 and later).
 */
class HostileLocateTest {

    private static final Attributes KEKS = Attributes.of(Attribute.objectGroup("kek"));

    private static Locate.Request page(int offset, int max) {
        return new Locate.Request(OptionalInt.of(max), OptionalInt.of(offset), OptionalInt.empty(), Optional.empty(), KEKS);
    }

    @Test
    void aThousandItemsWithTheLargestOffsetAreAnsweredWithoutInternalErrorsOrLogging() {
        LogCapture logged = LogCapture.of(Failures.class);
        try (logged; var fixture = new ServerFixture()) {
            KmipOperations acme = fixture.client("acme");
            KekOperationsTest.createKek(acme, "one");
            List<Locate.Request> items = new ArrayList<>();
            for (int i = 0; i < 1000; i++) {
                items.add(page(Integer.MAX_VALUE, Integer.MAX_VALUE));
            }
            ResponseMessage r = acme.client().send(RequestMessage.batch(ProtocolVersion.V1_4, items));
            assertThat(r.batchItems()).hasSize(1000).allSatisfy(item -> {
                assertThat(item.resultStatus()).isEqualTo(ResultStatus.SUCCESS);
                Locate.Response located = (Locate.Response) item.payload().orElseThrow();
                assertThat(located.uniqueIdentifiers()).isEmpty();
                assertThat(located.locatedItems()).hasValue(1);
            });
        }
        assertThat(logged.warnings()).isEmpty();
    }

    @Test
    void negativeOffsetOrMaximumIsInvalidFieldNamingTheField() {
        try (var fixture = new ServerFixture()) {
            KmipOperations acme = fixture.client("acme");
            ResponseBatchItem offset = acme.client().send(RequestMessage.of(ProtocolVersion.V1_4, page(-1, 10)))
                    .batchItems().getFirst();
            assertThat(offset.resultReason()).contains(ResultReason.INVALID_FIELD);
            assertThat(offset.resultMessage().orElseThrow()).contains("Offset Items");
            ResponseBatchItem max = acme.client().send(RequestMessage.of(ProtocolVersion.V1_4, page(0, Integer.MIN_VALUE)))
                    .batchItems().getFirst();
            assertThat(max.resultReason()).contains(ResultReason.INVALID_FIELD);
            assertThat(max.resultMessage().orElseThrow()).contains("Maximum Items");
        }
    }

    @Test
    void aResultCutAtTheServerCapTellsTheTotalInLocatedItems() {
        try (var fixture = new ServerFixture(c -> c.withLimits(c.limits().withMaxLocateItems(2)))) {
            KmipOperations acme = fixture.client("acme");
            for (int i = 0; i < 3; i++) {
                KekOperationsTest.createKek(acme, "capped-" + i);
            }
            Locate.Response first = acme.client().call(Locate.Request.matching(KEKS), Locate.Response.class);
            assertThat(first.uniqueIdentifiers()).hasSize(2);
            assertThat(first.locatedItems()).hasValue(3);
            Locate.Response rest = acme.client().call(page(2, 100), Locate.Response.class);
            assertThat(rest.uniqueIdentifiers()).hasSize(1).doesNotContainAnyElementsOf(first.uniqueIdentifiers());
            assertThat(rest.locatedItems()).hasValue(3);
            KmipOperations old = fixture.client(fixture.pki.client("acme"), ProtocolVersion.V1_2);
            Locate.Response v12 = old.client().call(Locate.Request.matching(KEKS), Locate.Response.class);
            assertThat(v12.uniqueIdentifiers()).hasSize(2);
            assertThat(v12.locatedItems()).isEmpty();
        }
    }
}
