/**
 * One file per KMIP operation: its request and response payload records and the
 * {@link dev.krypton.kmip.message.PayloadCodec} that reads them. Adding an operation means adding
 * its file, its tests and a line in {@link dev.krypton.kmip.payload.StandardPayloads}.
 */
package dev.krypton.kmip.payload;
