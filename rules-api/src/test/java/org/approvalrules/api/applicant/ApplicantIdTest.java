package org.approvalrules.api.applicant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.approvalrules.api.InvalidValueException;
import org.approvalrules.api.applicant.ApplicantId.Type;
import org.junit.jupiter.api.Test;

class ApplicantIdTest {

    private static final String CREDIT_CHARSET = "0123456789ABCDEFGHJKLMNPQRTUWXY";
    private static final String ID_CHARSET = "0123456789X";

    /** Published sample numbers (GB 11643 examples and a commonly published credit code). */
    private static final List<String> PUBLISHED_IDS = List.of("11010519491231002X", "440524188001010014");
    private static final List<String> PUBLISHED_CREDIT_CODES = List.of("91350100M000100Y43");

    // ---- independent reference implementations (different formulation from the main code) ----

    /** GB 32100 as "the weighted sum of all 18 values is 0 mod 31", weights 3^(i) mod 31, found by search. */
    static char referenceCreditCheck(String first17) {
        int sum = 0;
        int weight = 1;
        for (int i = 0; i < 17; i++) {
            sum += CREDIT_CHARSET.indexOf(first17.charAt(i)) * weight;
            weight = weight * 3 % 31;
        }
        for (int c = 0; c < 31; c++) {
            if ((sum + c) % 31 == 0) {
                return CREDIT_CHARSET.charAt(c);
            }
        }
        throw new AssertionError();
    }

    /** ISO 7064 MOD 11-2 by its recursive (Horner) method. */
    static char referenceIdCheck(String first17) {
        int p = 0;
        for (int i = 0; i < 17; i++) {
            p = ((p + first17.charAt(i) - '0') * 2) % 11;
        }
        int check = (12 - p) % 11;
        return check == 10 ? 'X' : (char) ('0' + check);
    }

    static List<String> generatedCreditCodes() {
        Random r = new Random(20261123);
        List<String> out = new ArrayList<>();
        String[] prefixes = {"91", "92", "12", "51", "11", "Y1"};
        for (String prefix : prefixes) {
            StringBuilder sb = new StringBuilder(prefix);
            for (int i = 0; i < 6; i++) {
                sb.append((char) ('0' + r.nextInt(10)));
            }
            for (int i = 0; i < 9; i++) {
                sb.append(CREDIT_CHARSET.charAt(r.nextInt(31)));
            }
            out.add(sb.append(referenceCreditCheck(sb.toString())).toString());
        }
        return out;
    }

