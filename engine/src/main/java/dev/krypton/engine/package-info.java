/**
 * The Krypton engine: tenants and their key hierarchy (docs/design.md section 3), the operations the
 * KMIP layer calls, who may call them, and the audit record. No transport and no wire format.
 *
 * <h2>Faces</h2>
 * <ul>
 *   <li>{@link dev.krypton.engine.TenantCommands}: lifecycle commands for the Orbital intake.</li>
 *   <li>{@link dev.krypton.engine.KeyOperations}: KMIP-level operations for the KMIP server, each
 *       with a {@link dev.krypton.engine.Principal}.</li>
 * </ul>
 *
 * <h2>Command semantics (idempotent; "no-op" means {@code changed = false})</h2>
 * <pre>
 * command           UNLINKED         ACTIVE               DISABLED        ROOT_REVOKED     DESTROYED   unknown
 * Link(ref)         ACTIVE (1)       no-op (1)            ILLEGAL_STATE   ACTIVE (1)       ILLEGAL     new L2, ACTIVE
 * Unlink            no-op            UNLINKED             no-op           UNLINKED         no-op       NOT_FOUND
 * Disable           DISABLED         DISABLED             no-op           DISABLED         ILLEGAL     NOT_FOUND
 * Enable            ILLEGAL_STATE    no-op                ACTIVE          ILLEGAL_STATE    ILLEGAL     NOT_FOUND
 * SwitchRootKey     ILLEGAL_STATE    re-wrap L2 (2)       ILLEGAL_STATE   ILLEGAL_STATE    ILLEGAL     NOT_FOUND
 * RotateRootKey     ILLEGAL_STATE    re-wrap L2           ILLEGAL_STATE   ILLEGAL_STATE    ILLEGAL     NOT_FOUND
 * RotateTenantKey   ILLEGAL_STATE    new L2, L3 re-wrap   ILLEGAL_STATE   ILLEGAL_STATE    ILLEGAL     NOT_FOUND
 * Destroy           DESTROYED        DESTROYED            DESTROYED       DESTROYED        no-op       NOT_FOUND
 * (1) the root key must equal the bound one (provider and key id), else INVALID_ARGUMENT: use SwitchRootKey.
 * (2) no-op when the new root key equals the bound one.
 * </pre>
 * Every change bumps the tenant's generation (so do KEK create, rotate, revoke and destroy, so that
 * other nodes hear of them through the storage change feed). Commands that leave ACTIVE return only after every
 * key of the tenant is wiped; after that no operation of the tenant succeeds.
 *
 * <h2>Identifiers</h2>
 * L3 KEK version: {@code <tenant>:<kek>:<version>}; tenant object: {@code <tenant>:<uuid>}.
 *
 * <h2>Error mapping for KMIP</h2>
 * NOT_FOUND: Item Not Found; PERMISSION_DENIED: Permission Denied; INVALID_ARGUMENT: Invalid
 * Field; ILLEGAL_STATE: Wrong Key Lifecycle State (2.x) or Permission Denied (1.x); CRYPTO:
 * Cryptographic Failure; anything else: General Failure.
 */
package dev.krypton.engine;
