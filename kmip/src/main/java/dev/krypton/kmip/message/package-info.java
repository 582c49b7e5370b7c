/**
 * Typed KMIP messages (KMIP 1.4 section 7, KMIP 2.1 section 8): request and response messages,
 * headers and batch items, converted to and from the TTLV tree by {@link dev.krypton.kmip.message.MessageCodec}.
 * Payloads are read through a {@link dev.krypton.kmip.message.PayloadRegistry} of per-operation
 * {@link dev.krypton.kmip.message.PayloadCodec}s; operations without one stay {@link dev.krypton.kmip.message.RawPayload}.
 * {@link dev.krypton.kmip.message.Fields} and {@link dev.krypton.kmip.message.Builder} are the strict
 * field reader and ordered writer every payload uses.
 */
package dev.krypton.kmip.message;
