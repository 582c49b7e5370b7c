/**
 * The pluggable internal vault (docs/design.md section 5): the storage SPI every backend implements.
 *
 * <p>Storage is <em>untrusted</em>: it only ever receives wrapped key material, opaque attribute
 * bytes and identifiers. A backend must keep what it acknowledged, apply compare-and-set on record
 * generations and make {@link dev.krypton.storage.Storage#write(java.util.List) multi-record writes}
 * atomic; it never needs to understand a blob.
 *
 * <p>Entry points: {@link dev.krypton.storage.StorageProviders#open(StorageConfig)} picks a
 * {@link dev.krypton.storage.StorageProvider} by name through {@link java.util.ServiceLoader};
 * the returned {@link dev.krypton.storage.Storage} holds tenant and managed-object records, a
 * {@link dev.krypton.storage.TaskLog}, {@link dev.krypton.storage.Heartbeats} and, where the
 * backend can, a {@link dev.krypton.storage.ChangeFeed}.
 */
package dev.krypton.storage;
