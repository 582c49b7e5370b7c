package dev.krypton.engine;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A parsed object identifier (DESIGN.md section 3): {@code <tenant>:<kek>:<version>} names an L3
 * KEK version, {@code <tenant>:<uuid>} a tenant object. KEK names are 1-128 characters of
 * {@code [A-Za-z0-9._-]}; versions are 1 to 2^31-1 without leading zeros.
 */
sealed interface ObjectRef {

    Pattern KEK_NAME = Pattern.compile("[A-Za-z0-9._-]{1,128}");
    Pattern KEK_UID = Pattern.compile("([A-Za-z0-9._-]{1,128}):([A-Za-z0-9._-]{1,128}):([1-9][0-9]{0,9})");
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

    /** Parses a uid; anything else is NOT_FOUND (an identifier we could never have issued). */
    static ObjectRef parse(String uid) {
        if (uid.length() <= 300) {
            Matcher k = KEK_UID.matcher(uid);
            if (k.matches()) {
                long v = Long.parseLong(k.group(3));
                if (v <= Integer.MAX_VALUE) {
                    return new Kek(TenantId.of(k.group(1)), k.group(2), (int) v);
                }
            }
            Matcher o = OBJECT_UID.matcher(uid);
            if (o.matches()) {
                return new Tenant(TenantId.of(o.group(1)), o.group(2));
            }
        }
        throw EngineException.notFound("no object with this unique identifier");
    }

    static String requireKekName(String name) {
        if (name == null || !KEK_NAME.matcher(name).matches()) {
            throw EngineException.invalid("KEK name must be 1-128 characters of [A-Za-z0-9._-]");
        }
        return name;
    }
}
