/**
 * The KMIP protocol model and its TTLV binary codec.
 *
 * <ul>
 *   <li>{@link dev.krypton.kmip.Ttlv}: the sealed tree of items, one record per
 *       {@link dev.krypton.kmip.ItemType}.</li>
 *   <li>{@link dev.krypton.kmip.Tag} and the enumeration families such as
 *       {@link dev.krypton.kmip.Operation}: typed values with the names of the KMIP 1.4 and 2.1
 *       specifications, generated from their text by {@code kmip/tools/gen_tables.py};
 *       {@link dev.krypton.kmip.EnumFamily} maps an item's tag to its family for the text codecs.</li>
 *   <li>{@link dev.krypton.kmip.TtlvEncoder}, {@link dev.krypton.kmip.TtlvDecoder} and
 *       {@link dev.krypton.kmip.TtlvFrames}: bytes and streams, bounded by
 *       {@link dev.krypton.kmip.DecodeLimits}.</li>
 *   <li>{@link dev.krypton.kmip.KmipException}: the one exception, carrying a
 *       {@link dev.krypton.kmip.ResultReason}.</li>
 * </ul>
 */
package dev.krypton.kmip;
