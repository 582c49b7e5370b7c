package dev.krypton.engine;

import java.util.regex.Pattern;

/**
 * A parsed object identifier (docs/design.md section 3): {@code <tenant>:<kek>:<version>} names an L3
 * KEK version, {@code <tenant>:<uuid>} a tenant object. KEK names are 1-128 characters of
 * {@code [A-Za-z0-9._-]}; versions are 1 to 2^31-1 without leading zeros.
 */
sealed interface ObjectRef {

    Pattern KEK_NAME = Pattern.compile("[A-Za-z0-9._-]{1,128}");
    /** The grammar of a KEK version's uid; {@link #parse(String)} accepts the same without a regex. */
    Pattern KEK_UID = Pattern.compile("([A-Za-z0-9._-]{1,128}):([A-Za-z0-9._-]{1,128}):([1-9][0-9]{0,9})");
    /** The grammar of a tenant object's uid; {@link #parse(String)} accepts the same without a regex. */
    Pattern OBJECT_UID = Pattern.compile("([A-Za-z0-9._-]{1,128}):([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})");

    TenantId tenant();

    String uid();

    record Kek(TenantId tenant, String kek, int version) implements ObjectRef {
        @Override
        public String uid() {
            return tenant.value() + ":" + kek + ":" + version;
        }
    }

    record Tenant(TenantId tenant, String id) implements ObjectRef {
        @Override
        public String uid() {
            return tenant.value() + ":" + id;
        }
    }

    /**
     * Parses a uid; anything else is NOT_FOUND (an identifier we could never have issued): at most
     * 300 characters matching {@link #KEK_UID} (version at most 2^31-1) or {@link #OBJECT_UID}.
     * Scanned by hand: this runs for every request and a regular expression cost more than the
     * rest of the lookup ({@code ObjectRefTest} checks both agree).
     */
    static ObjectRef parse(String uid) {
        int first = uid.indexOf(':');
        int second = first < 0 ? -1 : uid.indexOf(':', first + 1);
        if (uid.length() <= 300 && first > 0 && isName(uid, 0, first)) {
            if (second < 0 && isUuid(uid, first + 1)) {
                return new Tenant(TenantId.of(uid.substring(0, first)), uid.substring(first + 1));
            }
            if (second > 0 && uid.indexOf(':', second + 1) < 0 && isName(uid, first + 1, second)) {
                int version = version(uid, second + 1);
                if (version > 0) {
                    return new Kek(TenantId.of(uid.substring(0, first)), uid.substring(first + 1, second), version);
                }
            }
        }
        throw EngineException.notFound("no object with this unique identifier");
    }

    /** Whether {@code s[from, to)} is 1-128 characters of [A-Za-z0-9._-]. */
    static boolean isName(String s, int from, int to) {
        if (to - from < 1 || to - from > 128) {
            return false;
        }
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            if (!(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '.' || c == '_' || c == '-')) {
                return false;
            }
        }
        return true;
    }

    /** Whether {@code s} from {@code from} to its end is a lower-case 8-4-4-4-12 hex UUID. */
    private static boolean isUuid(String s, int from) {
        if (s.length() - from != 36) {
            return false;
        }
        for (int i = 0; i < 36; i++) {
            char c = s.charAt(from + i);
            boolean ok = i == 8 || i == 13 || i == 18 || i == 23 ? c == '-' : c >= '0' && c <= '9' || c >= 'a' && c <= 'f';
            if (!ok) {
                return false;
            }
        }
        return true;
    }

    /** The version from {@code from} to the end: 1 to 2^31-1 without leading zeros, else 0. */
    private static int version(String s, int from) {
        int n = s.length() - from;
        if (n < 1 || n > 10 || s.charAt(from) == '0') {
            return 0;
        }
        long v = 0;
        for (int i = from; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return 0;
            }
            v = v * 10 + (c - '0');
        }
        return v <= Integer.MAX_VALUE ? (int) v : 0;
    }

    static String requireKekName(String name) {
        if (name == null || !KEK_NAME.matcher(name).matches()) {
            throw EngineException.invalid("KEK name must be 1-128 characters of [A-Za-z0-9._-]");
        }
        return name;
    }
}
