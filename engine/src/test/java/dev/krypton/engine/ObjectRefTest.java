package dev.krypton.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import org.junit.jupiter.api.Test;

/** The hand-written uid parser accepts exactly what the identifier grammar's regular expressions accept. */
class ObjectRefTest {

    private static final String UUID = "0f1e2d3c-4b5a-6978-8796-a5b4c3d2e1f0";

    @Test
    void parsesKekVersionsAndTenantObjects() {
        assertThat(ObjectRef.parse("acme:orders:12")).isEqualTo(new ObjectRef.Kek(TenantId.of("acme"), "orders", 12));
        assertThat(ObjectRef.parse("acme:" + UUID)).isEqualTo(new ObjectRef.Tenant(TenantId.of("acme"), UUID));
        assertThat(ObjectRef.parse("a:b:2147483647")).isInstanceOf(ObjectRef.Kek.class);
    }

    @Test
    void refusesWhatCouldNeverHaveBeenIssued() {
        for (String bad : List.of("", ":", "acme", "acme:", ":orders:1", "acme::1", "acme:orders:0", "acme:orders:01",
                "acme:orders:2147483648", "acme:orders:12345678901", "acme:orders:1:2", "acme:" + UUID.toUpperCase(),
                "acme:" + UUID + "0", "ac me:orders:1", "acme:ord/ers:1", "x".repeat(129) + ":k:1", "acme:orders:-1")) {
            assertThatThrownBy(() -> ObjectRef.parse(bad)).as(bad).isInstanceOfSatisfying(EngineException.class,
                    e -> assertThat(e.code()).isEqualTo(ErrorCode.NOT_FOUND));
        }
    }

    @Test
    void agreesWithTheGrammarOnRandomAndMutatedIdentifiers() {
        Random random = new Random(7);
        String alphabet = "aZ09._-:/ f-";
        List<String> samples = new ArrayList<>(List.of("t:k:1", "t:" + UUID, "x".repeat(128) + ":" + "y".repeat(128) + ":9",
                "x".repeat(150) + ":" + "y".repeat(140) + ":9"));
        for (int i = 0; i < 20_000; i++) {
            StringBuilder b = new StringBuilder(random.nextBoolean() ? "acme:" + (random.nextBoolean() ? UUID : "kek:42") : "");
            int edits = random.nextInt(4);
            for (int e = 0; e < edits; e++) {
                int at = b.isEmpty() ? 0 : random.nextInt(b.length() + 1);
                char c = alphabet.charAt(random.nextInt(alphabet.length()));
                if (random.nextBoolean() && at < b.length()) {
                    b.setCharAt(at, c);
                } else {
                    b.insert(at, c);
                }
            }
            samples.add(b.toString());
        }
        for (String uid : samples) {
            ObjectRef expected = byRegex(uid);
            if (expected == null) {
                assertThatThrownBy(() -> ObjectRef.parse(uid)).as(uid).isInstanceOf(EngineException.class);
            } else {
                assertThat(ObjectRef.parse(uid)).as(uid).isEqualTo(expected);
            }
        }
    }

    private static ObjectRef byRegex(String uid) {
        if (uid.length() > 300) {
            return null;
        }
        Matcher k = ObjectRef.KEK_UID.matcher(uid);
        if (k.matches() && Long.parseLong(k.group(3)) <= Integer.MAX_VALUE) {
            return new ObjectRef.Kek(TenantId.of(k.group(1)), k.group(2), Integer.parseInt(k.group(3)));
        }
        Matcher o = ObjectRef.OBJECT_UID.matcher(uid);
        return o.matches() ? new ObjectRef.Tenant(TenantId.of(o.group(1)), o.group(2)) : null;
    }
}
