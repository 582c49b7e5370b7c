package dev.krypton.storage.tck;

import static org.assertj.core.api.Assertions.assertThat;

import dev.krypton.storage.Ids;
import dev.krypton.storage.ManagedObjectRecord;
import dev.krypton.storage.ObjectQuery;
import dev.krypton.storage.Page;
import dev.krypton.storage.PageRequest;
import dev.krypton.storage.TenantGeneration;
import dev.krypton.storage.TenantRecord;
import dev.krypton.storage.TenantState;
import dev.krypton.storage.Write;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Listing and keyset paging in Unicode code point order. */
public interface PagingContract extends StorageContext {

    @Test
    default void tenantsPageInIdOrderUntilTheEnd() {
        List<Write> writes = new ArrayList<>();
        for (int i = 0; i < 25; i++) {
            writes.add(new Write.PutTenant(Fixtures.tenant("t%02d".formatted(i), 1), Write.ABSENT));
        }
        store().write(writes);
        List<Integer> sizes = new ArrayList<>();
        List<String> all = new ArrayList<>();
        Optional<PageRequest> next = Optional.of(PageRequest.first(10));
        while (next.isPresent()) {
            Page<TenantRecord> page = store().tenants(next.get());
            sizes.add(page.items().size());
            page.items().forEach(t -> all.add(t.tenantId()));
            next = page.next();
        }
        assertThat(sizes).containsExactly(10, 10, 5);
        assertThat(all).hasSize(25).isSortedAccordingTo(Ids.ORDER).doesNotHaveDuplicates();
    }

    @Test
    default void tenantGenerationsAreTheTenantsWithoutTheirBlobsInTheSameOrderAndPages() {
        List<Write> writes = new ArrayList<>();
        List<String> ids = List.of("a", "a\uFFFD", "a😀", "b", "É", "ä", "z");
        for (int i = 0; i < ids.size(); i++) {
            TenantState state = i % 3 == 0 ? TenantState.UNLINKED : TenantState.ACTIVE;
            writes.add(new Write.PutTenant(Fixtures.tenant(ids.get(i), i + 1, state, 60), Write.ABSENT));
        }
        store().write(writes);
        List<TenantGeneration> listed = new ArrayList<>();
        List<TenantGeneration> expected = new ArrayList<>();
        Optional<PageRequest> next = Optional.of(PageRequest.first(3));
        while (next.isPresent()) {
            Page<TenantGeneration> page = store().tenantGenerations(next.get());
            Page<TenantRecord> full = store().tenants(next.get());
            listed.addAll(page.items());
            full.items().forEach(r -> expected.add(TenantGeneration.of(r)));
            assertThat(page.next()).isEqualTo(full.next());
            next = page.next();
        }
        assertThat(listed).hasSize(ids.size()).isEqualTo(expected);
        assertThat(listed).contains(new TenantGeneration("a😀", TenantState.ACTIVE, 3),
                new TenantGeneration("a", TenantState.UNLINKED, 1));
    }

    @Test
    default void aFullLastPageHasNoNext() {
        for (int i = 0; i < 4; i++) {
            store().write(new Write.PutTenant(Fixtures.tenant("t" + i, 1), Write.ABSENT));
        }
        Page<TenantRecord> first = store().tenants(PageRequest.first(2));
        assertThat(first.next()).isPresent();
        Page<TenantRecord> second = store().tenants(first.next().get());
        assertThat(second.items()).extracting(TenantRecord::tenantId).containsExactly("t2", "t3");
        assertThat(second.next()).isEmpty();
        assertThat(store().tenants(PageRequest.first(5)).next()).isEmpty();
    }

    @Test
    default void orderIsByCodePointNotByUtf16() {
        List<String> ids = List.of("a", "a\uFFFD", "a😀", "b", "É", "ä", "z");
        for (String id : ids.reversed()) {
            store().write(new Write.PutTenant(Fixtures.tenant(id, 1), Write.ABSENT));
        }
        List<String> listed = new ArrayList<>();
        Optional<PageRequest> next = Optional.of(PageRequest.first(2));
        while (next.isPresent()) {
            Page<TenantRecord> page = store().tenants(next.get());
            page.items().forEach(t -> listed.add(t.tenantId()));
            next = page.next();
        }
        assertThat(listed).containsExactly("a", "a\uFFFD", "a😀", "b", "z", "É", "ä");
    }

    @Test
    default void objectQueriesPageWithinTheirMatches() {
        List<Write> writes = new ArrayList<>();
        for (int v = 1; v <= 12; v++) {
            writes.add(new Write.PutObject(Fixtures.kek("acme", "k", v, 1), Write.ABSENT));
            writes.add(new Write.PutObject(Fixtures.kek("acme", "other", v, 1), Write.ABSENT));
        }
        store().write(writes);
        ObjectQuery query = ObjectQuery.tenant("acme").withName("k");
        List<String> uids = new ArrayList<>();
        Optional<PageRequest> next = Optional.of(PageRequest.first(5));
        int pages = 0;
        while (next.isPresent()) {
            Page<ManagedObjectRecord> page = store().objects(query, next.get());
            page.items().forEach(o -> uids.add(o.uid()));
            next = page.next();
            pages++;
        }
        assertThat(pages).isEqualTo(3);
        assertThat(uids).hasSize(12).allMatch(u -> u.startsWith("acme:k:")).isSortedAccordingTo(Ids.ORDER);
    }
}
