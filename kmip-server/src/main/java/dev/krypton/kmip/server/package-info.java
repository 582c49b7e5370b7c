/**
 * The KMIP server (docs/design.md section 8): {@link dev.krypton.kmip.server.KmipServer} listens for
 * TTLV over mutual TLS, takes the principal from the client certificate by an
 * {@link dev.krypton.kmip.server.IdentityRule}, and dispatches every batch item to its operation
 * handler, which calls the engine (policy is checked there, per item).
 */
package dev.krypton.kmip.server;