    static List<String> generatedResidentIds() {
        Random r = new Random(7064);
        List<String> out = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            LocalDate birth = LocalDate.of(1900, 1, 1).plusDays(r.nextInt(45_000));
            String first17 = "4510" + (10 + r.nextInt(80)) + birth.toString().replace("-", "")
                    + String.format("%03d", r.nextInt(1000));
            out.add(first17 + referenceIdCheck(first17));
        }
        return out;
    }

    static List<String> validCreditCodes() {
        List<String> all = new ArrayList<>(PUBLISHED_CREDIT_CODES);
        all.addAll(generatedCreditCodes());
        return all;
    }

    static List<String> validResidentIds() {
        List<String> all = new ArrayList<>(PUBLISHED_IDS);
        all.addAll(generatedResidentIds());
        return all;
    }

    @Test
    void referenceImplementationsAgreeWithPublishedSamples() {
        for (String s : PUBLISHED_CREDIT_CODES) {
            assertThat(referenceCreditCheck(s.substring(0, 17))).as(s).isEqualTo(s.charAt(17));
        }
        for (String s : PUBLISHED_IDS) {
            assertThat(referenceIdCheck(s.substring(0, 17))).as(s).isEqualTo(s.charAt(17));
        }
    }

    @Test
    void validIdentifiersAreAcceptedAndTyped() {
        for (String s : validCreditCodes()) {
            ApplicantId id = ApplicantId.creditCode(s);
            assertThat(id.type()).isEqualTo(Type.CREDIT_CODE);
            assertThat(id.value()).isEqualTo(s);
            assertThat(ApplicantId.creditCodeCheckChar(s)).isEqualTo(s.charAt(17));
        }
        for (String s : validResidentIds()) {
            ApplicantId id = ApplicantId.residentId(s);
            assertThat(id.type()).isEqualTo(Type.RESIDENT_ID);
            assertThat(ApplicantId.parse(s)).isEqualTo(id);
            assertThat(ApplicantId.residentIdCheckChar(s)).isEqualTo(s.charAt(17));
        }
        assertThat(ApplicantId.parse("91350100M000100Y43").type()).isEqualTo(Type.CREDIT_CODE);
    }

    @Test
    void everySingleCharacterSubstitutionOfAValidCreditCodeIsRejected() {
        // 18 positions × 30 other characters of the set
        assertThat(rejectEverySubstitution(Type.CREDIT_CODE, validCreditCodes(), CREDIT_CHARSET))
                .isEqualTo(validCreditCodes().size() * 18 * 30);
    }

    @Test
    void everySingleCharacterSubstitutionOfAValidResidentIdIsRejected() {
        // 18 positions × 10 other characters of 0-9 and X
        assertThat(rejectEverySubstitution(Type.RESIDENT_ID, validResidentIds(), ID_CHARSET))
                .isEqualTo(validResidentIds().size() * 18 * 10);
    }

    /** Substitutes each position of each valid id with each other character; returns how many were rejected. */
    private static int rejectEverySubstitution(Type type, List<String> valids, String charset) {
        int rejected = 0;
        for (String valid : valids) {
            for (int pos = 0; pos < 18; pos++) {
                for (char c : charset.toCharArray()) {
                    if (c == valid.charAt(pos)) {
                        continue;
                    }
                    String corrupt = valid.substring(0, pos) + c + valid.substring(pos + 1);
                    assertThat(ApplicantId.isValid(type, corrupt)).as(corrupt).isFalse();
                    InvalidValueException e = catchThrowableOfType(InvalidValueException.class,
                            () -> ApplicantId.of(type, corrupt));
                    assertThat(e).as(corrupt).isNotNull();
                    assertMasked(e, corrupt);
                    rejected++;
                }
            }
        }
        return rejected;
    }

    @Test
    void malformedIdentifiersNameTheReasonWithoutTheValue() {
        assertThatThrownBy(() -> ApplicantId.creditCode("91350100M000100Y4")).isInstanceOf(InvalidValueException.class)
                .hasMessageContaining("18").hasMessageNotContaining("91350100M000100Y4");
        assertThatThrownBy(() -> ApplicantId.creditCode("91350100M000I00Y43")).hasMessageContaining("character set");
        assertThatThrownBy(() -> ApplicantId.creditCode("9135A100M000100Y43")).hasMessageContaining("3-8");
        assertThatThrownBy(() -> ApplicantId.residentId("110105194902300021")).hasMessageContaining("birth date");
        assertThatThrownBy(() -> ApplicantId.residentId("110105179912310021")).hasMessageContaining("birth date");
        assertThatThrownBy(() -> ApplicantId.residentId("11010519491231002Y")).hasMessageContaining("digit or X");
        assertThatThrownBy(() -> ApplicantId.residentId(" 11010519491231002X")).isInstanceOf(InvalidValueException.class);
        assertThatThrownBy(() -> ApplicantId.parse("not an id at all!!")).isInstanceOf(InvalidValueException.class)
                .hasMessageNotContaining("not an id");
        assertThatThrownBy(() -> ApplicantId.of(Type.CREDIT_CODE, null)).isInstanceOf(InvalidValueException.class);
        assertThatThrownBy(() -> ApplicantId.of(null, "91350100M000100Y43")).isInstanceOf(InvalidValueException.class);
        InvalidValueException e = catchThrowableOfType(InvalidValueException.class,
                () -> ApplicantId.residentId("110105194912310021"));
        assertThat(e.field()).isEqualTo("applicantId");
        assertThat(e.value()).isEqualTo("1101************21");
        assertThat(e.getMessage()).contains("check digit");
    }

    /** The first all-digit 17 characters {@code prefix14 + nnn} whose two check characters agree, made whole. */
    static String validAsBoth(String prefix14) {
        for (int seq = 0; seq < 1000; seq++) {
            String first17 = prefix14 + String.format("%03d", seq);
            char idCheck = referenceIdCheck(first17);
            if (idCheck != 'X' && referenceCreditCheck(first17) == idCheck) {
                return first17 + idCheck;
            }
        }
        throw new AssertionError("no number valid as both after " + prefix14);
    }

    @Test
    void aNumberValidAsBothIsNeverRejectedAndIsResolvedByItsStructure() {
        // 110105 (Beijing, Chaoyang) + 1949-12-31: as a credit code its authority code 0105… is no province
        String person = validAsBoth("11010519491231");
        assertThat(ApplicantId.isValid(Type.CREDIT_CODE, person)).isTrue();
        assertThat(ApplicantId.isValid(Type.RESIDENT_ID, person)).isTrue();
        assertThat(ApplicantId.parse(person).type()).isEqualTo(Type.RESIDENT_ID);
        // 91 (enterprise) + 350100 (Fuzhou): no province starts with 9
        String company = validAsBoth("91350100190000");
        assertThat(ApplicantId.parse(company).type()).isEqualTo(Type.CREDIT_CODE);
        // 12 (事业单位 / Tianjin) + 1101 (Beijing / a city 11) + 19…: both readings plausible, kept as such
        String either = validAsBoth("12110119850312");
        ApplicantId id = ApplicantId.parse(either);
        assertThat(id.type()).isEqualTo(Type.ID_CARD_OR_CREDIT_CODE);
        assertThat(id.toString()).isEqualTo(ApplicantId.mask(either)).doesNotContain(either.substring(4, 16));
        // the recorded type decides; the same number is the same applicant whatever kind it was resolved to
        assertThat(ApplicantId.parse(either, IdType.RESIDENT_ID_CARD).type()).isEqualTo(Type.RESIDENT_ID);
        assertThat(ApplicantId.parse(either, IdType.parse("001")).type()).isEqualTo(Type.CREDIT_CODE);
        assertThat(ApplicantId.parse(either, IdType.RESIDENT_ID_CARD)).isEqualTo(id).hasSameHashCodeAs(id)
                .isEqualTo(ApplicantId.parse(either, IdType.CREDIT_CODE));
        assertThat(ApplicantId.of(Type.ID_CARD_OR_CREDIT_CODE, either)).isEqualTo(id);
        assertThatThrownBy(() -> ApplicantId.of(Type.ID_CARD_OR_CREDIT_CODE, person.substring(0, 17) + "0"))
                .isInstanceOf(InvalidValueException.class);
    }

    /** Every valid ID number of a sweep of birth dates and sequences is accepted, about 1 in 31 valid as both. */
    @Test
    void everyValidIdNumberIsAcceptedAndMostAmbiguousOnesAreResolved() {
        int valid = 0;
        int both = 0;
        int kept = 0;
        String[] regions = {"110105", "450103", "121101", "310115", "441303", "511102"};
        for (String region : regions) {
            for (int day = 1; day <= 28; day += 3) {
                for (int seq = 0; seq < 1000; seq += 7) {
                    String first17 = region + String.format("1985%02d%02d%03d", 1 + day % 12, day, seq);
                    String s = first17 + referenceIdCheck(first17);
                    ApplicantId id = ApplicantId.parse(s);
                    valid++;
                    assertThat(id.value()).isEqualTo(s);
                    if (ApplicantId.isValid(Type.CREDIT_CODE, s)) {
                        both++;
                        // kept only where the region reads as a credit category (12, 51) + a province (11)
                        boolean creditLike = region.equals("121101") || region.equals("511102");
                        assertThat(id.type()).as(s).isEqualTo(creditLike ? Type.ID_CARD_OR_CREDIT_CODE : Type.RESIDENT_ID);
                        kept += creditLike ? 1 : 0;
                    } else {
                        assertThat(id.type()).isEqualTo(Type.RESIDENT_ID);
                    }
                }
            }
        }
        assertThat(both).as("valid as both").isBetween(valid / 60, valid / 15);
        assertThat(kept).as("kept as either").isPositive().isLessThan(both / 2);
    }

    @Test
    void passportsPermitsAndLegacyCardsAreOpaqueMaskedIdentifiers() {
        assertThat(ApplicantId.parse("E12345678").type()).isEqualTo(Type.PASSPORT);
        assertThat(ApplicantId.parse("g1234567").value()).isEqualTo("G1234567");
        assertThat(ApplicantId.parse("SE1234567").type()).isEqualTo(Type.PASSPORT);
        assertThat(ApplicantId.parse("H12345678").type()).isEqualTo(Type.HK_MACAO_TAIWAN_PERMIT);
        assertThat(ApplicantId.parse("M1234567890").type()).isEqualTo(Type.HK_MACAO_TAIWAN_PERMIT);
        assertThat(ApplicantId.parse("CA1234567").type()).isEqualTo(Type.HK_MACAO_TAIWAN_PERMIT);
        assertThat(ApplicantId.parse("12345678").type()).isEqualTo(Type.HK_MACAO_TAIWAN_PERMIT);
        assertThat(ApplicantId.parse("110105491231002").type()).isEqualTo(Type.LEGACY_ID_CARD);
        assertThat(ApplicantId.parse("110105491231002", IdType.RESIDENT_ID_CARD).type()).isEqualTo(Type.LEGACY_ID_CARD);
        assertThat(ApplicantId.parse("X98765432AB", IdType.parse("414")).type()).isEqualTo(Type.PASSPORT);
        assertThat(ApplicantId.parse("AB1234", IdType.parse("其他证件")).type()).isEqualTo(Type.OTHER);
        assertThat(ApplicantId.parse("12345678", IdType.parse("台胞证")).type()).isEqualTo(Type.HK_MACAO_TAIWAN_PERMIT);

        assertThat(ApplicantId.parse("E12345678")).hasToString("E1*****78");
        assertThat(ApplicantId.parse("12345678")).hasToString("12****78");
        assertThat(ApplicantId.parse("110105491231002")).hasToString("1101*********02");
        assertThat(ApplicantId.parse("AB1234", IdType.OTHER_ID)).hasToString("******");

        assertThatThrownBy(() -> ApplicantId.parse("110105491331002")).isInstanceOf(InvalidValueException.class)
                .hasMessageContaining("birth date").hasMessageNotContaining("110105491331002");
        assertThatThrownBy(() -> ApplicantId.parse("1101054912310021")).hasMessageContaining("give the identifier type");
        assertThatThrownBy(() -> ApplicantId.parse("E1234-5678", IdType.ORDINARY_PASSPORT))
                .hasMessageContaining("only letters and digits");
        assertThatThrownBy(() -> ApplicantId.parse("E123", IdType.ORDINARY_PASSPORT)).hasMessageContaining("5 to 32");
        assertThatThrownBy(() -> ApplicantId.parse("E12345678", IdType.RESIDENT_ID_CARD)).hasMessageContaining("111");
        assertThatThrownBy(() -> IdType.parse("777")).isInstanceOf(InvalidValueException.class)
                .hasMessageContaining("unknown identifier type");
    }

    @Test
    void lowerCaseIsNormalisedAndEqualityIsByValue() {
        ApplicantId lower = ApplicantId.residentId("11010519491231002x");
        ApplicantId upper = ApplicantId.parse("11010519491231002X");
        assertThat(lower).isEqualTo(upper).hasSameHashCodeAs(upper);
        assertThat(lower.value()).isEqualTo("11010519491231002X");
        assertThat(ApplicantId.creditCode("91350100m000100y43")).isEqualTo(ApplicantId.creditCode("91350100M000100Y43"));
        assertThat(ApplicantId.creditCode("91350100M000100Y43")).isNotEqualTo(upper);
    }

    @Test
    void toStringIsMaskedAndKeepsOnlyFirstFourAndLastTwo() {
        ApplicantId person = ApplicantId.residentId("11010519491231002X");
        assertThat(person.toString()).isEqualTo("1101************2X").isEqualTo(person.masked()).hasSize(18);
        assertThat(person.toString()).doesNotContain("19491231");
        assertThat(ApplicantId.creditCode("91350100M000100Y43").toString()).isEqualTo("9135************43");
        assertThat(ApplicantId.mask("12345")).isEqualTo("*****");
        assertThat(ApplicantId.mask(null)).isEqualTo("null");
    }

    /** The exception names only the masked value: the hidden middle 12 characters never appear. */
    private static void assertMasked(InvalidValueException e, String raw) {
        String hidden = raw.substring(4, 16);
        assertThat(e.getMessage()).doesNotContain(raw).doesNotContain(hidden);
        assertThat(e.value()).isEqualTo(ApplicantId.mask(raw));
    }

    /** Found while writing ApplicantIdFuzzTest: Unicode upper-casing turned 17 characters into 18. */
    @Test
    void aLigatureIsNotUpperCasedIntoTwoValidCharacters() {
        String code = "FF350100M000100Y4" + ApplicantId.creditCodeCheckChar("FF350100M000100Y4");
        assertThat(ApplicantId.creditCode(code).value()).isEqualTo(code);
        String ligature = "\uFB00" + code.substring(2);

        assertThat(ligature).hasSize(17);
        assertThat(ApplicantId.isValid(ligature)).isFalse();
        assertThatThrownBy(() -> ApplicantId.parse(ligature)).isInstanceOf(InvalidValueException.class)
                .hasMessageContaining("give the identifier type");
        assertThatThrownBy(() -> ApplicantId.creditCode(ligature)).isInstanceOf(InvalidValueException.class);
        assertThat(ApplicantId.creditCode(code.toLowerCase(java.util.Locale.ROOT)).value()).isEqualTo(code);
    }
}
