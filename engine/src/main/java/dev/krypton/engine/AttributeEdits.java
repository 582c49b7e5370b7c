package dev.krypton.engine;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Applies attribute changes and state transitions to a tenant object's attributes, refusing what
 * KMIP forbids (KMIP 1.4 sections 3.39-3.40: Sensitive only set, Extractable only cleared;
 * section 4.19 Activate only from PRE_ACTIVE; section 4.21 Destroy not while ACTIVE).
 */
final class AttributeEdits {

    private AttributeEdits() {
    }

    static ObjectAttributes apply(ObjectAttributes a, List<AttributeUpdate> updates) {
        if (a.state() == ObjectState.DESTROYED) {
            throw EngineException.illegalState("a destroyed object's attributes cannot change");
        }
        List<String> names = a.names();
        var usage = a.usage();
        boolean sensitive = a.sensitive();
        boolean extractable = a.extractable();
        Map<String, List<String>> custom = new HashMap<>(a.custom());
        for (AttributeUpdate u : updates) {
            switch (u) {
                case AttributeUpdate.SetNames n -> names = n.names();
                case AttributeUpdate.SetCustom c -> custom.put(c.name(), c.values());
                case AttributeUpdate.DeleteCustom d -> {
                    if (custom.remove(d.name()) == null) {
                        throw EngineException.notFound("no attribute " + d.name());
                    }
                }
                case AttributeUpdate.SetUsage s -> usage = s.usage();
                case AttributeUpdate.SetSensitive s -> {
                    if (sensitive && !s.sensitive()) {
                        throw EngineException.invalid("Sensitive cannot be cleared once set");
                    }
                    sensitive = s.sensitive();
                }
                case AttributeUpdate.SetExtractable x -> {
                    if (!extractable && x.extractable()) {
                        throw EngineException.invalid("Extractable cannot be set once cleared");
                    }
                    extractable = x.extractable();
                }
            }
        }
        return new ObjectAttributes(names, a.type(), a.algorithm(), a.lengthBits(), usage, a.state(), sensitive,
                extractable, a.initialDate(), a.activationDate(), a.deactivationDate(), a.compromiseDate(),
                a.destroyDate(), custom, a.digest(), a.firstServed());
    }

    static ObjectAttributes state(ObjectAttributes a, ObjectState target, Instant now) {
        ObjectState s = a.state();
        boolean ok = switch (target) {
            case ACTIVE -> s == ObjectState.PRE_ACTIVE;
            case DEACTIVATED -> s == ObjectState.ACTIVE || s == ObjectState.PRE_ACTIVE;
            case COMPROMISED -> s != ObjectState.DESTROYED && s != ObjectState.COMPROMISED;
            case DESTROYED -> s != ObjectState.ACTIVE && s != ObjectState.DESTROYED;
            case PRE_ACTIVE -> false;
        };
        if (!ok) {
            throw EngineException.illegalState("object is " + s + "; cannot become " + target);
        }
        return new ObjectAttributes(a.names(), a.type(), a.algorithm(), a.lengthBits(), a.usage(), target,
                a.sensitive(), a.extractable(), a.initialDate(),
                target == ObjectState.ACTIVE ? Optional.of(now) : a.activationDate(),
                target == ObjectState.DEACTIVATED || target == ObjectState.COMPROMISED
                        ? Optional.of(a.deactivationDate().orElse(now)) : a.deactivationDate(),
                target == ObjectState.COMPROMISED ? Optional.of(now) : a.compromiseDate(),
                target == ObjectState.DESTROYED ? Optional.of(now) : a.destroyDate(), a.custom(), a.digest(),
                a.firstServed());
    }
}
