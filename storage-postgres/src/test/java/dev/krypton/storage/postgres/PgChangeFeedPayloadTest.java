package dev.krypton.storage.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import dev.krypton.storage.TenantChange;
import dev.krypton.storage.TenantState;
import dev.krypton.storage.tck.Fixtures;
import org.junit.jupiter.api.Test;

/** The NOTIFY payload: round trip, tenant ids with spaces and colons, older payloads, foreign text. */
class PgChangeFeedPayloadTest {

    @Test
    void aPayloadSaysTenantGenerationAndState() {
        for (TenantState state : TenantState.values()) {
            var record = Fixtures.tenant("acme: eu west ü", 7, state, state == TenantState.DESTROYED ? 0 : 60);
            assertThat(PgChangeFeed.parse(PgChangeFeed.payload(record)))
                    .contains(new TenantChange("acme: eu west ü", 7, state));
        }
    }

    @Test
    void anOlderPayloadWithoutStateIsStillHeard() {
        assertThat(PgChangeFeed.parse("12 acme corp")).contains(new TenantChange("acme corp", 12));
        assertThat(PgChangeFeed.parse("12 acme corp").orElseThrow().knownState()).isEmpty();
    }

    @Test
    void foreignPayloadsAreIgnored() {
        for (String foreign : new String[] {"", "hello", "x acme", "3:NOT_A_STATE acme", "3:ACTIVE ", "-:ACTIVE acme"}) {
            assertThat(PgChangeFeed.parse(foreign)).as(foreign).isEmpty();
        }
    }
}
