package dev.krypton.engine;

import dev.krypton.engine.audit.AuditEvent;
import dev.krypton.engine.audit.AuditKind;
import dev.krypton.engine.audit.AuditSink;
import dev.krypton.engine.policy.Policy;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/**
 * {@link KeyOperations} for the KMIP server: each call checks policy first (so a caller cannot
 * learn what exists in tenants it may not use), then runs one of the engine parts, and audits
 * principal, tenant, object and result. Unexpected faults become INTERNAL without detail.
 */
final class Operations implements KeyOperations {

    private final Supplier<Policy> policy;
    private final AuditSink audit;
    private final KekVersions keks;
    private final TenantObjects objects;
    private final Ciphers ciphers;
    private final Locator locator;
    private final Registry registry;
    private final EngineOptions options;
    private final Leases leases;

    Operations(Supplier<Policy> policy, AuditSink audit, KekVersions keks, TenantObjects objects, Ciphers ciphers,
               Locator locator, Registry registry, EngineOptions options, Leases leases) {
        this.policy = policy;
        this.audit = audit;
        this.keks = keks;
        this.objects = objects;
        this.ciphers = ciphers;
        this.locator = locator;
        this.registry = registry;
        this.options = options;
        this.leases = leases;
    }

    @Override
    public Optional<TenantId> defaultTenant(Principal principal) {
        leases.check();
        Set<TenantId> all = locator.known(principal, policy.get());
        return all.size() == 1 ? Optional.of(all.iterator().next()) : Optional.empty();
    }

    @Override
    public Set<TenantId> tenantsAllowed(Principal principal, Operation operation) {
        leases.check();
        return policy.get().tenantsFor(principal, operation, locator.tenantIds());
    }

    @Override
    public ManagedObject createKek(Principal p, TenantId tenant, String kekName) {
        return run(p, Operation.CREATE, tenant, kekName, () -> keks.create(tenant, kekName));
    }

    @Override
    public ManagedObject rekey(Principal p, String uid) {
        ObjectRef ref = ObjectRef.parse(uid);
        return run(p, Operation.REKEY, ref.tenant(), uid, () -> switch (ref) {
            case ObjectRef.Kek k -> keks.rekey(k);
            case ObjectRef.Tenant t -> throw EngineException.invalid("ReKey is supported for L3 KEK versions only");
        });
    }

    @Override
    public ManagedObject create(Principal p, TenantId tenant, ObjectTemplate template) {
        return run(p, Operation.CREATE, tenant, "", () -> objects.create(tenant, template));
    }

    @Override
    public ManagedObject register(Principal p, TenantId tenant, ObjectType type, byte[] material, ObjectTemplate t) {
        byte[] copy = material.clone();
        return run(p, Operation.REGISTER, tenant, "", () -> objects.register(tenant, type, copy, t));
    }

    @Override
    public ManagedObject attributes(Principal p, String uid) {
        ObjectRef ref = ObjectRef.parse(uid);
        return run(p, Operation.GET_ATTRIBUTES, ref.tenant(), uid, () -> locator.attributes(ref));
    }

    @Override
    public ManagedObject attributes(Principal p, String uid, Operation op, String action) {
        ObjectRef ref = ObjectRef.parse(uid);
        return run(p, op, action, ref.tenant(), uid, () -> locator.attributes(ref));
    }

    @Override
    public ManagedObject attributesForUse(Principal p, String uid, Operation op) {
        if (op != Operation.ENCRYPT && op != Operation.DECRYPT) {
            throw EngineException.invalid("attributes for use are read for ENCRYPT or DECRYPT only");
        }
        leases.check();
        ObjectRef ref = ObjectRef.parse(uid);
        if (!policy.get().allows(p, ref.tenant(), op)) {
            throw denial(p, ref.tenant(), uid, op);
        }
        return locator.attributes(ref);
    }

    @Override
    public ManagedObject recordUse(Principal p, String uid, Operation op, String customKey,
                                   java.util.function.UnaryOperator<List<String>> edit) {
        if (op != Operation.ENCRYPT && op != Operation.DECRYPT) {
            throw EngineException.invalid("uses are recorded for ENCRYPT or DECRYPT only");
        }
        leases.check();
        ObjectRef.Tenant t = tenantObject(ObjectRef.parse(uid));
        if (!policy.get().allows(p, t.tenant(), op)) {
            throw denial(p, t.tenant(), uid, op);
        }
        try {
            return objects.change(t, a -> AttributeEdits.apply(a, List.of(new AttributeUpdate.SetCustom(customKey,
                    edit.apply(a.custom().getOrDefault(customKey, List.of()))))));
        } catch (EngineException e) {
            audit.record(new AuditEvent(e.code() == ErrorCode.PERMISSION_DENIED ? AuditKind.DENIAL : AuditKind.OPERATION,
                    p.name(), t.tenant().value(), uid, op.name(), e.code().name(), "usage"));
            throw e;
        }
    }

