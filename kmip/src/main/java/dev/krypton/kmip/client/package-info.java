/**
 * A blocking KMIP client over mutual TLS with a small connection pool and pipelining:
 * {@link dev.krypton.kmip.client.KmipClient} for messages, {@link dev.krypton.kmip.client.KmipOperations}
 * for one call per operation, {@link dev.krypton.kmip.client.TlsSettings} for certificates, CAs,
 * protocols and cipher suites.
 */
package dev.krypton.kmip.client;
