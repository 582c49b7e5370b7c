package dev.krypton.kmip.text;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A parsed JSON value (RFC 8259), the intermediate form between JSON text and TTLV items.
 * Numbers keep their literal text so that no precision is lost before the item type is known.
 */
sealed interface Json {

    /** An object; member names are unique, in document order. */
    record Obj(Map<String, Json> members) implements Json {
        /** Copies the members, keeping their order. */
        public Obj {
            members = Collections.unmodifiableMap(new LinkedHashMap<>(members));
        }
    }

    /** An array. */
    record Arr(List<Json> items) implements Json {
        /** Copies the items. */
        public Arr {
            items = List.copyOf(items);
        }
    }

    /** A string. */
    record Str(String value) implements Json {
    }

    /** A number, as its literal text. */
    record Num(String literal) implements Json {
    }

    /** {@code true} or {@code false}. */
    record Bool(boolean value) implements Json {
    }

    /** {@code null}. */
    record Null() implements Json {
    }
}
