/**
 * One handler per KMIP operation ({@link dev.krypton.kmip.server.operation.OperationHandler}),
 * mapping KMIP payloads to the engine's {@code KeyOperations} and back.
 *
 * <p>Conventions of this server: an L3 KEK is created with Create and an Object Group attribute
 * {@code kek}, its one Name being the KEK name; the tenant of a new object is the principal's only
 * tenant, otherwise the tenant id given as (another) Object Group value; Get Attributes reports the
 * owning tenant as Object Group (and {@code kek} for L3 versions).
 */
package dev.krypton.kmip.server.operation;
