/**
 * The KMIP XML and JSON encodings of TTLV items (KMIP Profiles 1.4 sections 5.4 and 5.5, KMIP
 * Profiles 2.1 sections 6.4 and 6.5, first published as KMIP Additional Message Encodings 1.0).
 *
 * <p>{@link dev.krypton.kmip.text.KmipXml} and {@link dev.krypton.kmip.text.KmipJson} read and
 * write the same {@link dev.krypton.kmip.Ttlv} trees as the binary codec. Both decoders treat
 * their input as hostile: bounded by {@link dev.krypton.kmip.DecodeLimits}, and every failure is
 * one {@link dev.krypton.kmip.KmipException}.
 */
package dev.krypton.kmip.text;
