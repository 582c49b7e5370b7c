package dev.krypton.engine;

import dev.krypton.crypto.KeyHandle;
import dev.krypton.storage.ManagedObjectRecord;

/**
 * One L3 KEK version in memory: its key in secure memory, its KMIP state (volatile, read on the
 * hot path without I/O), its GCM invocation budget and the latest stored record.
 */
final class LiveKek {

    final ObjectRef.Kek ref;
    final KeyHandle key;
    final GcmBudget budget;
    volatile ManagedObjectRecord record;
    volatile ObjectAttributes attributes;

    LiveKek(ObjectRef.Kek ref, KeyHandle key, GcmBudget budget, ManagedObjectRecord record, ObjectAttributes attributes) {
        this.ref = ref;
        this.key = key;
        this.budget = budget;
        this.record = record;
        this.attributes = attributes;
    }

    ObjectState state() {
        return attributes.state();
    }

    void update(ManagedObjectRecord next, ObjectAttributes nextAttributes) {
        this.record = next;
        this.attributes = nextAttributes;
    }

    ManagedObject view() {
        return new ManagedObject(ref.uid(), ref.tenant(), ManagedObject.Kind.KEK_VERSION, attributes);
    }
}
