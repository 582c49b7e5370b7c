/**
 * Version-aware object attributes: {@link dev.krypton.kmip.attribute.AttributeDef} knows which
 * attribute exists in which protocol version, {@link dev.krypton.kmip.attribute.Attributes} holds
 * instances, and {@link dev.krypton.kmip.attribute.AttributeCodec} writes them as KMIP 1.x
 * name/value pairs or KMIP 2.x tagged items, leaving out what the peer's version lacks.
 */
package dev.krypton.kmip.attribute;