    @Override
    public byte[] randomBytes(int length) {
        if (length < 0) {
            throw EngineException.invalid("length must not be negative");
        }
        return ciphers.random(length);
    }

    @Override
    public KeyMaterial material(Principal p, String uid) {
        ObjectRef ref = ObjectRef.parse(uid);
        return run(p, Operation.GET, ref.tenant(), uid, () -> switch (ref) {
            case ObjectRef.Kek k -> {
                registry.active(k.tenant());
                throw EngineException.denied("L3 KEKs never leave the core");
            }
            case ObjectRef.Tenant t -> objects.material(t);
        });
    }

    @Override
    public List<String> locate(Principal p, LocateQuery query) {
        leases.check();
        Policy current = policy.get();
        Set<TenantId> allowed = current.tenantsFor(p, Operation.LOCATE,
                query.tenants().isEmpty() ? locator.tenantIds() : query.tenants());
        if (!query.tenants().isEmpty() && allowed.size() < query.tenants().size()) {
            audit.record(new AuditEvent(AuditKind.DENIAL, p.name(), String.join(",", query.tenants().stream()
                    .map(TenantId::value).sorted().toList()), "", "LOCATE", "PERMISSION_DENIED", "tenant not allowed"));
            throw EngineException.denied("principal may not LOCATE in every tenant asked for");
        }
        List<String> found = locator.locate(allowed, query);
        audit.record(new AuditEvent(AuditKind.OPERATION, p.name(), "", "", "LOCATE", "ok", found.size() + " found"));
        return found;
    }

    @Override
    public ManagedObject updateAttributes(Principal p, String uid, List<AttributeUpdate> updates) {
        ObjectRef ref = ObjectRef.parse(uid);
        List<AttributeUpdate> copy = List.copyOf(updates);
        return run(p, Operation.SET_ATTRIBUTES, ref.tenant(), uid, () -> objects.change(tenantObject(ref),
                a -> AttributeEdits.apply(a, copy)));
    }

    @Override
    public ManagedObject activate(Principal p, String uid) {
        ObjectRef ref = ObjectRef.parse(uid);
        return run(p, Operation.ACTIVATE, ref.tenant(), uid, () -> objects.change(tenantObject(ref),
                a -> AttributeEdits.state(a, ObjectState.ACTIVE, objects.now())));
    }

    @Override
    public ManagedObject revoke(Principal p, String uid, RevocationReason reason) {
        ObjectRef ref = ObjectRef.parse(uid);
        return run(p, Operation.REVOKE, ref.tenant(), uid, () -> switch (ref) {
            case ObjectRef.Kek k -> keks.revoke(k, reason);
            case ObjectRef.Tenant t -> objects.change(t, a -> AttributeEdits.state(a,
                    reason.compromise() ? ObjectState.COMPROMISED : ObjectState.DEACTIVATED, objects.now()));
        });
    }

    @Override
    public void destroy(Principal p, String uid) {
        ObjectRef ref = ObjectRef.parse(uid);
        run(p, Operation.DESTROY, ref.tenant(), uid, () -> switch (ref) {
            case ObjectRef.Kek k -> {
                keks.destroy(k);
                yield null;
            }
            case ObjectRef.Tenant t -> objects.change(t, a -> AttributeEdits.state(a, ObjectState.DESTROYED, objects.now()));
        });
    }

    @Override
    public EncryptResult encrypt(Principal p, EncryptRequest request) {
        ObjectRef ref = ObjectRef.parse(request.uid());
        return run(p, Operation.ENCRYPT, ref.tenant(), request.uid(), () -> switch (allowedMode(ref, request.mode())) {
            case ObjectRef.Kek k -> ciphers.encrypt(k, request);
            case ObjectRef.Tenant t -> ciphers.encryptWithTenantKey(t, request, objects, options.gcmLimit());
        });
    }

    @Override
    public byte[] encryptGcmPart(Principal p, EncryptRequest request, int offset) {
        ObjectRef ref = ObjectRef.parse(request.uid());
        return run(p, Operation.ENCRYPT, ref.tenant(), request.uid(), () -> switch (ref) {
            case ObjectRef.Kek k -> ciphers.gcmPart(k, request, offset);
            case ObjectRef.Tenant t -> ciphers.gcmPartWithTenantKey(t, request, offset, objects);
        });
    }

