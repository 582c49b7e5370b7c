package dev.krypton.engine;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The southbound face of the engine, used by the KMIP server: one method per KMIP operation the
 * engine serves (docs/design.md section 8). Every call checks policy (default deny) and that the
 * object's tenant is ACTIVE in memory, without I/O on the hot path (encrypt, decrypt), and is
 * audited with principal, tenant, object and result.
 *
 * <p>Errors: {@link ErrorCode#NOT_FOUND} unknown object; {@link ErrorCode#PERMISSION_DENIED}
 * policy, tenant not ACTIVE, or wrong tenant; {@link ErrorCode#INVALID_ARGUMENT} bad field;
 * {@link ErrorCode#ILLEGAL_STATE} object state forbids it; {@link ErrorCode#CRYPTO} tag or
 * integrity failure; {@link ErrorCode#INTERNAL} anything else.
 */
public interface KeyOperations {

    /** The tenant a principal acts on when a request names none: its only allowed tenant, if any. */
    Optional<TenantId> defaultTenant(Principal principal);

    /** The tenants a principal may perform {@code operation} on (upstream mode: its own name). */
    Set<TenantId> tenantsAllowed(Principal principal, Operation operation);

    /** Creates L3 KEK {@code kekName} ([A-Za-z0-9._-]{1,128}), version 1, ACTIVE; INVALID_ARGUMENT if it exists. */
    ManagedObject createKek(Principal principal, TenantId tenant, String kekName);

    /** KMIP ReKey of an L3 version: a new ACTIVE version; the previous ACTIVE one becomes DEACTIVATED. */
    ManagedObject rekey(Principal principal, String uid);

    /** Creates a random tenant symmetric key described by the template, stored wrapped under L2. */
    ManagedObject create(Principal principal, TenantId tenant, ObjectTemplate template);

    /** Registers caller-supplied key material or secret data, stored wrapped under L2. */
    ManagedObject register(Principal principal, TenantId tenant, ObjectType type, byte[] material,
                           ObjectTemplate template);

    /** KMIP Get Attributes: the object's attributes, no key material. */
    ManagedObject attributes(Principal principal, String uid);

    /**
     * The object's attributes as KMIP operation {@code action} (Get, Check, Add Attribute, ...)
     * reads them before it acts: checked against the policy for {@code operation} and audited, a
     * refusal included, under {@code action} (its name as the audit log shows it, such as
     * {@code CHECK}), so a refused Get is recorded as GET and not as a Get Attributes.
     */
    ManagedObject attributes(Principal principal, String uid, Operation operation, String action);

    /** KMIP Get of key material: refused for L3 KEKs and for Sensitive or non-Extractable objects. */
    KeyMaterial material(Principal principal, String uid);

    /** KMIP Locate: identifiers of matching objects in the tenants the principal may search. */
    List<String> locate(Principal principal, LocateQuery query);

    /** KMIP Add/Modify/Delete/Set Attribute on a tenant object. */
    ManagedObject updateAttributes(Principal principal, String uid, List<AttributeUpdate> updates);

    /** KMIP Activate: PRE_ACTIVE to ACTIVE. */
    ManagedObject activate(Principal principal, String uid);

    /** KMIP Revoke: to COMPROMISED for compromise reasons, else DEACTIVATED (decrypt only). */
    ManagedObject revoke(Principal principal, String uid, RevocationReason reason);

    /** KMIP Destroy: crypto-shreds the object (must not be ACTIVE); for an L3 version, every L4 it wrapped. */
    void destroy(Principal principal, String uid);

    /**
     * The attributes of {@code uid} as the server needs them to carry out an Encrypt or Decrypt
     * ({@code operation}): checked against the policy for that operation (not GET_ATTRIBUTES), so a
     * principal that may only encrypt still gets the key's default parameters and usage dates. A
     * denial is audited; a successful read is not (the operation that follows is).
     */
    ManagedObject attributesForUse(Principal principal, String uid, Operation operation);

    /**
     * Records a use of tenant object {@code uid} for {@code operation} (ENCRYPT or DECRYPT) in one of
     * its free-form attributes: {@code edit} maps the current values of {@code customKey} to the new
     * ones (the KMIP layer's Usage Limits count). Checked against the policy for that operation;
     * serialized per tenant and compare-and-set in storage. If {@code edit} throws (an
     * {@link EngineException}, such as PERMISSION_DENIED for an exhausted limit), nothing is written.
     */
    ManagedObject recordUse(Principal principal, String uid, Operation operation, String customKey,
                            java.util.function.UnaryOperator<List<String>> edit);

    /**
     * {@code length} bytes from the crypto engine's generator (OpenSSL RAND_bytes with the native
     * engine, the JDK's default SecureRandom with the JCE one), for KMIP RNG Retrieve; no tenant,
     * no policy.
     */
    byte[] randomBytes(int length);

    /** KMIP Encrypt: wraps an L4 (or any data) with an ACTIVE L3 version or tenant key. */
    EncryptResult encrypt(Principal principal, EncryptRequest request);

    /**
     * A later part of a multi-part GCM Encrypt (KMIP Init, Final Indicator and Correlation Value):
     * the GCM ciphertext of {@code request.data()} when it starts at byte {@code offset} of the
     * plaintext encrypted under the 12-byte {@code request.iv()}, that is the data XOR GCM's counter
     * key stream from block {@code 2 + offset / 16}. Work is proportional to the part, and nothing
     * derived from the key is kept between parts. No tag: the caller computes it with one
     * {@link #encrypt} of the whole plaintext at the end, and counts the GCM invocation with an
     * {@link #encrypt} of the first part. Policy, tenant and key state as for {@link #encrypt}.
     */
    byte[] encryptGcmPart(Principal principal, EncryptRequest request, int offset);

    /** Starts recording this thread's changes for a KMIP batch with the Undo option (see {@link UndoLog}). */
    UndoLog startUndoLog(Principal principal);

    /** KMIP Decrypt: unwraps with an ACTIVE, DEACTIVATED or COMPROMISED key. */
    byte[] decrypt(Principal principal, DecryptRequest request);

    /** Whether {@code uid} has the form of an L3 KEK version's identifier (tenant:kek:version). */
    static boolean isKekVersion(String uid) {
        return uid.length() <= 300 && ObjectRef.KEK_UID.matcher(uid).matches();
    }
}
