package dev.krypton.engine;

import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * One change to a tenant object's attributes (KMIP Add/Modify/Delete/Set Attribute). The engine
 * refuses changes KMIP forbids: Sensitive can only become true, Extractable only false.
 */
public sealed interface AttributeUpdate {

    record SetNames(List<String> names) implements AttributeUpdate {
        public SetNames {
            names = List.copyOf(names);
        }
    }

    record SetCustom(String name, List<String> values) implements AttributeUpdate {
        public SetCustom {
            Objects.requireNonNull(name, "name");
            values = List.copyOf(values);
        }
    }

    record DeleteCustom(String name) implements AttributeUpdate {
        public DeleteCustom {
            Objects.requireNonNull(name, "name");
        }
    }

    record SetUsage(Set<KeyUsage> usage) implements AttributeUpdate {
        public SetUsage {
            usage = Set.copyOf(usage);
        }
    }

    record SetSensitive(boolean sensitive) implements AttributeUpdate {
    }

    record SetExtractable(boolean extractable) implements AttributeUpdate {
    }
}