    @Override
    public byte[] decrypt(Principal p, DecryptRequest request) {
        ObjectRef ref = ObjectRef.parse(request.uid());
        return run(p, Operation.DECRYPT, ref.tenant(), request.uid(), () -> switch (allowedMode(ref, request.mode())) {
            case ObjectRef.Kek k -> ciphers.decrypt(k, request);
            case ObjectRef.Tenant t -> ciphers.decryptWithTenantKey(t, request, objects);
        });
    }

    /** {@code ref}, unless the policy forbids {@code mode} (a mode without integrity): then PERMISSION_DENIED. */
    private ObjectRef allowedMode(ObjectRef ref, CipherMode mode) {
        if (mode.unauthenticated() && !policy.get().unauthenticatedModes()) {
            throw EngineException.denied("the policy forbids " + mode + " (a mode without integrity)");
        }
        return ref;
    }

    private static ObjectRef.Tenant tenantObject(ObjectRef ref) {
        return switch (ref) {
            case ObjectRef.Kek k -> throw EngineException.denied("attributes and state of L3 KEK versions are managed by ReKey, Revoke and Destroy");
            case ObjectRef.Tenant t -> t;
        };
    }

    private EngineException denial(Principal p, TenantId tenant, String object, Operation op) {
        return denial(p, tenant, object, op, op.name());
    }

    private EngineException denial(Principal p, TenantId tenant, String object, Operation op, String action) {
        audit.record(new AuditEvent(AuditKind.DENIAL, p.name(), tenant.value(), object, action,
                ErrorCode.PERMISSION_DENIED.name(), "policy"));
        return EngineException.denied("principal " + p.name() + " may not " + op + " in tenant " + tenant);
    }

    @Override
    public UndoLog startUndoLog(Principal p) {
        UndoJournal journal = UndoJournal.start();
        return new UndoLog() {
            @Override
            public void undo() {
                journal.stop();
                if (journal.irreversible()) {
                    throw EngineException.illegalState("an L3 KEK changed in this batch; it cannot be undone");
                }
                for (var change : journal.latestFirst()) {
                    ObjectRef.Tenant ref = tenantObject(ObjectRef.parse(change.getKey()));
                    try {
                        objects.restore(ref, change.getValue());
                        audit.record(new AuditEvent(AuditKind.OPERATION, p.name(), ref.tenant().value(), ref.uid(), "UNDO",
                                "ok", ""));
                    } catch (EngineException e) {
                        audit.record(new AuditEvent(AuditKind.OPERATION, p.name(), ref.tenant().value(), ref.uid(), "UNDO",
                                e.code().name(), ""));
                        throw e;
                    }
                }
            }

            @Override
            public void close() {
                journal.stop();
            }
        };
    }

    /**
     * Policy, then the operation between the two ends of a {@link Leases lease}: nothing it
     * produced leaves unless the node is still within its confirmed window and the tenant still
     * has the runtime it had at the start.
     */
    private <T> T run(Principal p, Operation op, TenantId tenant, String object, Supplier<T> action) {
        return run(p, op, op.name(), tenant, object, action);
    }

    /** Checks the policy for {@code op}, runs {@code action} and audits it under {@code name}. */
    private <T> T run(Principal p, Operation op, String name, TenantId tenant, String object, Supplier<T> action) {
        if (!policy.get().allows(p, tenant, op)) {
            throw denial(p, tenant, object, op, name);
        }
        try {
            Leases.Lease lease = leases.take(tenant);
            T result;
            try {
                result = action.get();
            } catch (EngineException e) {
                throw leases.failed(lease, e);
            }
            result = leases.release(lease, result);
            audit.record(new AuditEvent(AuditKind.OPERATION, p.name(), tenant.value(), object, name, "ok", ""));
            return result;
        } catch (EngineException e) {
            audit.record(new AuditEvent(e.code() == ErrorCode.PERMISSION_DENIED ? AuditKind.DENIAL : AuditKind.OPERATION,
                    p.name(), tenant.value(), object, name, e.code().name(), ""));
            throw e;
        } catch (RuntimeException e) {
            audit.record(new AuditEvent(AuditKind.OPERATION, p.name(), tenant.value(), object, name,
                    ErrorCode.INTERNAL.name(), e.getClass().getSimpleName()));
            throw new EngineException(ErrorCode.INTERNAL, "internal failure", e);
        }
    }
}
