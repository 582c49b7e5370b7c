package dev.krypton.kmip;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The generated tables hold what the specification texts hold. The counts are those printed by
 * kmip/tools/gen_tables.py (rows of the KMIP 1.4 section 9.1.3 and KMIP 2.1 section 11/12 tables).
 */
class TablesTest {

    private static long count(List<? extends KmipEnum> values, SpecVersion version) {
        return values.stream().filter(v -> v.versions().contains(version)).count();
    }

    private static List<EnumFamily<?>> families(EnumFamily.Kind kind) {
        return EnumFamily.all().stream()
                .filter(f -> f.kind() == kind && f != EnumFamily.ITEM_TYPES)
                .toList();
    }

    private static long values(List<EnumFamily<?>> families, SpecVersion version) {
        return families.stream().mapToLong(f -> count(f.values(), version)).sum();
    }

    @Test
    void tag_counts_match_both_specifications() {
        assertThat(Tag.knownTags()).hasSize(372);
        assertThat(count(Tag.knownTags(), SpecVersion.KMIP_1)).isEqualTo(292);
        assertThat(count(Tag.knownTags(), SpecVersion.KMIP_2)).isEqualTo(355);
    }

    @Test
    void kmip_2_1_tags_written_with_a_hex_prefix_in_the_spec_are_known() {
        assertThat(Tag.of(0x42016A).specName()).isEqualTo("Rotate Interval");
        assertThat(Tag.of(0x420175).specName()).isEqualTo("Processing Stage");
        assertThat(Tag.of(0x420176).specName()).isEqualTo("Asynchronous Correlation Values");
    }

    @Test
    void enumeration_counts_match_both_specifications() {
        List<EnumFamily<?>> enumerations = families(EnumFamily.Kind.ENUMERATION);
        assertThat(enumerations).hasSize(62);
        assertThat(values(enumerations, SpecVersion.KMIP_1)).isEqualTo(608);
        assertThat(values(enumerations, SpecVersion.KMIP_2)).isEqualTo(633);
        List<EnumFamily<?>> masks = families(EnumFamily.Kind.MASK);
        assertThat(masks).extracting(EnumFamily::specName)
                .containsExactly("Cryptographic Usage Mask", "Protection Storage Mask", "Storage Status Mask");
        assertThat(values(masks, SpecVersion.KMIP_1)).isEqualTo(22);
        assertThat(values(masks, SpecVersion.KMIP_2)).isEqualTo(33);
        assertThat(EnumFamily.ITEM_TYPES.values()).hasSize(11);
    }

    @Test
    void versions_record_where_a_value_exists() {
        assertThat(Tag.ATTRIBUTE_INDEX.versions()).containsExactly(SpecVersion.KMIP_1);
        assertThat(Tag.REQUEST_MESSAGE.versions()).containsExactly(SpecVersion.KMIP_1, SpecVersion.KMIP_2);
        assertThat(Tag.of(0x420125).versions()).containsExactly(SpecVersion.KMIP_2);
        assertThat(ItemType.DATE_TIME_EXTENDED.versions()).containsExactly(SpecVersion.KMIP_2);
        assertThat(Operation.DISCOVER_VERSIONS.versions()).contains(SpecVersion.KMIP_1, SpecVersion.KMIP_2);
        assertThat(CryptographicUsageMask.TRANSLATE_ENCRYPT.versions()).containsExactly(SpecVersion.KMIP_1);
        assertThat(CryptographicUsageMask.FPE_ENCRYPT.versions()).containsExactly(SpecVersion.KMIP_2);
    }

