package dev.krypton.kmip.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.krypton.kmip.ResultReason;
import dev.krypton.kmip.SecretDataType;
import dev.krypton.kmip.attribute.Attribute;
import dev.krypton.kmip.attribute.Attributes;
import dev.krypton.kmip.client.KmipOperations;
import dev.krypton.kmip.message.Bytes;
import dev.krypton.kmip.message.ProtocolVersion;
import dev.krypton.kmip.message.RequestMessage;
import dev.krypton.kmip.message.ResponseMessage;
import dev.krypton.kmip.object.KeyBlock;
import dev.krypton.kmip.object.ManagedObject;
import dev.krypton.kmip.payload.Locate;
import dev.krypton.kmip.payload.RngRetrieve;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Locate paging and attribute filters, Secret Data, and the Maximum Response Size. */
class LocateAndLimitsTest {

    static ServerFixture fixture;
    static KmipOperations acme;
    static final List<String> PAGED = new ArrayList<>();

    @BeforeAll
    static void start() {
        fixture = new ServerFixture();
        acme = fixture.client("acme");
        for (int i = 0; i < 5; i++) {
            PAGED.add(KekOperationsTest.createKek(acme, "paged-" + i));
        }
    }

    @AfterAll
    static void stop() {
        fixture.close();
    }

    private static List<String> page(int offset, int max) {
        var request = new Locate.Request(OptionalInt.of(max), OptionalInt.of(offset), OptionalInt.empty(), Optional.empty(),
                Attributes.of(Attribute.objectGroup("kek")));
        return acme.client().call(request, Locate.Response.class).uniqueIdentifiers();
    }

    @Test
    void offsetAndMaximumItemsPageThroughTheMatches() {
        List<String> all = page(0, 100);
        assertThat(all).containsAll(PAGED);
        List<String> pages = new ArrayList<>(page(0, 2));
        pages.addAll(page(2, 2));
        pages.addAll(page(4, 100));
        assertThat(pages).containsExactlyElementsOf(all);
        assertThat(page(all.size(), 10)).isEmpty();
    }

    @Test
    void otherAttributesFilterByEquality() {
        assertThat(acme.locate(Attributes.of(Attribute.objectGroup("kek"), Attribute.cryptographicLength(256)))).containsAll(PAGED);
        assertThat(acme.locate(Attributes.of(Attribute.objectGroup("kek"), Attribute.cryptographicLength(128)))).isEmpty();
    }

    @Test
    void secretDataRegistersAndComesBackOpaque() {
        byte[] secret = "correct horse battery staple".getBytes(java.nio.charset.StandardCharsets.UTF_8);
        var object = new ManagedObject.SecretData(SecretDataType.PASSWORD, KeyBlock.opaque(Bytes.of(secret)));
        String uid = acme.register(Attributes.of(Attribute.name("pw")), object).uniqueIdentifier();
        var got = acme.get(uid);
        assertThat(((ManagedObject.SecretData) got.object()).keyBlock().keyMaterial().orElseThrow().toByteArray()).isEqualTo(secret);
    }

    @Test
    void aResponseOverTheMaximumResponseSizeIsResponseTooLarge() {
        RequestMessage m = RequestMessage.of(ProtocolVersion.V1_4, new RngRetrieve.Request(1024));
        RequestMessage limited = new RequestMessage(m.header().withMaximumResponseSize(256), m.batchItems());
        ResponseMessage r = acme.client().send(limited);
        assertThat(r.batchItems().getFirst().resultReason()).contains(ResultReason.RESPONSE_TOO_LARGE);
        assertThat(r.batchItems().getFirst().payload()).isEmpty();
    }
}
