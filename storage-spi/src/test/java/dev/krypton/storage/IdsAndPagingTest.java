package dev.krypton.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class IdsAndPagingTest {

    @Test
    void orderIsByCodePoint() {
        List<String> ids = new ArrayList<>(List.of("a😀", "a\uFFFD", "b", "a"));
        ids.sort(Ids.ORDER);
        assertThat(ids).containsExactly("a", "a\uFFFD", "a😀", "b");
    }

    @Test
    void idsAreCheckedForLengthNulAndSurrogates() {
        assertThat(Ids.require("租户-😀", "Tenant id")).isEqualTo("租户-😀");
        assertThatThrownBy(() -> Ids.require("", "Tenant id")).hasMessage("Tenant id must have 1 to 512 characters.");
        assertThatThrownBy(() -> Ids.require("a\u0000", "Tenant id")).hasMessage("Tenant id must not contain NUL.");
        assertThatThrownBy(() -> Ids.require("\uDE00x", "Tenant id")).hasMessage("Tenant id must be well-formed Unicode.");
    }

    @Test
    void pageCutsAtTheLimitAndPointsAfterTheLastItem() {
        Page<String> page = Page.of(List.of("a", "b", "c"), PageRequest.first(2), s -> s);
        assertThat(page.items()).containsExactly("a", "b");
        assertThat(page.next()).contains(new PageRequest("b", 2));
        assertThat(Page.of(List.of("a", "b"), PageRequest.first(2), s -> s).next()).isEmpty();
        assertThatThrownBy(() -> PageRequest.first(0)).isInstanceOf(StorageException.class);
    }

    @Test
    void batchesMustBeNonEmptyWithDistinctIds() {
        assertThatThrownBy(() -> Write.checkBatch(List.of())).hasMessage("An atomic write needs at least one change.");
        assertThatThrownBy(() -> Write.checkBatch(List.of(new Write.DeleteObject("u", 1), new Write.DeleteObject("u", 2))))
                .hasMessage("An atomic write may change 'u' only once.");
    }

    @Test
    void configReportsBadValuesAndHidesThemInToString() {
        StorageConfig config = new StorageConfig("postgres", Map.of("password", "hunter2", "pool-size", "999"));
        assertThat(config.toString()).doesNotContain("hunter2");
        assertThatThrownBy(() -> config.getInt("pool-size", 8, 1, 200))
                .hasMessage("Storage setting 'pool-size' must be an integer from 1 to 200, not '999'.");
        assertThat(config.getInt("missing", 8, 1, 200)).isEqualTo(8);
    }
}
