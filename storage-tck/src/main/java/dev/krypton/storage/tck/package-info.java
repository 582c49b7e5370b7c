/**
 * The storage conformance kit and the in-memory reference backend.
 *
 * <p>A backend proves itself by extending {@link dev.krypton.storage.tck.StorageConformanceTest}
 * (and, if it is durable, {@link dev.krypton.storage.tck.CrashConformanceTest}) in its own tests and
 * supplying configurations; the kit runs unchanged against every backend. The
 * {@link dev.krypton.storage.tck.MemoryStorage memory} backend is the fake other modules test with.
 */
package dev.krypton.storage.tck;
