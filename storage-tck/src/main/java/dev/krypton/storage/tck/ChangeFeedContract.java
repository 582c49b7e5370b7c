package dev.krypton.storage.tck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.krypton.storage.ChangeFeed;
import dev.krypton.storage.Storage;
import dev.krypton.storage.StorageProviders;
import dev.krypton.storage.TenantChange;
import dev.krypton.storage.TenantRecord;
import dev.krypton.storage.TenantState;
import dev.krypton.storage.Write;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Backends with a change feed tell subscribers about tenant writes, including other instances' writes. */
public interface ChangeFeedContract extends StorageContext {

    @Test
    default void subscribersHearOfTenantWritesUntilTheyUnsubscribe() throws Exception {
        assumeTrue(store().changeFeed().isPresent(), "this backend has no change feed; callers poll");
        BlockingQueue<TenantChange> heard = new LinkedBlockingQueue<>();
        ChangeFeed.Subscription sub = store().changeFeed().get().subscribe(ChangeFeed.listener(heard::add, () -> { }));
        store().write(new Write.PutTenant(Fixtures.tenant("acme-ü", 1), Write.ABSENT));
        TenantRecord unlinked = Fixtures.tenant("acme-ü", 2, TenantState.UNLINKED, 60);
        store().write(new Write.PutTenant(unlinked, 1));
        assertThat(heard.poll(30, TimeUnit.SECONDS)).isEqualTo(TenantChange.of(Fixtures.tenant("acme-ü", 1)));
        TenantChange second = heard.poll(30, TimeUnit.SECONDS);
        assertThat(second).isEqualTo(new TenantChange("acme-ü", 2, TenantState.UNLINKED));
        assertThat(second.knownState()).as("the notice says the state written").contains(TenantState.UNLINKED);
        sub.close();
        store().write(new Write.PutTenant(Fixtures.tenant("acme-ü", 3), 2));
        store().write(new Write.PutTenant(Fixtures.tenant("marker", 1), Write.ABSENT));
        assertThat(heard.poll(1, TimeUnit.SECONDS)).isNull();
    }

    @Test
    default void aThrowingListenerNeitherFailsTheWriterNorSilencesOthers() throws Exception {
        assumeTrue(store().changeFeed().isPresent(), "this backend has no change feed; callers poll");
        BlockingQueue<TenantChange> heard = new LinkedBlockingQueue<>();
        ChangeFeed feed = store().changeFeed().get();
        feed.subscribe(ChangeFeed.listener(c -> {
            throw new IllegalStateException("a listener bug, expected in this test");
        }, () -> { }));
        feed.subscribe(ChangeFeed.listener(heard::add, () -> { }));
        store().write(new Write.PutTenant(Fixtures.tenant("acme", 1), Write.ABSENT));
        assertThat(heard.poll(30, TimeUnit.SECONDS)).isEqualTo(TenantChange.of(Fixtures.tenant("acme", 1)));
        assertThat(store().tenant("acme")).contains(Fixtures.tenant("acme", 1));
    }

    @Test
    default void anotherInstanceHearsOfWritesThroughTheFeed() throws Exception {
        assumeTrue(durable() && store().changeFeed().isPresent(), "only shared backends with a feed reach other nodes");
        BlockingQueue<TenantChange> heard = new LinkedBlockingQueue<>();
        try (Storage other = StorageProviders.open(config())) {
            other.changeFeed().orElseThrow().subscribe(ChangeFeed.listener(heard::add, () -> { }));
            store().write(new Write.PutTenant(Fixtures.tenant("acme", 1), Write.ABSENT));
            assertThat(heard.poll(30, TimeUnit.SECONDS)).isEqualTo(TenantChange.of(Fixtures.tenant("acme", 1)));
        }
    }
}