    @Test
    void values_renamed_in_kmip_2_keep_both_names() {
        assertThat(HashingAlgorithm.SHA3_256.specName()).isEqualTo("SHA3-256");
        assertThat(HashingAlgorithm.SHA3_256.info().formerSpecNames()).containsExactly("SHA-3-256");
        assertThat(HashingAlgorithm.FAMILY.byName("SHA_3_256")).contains(HashingAlgorithm.SHA3_256);
        assertThat(HashingAlgorithm.FAMILY.byName("SHA3_256")).contains(HashingAlgorithm.SHA3_256);
        assertThat(MaskGenerator.FAMILY.byName("MGF1")).isEqualTo(MaskGenerator.FAMILY.byName("MFG1"));
        assertThat(DigitalSignatureAlgorithm.FAMILY.valueOf("SHA_256WithRSAEncryptionPKCS_1V1_5"))
                .isEqualTo(DigitalSignatureAlgorithm.SHA_256_WITH_RSA_ENCRYPTION.value());
        assertThat(ResultReason.FAMILY.byName("ObjectArchived")).contains(ResultReason.OBJECT_ARCHIVED);
    }

    @Test
    void xml_names_follow_the_profiles_normalization_used_by_the_oasis_cases() {
        assertThat(Tag.IV_COUNTER_NONCE.xmlName()).isEqualTo("IVCounterNonce");
        assertThat(Tag.MAC_SIGNATURE.xmlName()).isEqualTo("MACSignature");
        assertThat(Tag.COMMON_TEMPLATE_ATTRIBUTE.xmlName()).isEqualTo("CommonTemplateAttribute");
        assertThat(Tag.CRT_COEFFICIENT.xmlName()).isEqualTo("CRTCoefficient");
        assertThat(Tag.UNIQUE_BATCH_ITEM_ID.xmlName()).isEqualTo("UniqueBatchItemID");
        assertThat(KeyFormatType.PKCS1.xmlName()).isEqualTo("PKCS_1");
        assertThat(CertificateType.X_509.xmlName()).isEqualTo("X_509");
        assertThat(HashingAlgorithm.SHA_256.xmlName()).isEqualTo("SHA_256");
        assertThat(RNGAlgorithm.FAMILY.byName("ANSIX9_31")).isPresent();
        assertThat(CryptographicAlgorithm.FAMILY.byName("DES3")).isPresent();
        assertThat(State.PRE_ACTIVE.xmlName()).isEqualTo("PreActive");
        assertThat(StorageStatusMask.ON_LINE_STORAGE.xmlName()).isEqualTo("OnLineStorage");
    }

    @Test
    void every_name_the_oasis_xml_cases_use_is_known() {
        for (String tag : List.of("RequestMessage", "AuthenticatedEncryptionAdditionalData", "AuthenticatedEncryptionTag",
                "AttributeReference", "ClientCorrelationValue", "RandomNumberGenerator", "PrimeExponentP", "ProtectStopDate",
                "UsageLimitsTotal", "TemplateAttribute", "InteropFunction", "ServerCorrelationValue", "LogMessage")) {
            assertThat(Tag.fromXmlName(tag)).as(tag).isPresent();
        }
        record Use(Tag tag, String name) {
        }
        for (Use use : List.of(new Use(Tag.CRYPTOGRAPHIC_ALGORITHM, "ChaCha20Poly1305"),
                new Use(Tag.KEY_FORMAT_TYPE, "TransparentSymmetricKey"), new Use(Tag.OPERATION, "RNGRetrieve"),
                new Use(Tag.OPERATION, "ReKeyKeyPair"), new Use(Tag.OPERATION, "SignatureVerify"),
                new Use(Tag.NAME_TYPE, "UninterpretedTextString"), new Use(Tag.RESULT_REASON, "ResponseTooLarge"),
                new Use(Tag.QUERY_FUNCTION, "QueryOperations"), new Use(Tag.BLOCK_CIPHER_MODE, "GCM"),
                new Use(Tag.PADDING_METHOD, "PKCS5"), new Use(Tag.OBJECT_TYPE, "PGPKey"),
                new Use(Tag.ATTRIBUTE_REFERENCE, "ObjectType"), new Use(Tag.REVOCATION_REASON_CODE, "KeyCompromise"),
                new Use(Tag.RESULT_REASON, "IncompatibleCryptographicUsageMask"), new Use(Tag.INTEROP_FUNCTION, "Begin"))) {
            assertThat(EnumFamily.enumerationOf(use.tag())).as(use.tag().xmlName())
                    .hasValueSatisfying(f -> assertThat(f.byName(use.name())).as(use.name()).isPresent());
        }
    }
}
