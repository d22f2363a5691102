package org.approvalrules.testkit.applicant;

import static org.assertj.core.api.Assertions.assertThat;

import org.approvalrules.api.InvalidValueException;
import org.approvalrules.api.applicant.ApplicantId;
import org.approvalrules.api.applicant.IdType;
import org.approvalrules.testkit.gen.Gen;
import org.approvalrules.testkit.gen.Property;
import org.junit.jupiter.api.Test;

/**
 * {@link ApplicantId#parse} with its cheaper checks accepts exactly what the old parse ({@link ApplicantIdReference})
 * accepted, as the same kind and value, and rejects the rest with the same masked value and reason: over valid and
 * nearly valid 身份证号 (any date, right or wrong check digit, lower-case x), 统一社会信用代码 (right or wrong check
 * character, lower case), 15-digit numbers, passport- and permit-shaped text and random short text, each read with
 * no 证件类型 and with every one.
 */
class ApplicantIdFastPathPropertyTest {

    private static final String CREDIT = ApplicantId.CREDIT_CODE_CHARSET;

    /** Text of {@code min} to {@code max} characters of {@code alphabet}. */
    static Gen<String> run(String alphabet, int min, int max) {
        return Gen.listOf(Gen.ints(0, alphabet.length() - 1), min, max)
                .map(at -> at.stream().map(i -> String.valueOf(alphabet.charAt(i))).reduce("", String::concat));
    }

    /** 17 digits (a province, a birth date that may be impossible) and a check digit that is usually right. */
    static Gen<String> residentId() {
        Gen<String> date = Gen.zip(Gen.ints(1700, 2200), Gen.zip(Gen.ints(0, 13), Gen.ints(0, 32), (m, d) -> m * 100 + d),
                (y, md) -> String.format("%04d%04d", y, md));
        Gen<String> body = Gen.zip(Gen.zip(run("0123456789", 6, 6), date, String::concat), run("0123456789", 3, 3),
                String::concat);
        return Gen.zip(body, Gen.ints(0, 9), (b, how) -> {
            String check = String.valueOf(ApplicantId.residentIdCheckChar(b));
            if (how == 0) {
                check = String.valueOf("0123456789X".charAt((b.hashCode() & 0x7fff) % 11));
            } else if (how == 1) {
                check = check.toLowerCase();
            }
            return b + check;
        });
    }

    /** A 统一社会信用代码 shape with its check character usually right, sometimes lower case or a digit replaced. */
    static Gen<String> creditCode() {
        Gen<String> body = Gen.zip(Gen.zip(run(CREDIT, 2, 2), run("0123456789", 6, 6), String::concat), run(CREDIT, 9, 9),
                String::concat);
        return Gen.zip(body, Gen.ints(0, 9), (b, how) -> {
            String code = b + ApplicantId.creditCodeCheckChar(b);
            return switch (how) {
                case 0 -> code.toLowerCase();
                case 1 -> code.substring(0, 17) + CREDIT.charAt((code.hashCode() & 0x7fff) % 31);
                case 2 -> code.substring(0, 4) + "I" + code.substring(5);
                default -> code;
            };
        });
    }

    static Gen<String> text() {
        return Gen.oneOf(
                residentId(),
                creditCode(),
                run("0123456789", 15, 15),
                run("0123456789", 14, 19),
                run("0123456789ABCXHMTOSVZabcxz", 18, 18),
                run("0123456789ABCEHMTabz -ﬀé", 0, 34),
                Gen.zip(run("ABCEHMTGPXYZ", 1, 3), run("0123456789", 6, 11), String::concat),
                Gen.elements("110101199003074514", "91350100M000100Y43", "11010119000229451X", "110101200002294510",
                        "810000199001010017", "E12345678", "H1234567890", "CA1234567", "12345678", ""));
    }

    @Test
    void theCheaperChecksAcceptAndRejectExactlyAsTheOldOnes() {
        IdType[] types = IdType.values();
        Gen<Integer> type = Gen.ints(-1, types.length - 1); // -1: no 证件类型
        Property.forAll(Gen.zip(text(), type, (t, k) -> new Object[] {t, k < 0 ? null : types[k]})).tries(40_000).check("parse = old parse",
                p -> {
                    String s = (String) p[0];
                    IdType k = (IdType) p[1];
                    ApplicantIdReference.Result want = k == null ? ApplicantIdReference.parse(s)
                            : ApplicantIdReference.parse(s, k);
                    ApplicantId got;
                    try {
                        got = k == null ? ApplicantId.parse(s) : ApplicantId.parse(s, k);
                    } catch (InvalidValueException e) {
                        assertThat(want.problem()).as("rejected only when the old parse rejected: %s %s", k,
                                ApplicantId.mask(s)).isNotNull();
                        assertThat(e.getMessage()).isEqualTo(
                                new InvalidValueException("applicantId", want.masked(), want.problem()).getMessage());
                        assertThat(e.value()).isEqualTo(want.masked());
                        return;
                    }
                    assertThat(want.problem()).as("accepted only when the old parse accepted: %s %s", k, got).isNull();
                    assertThat(got.type()).isEqualTo(want.type());
                    assertThat(got.value()).isEqualTo(want.value());
                });
    }

    @Test
    void everyKindOfOutcomeIsMet() {
        // the generators reach each kind and rejections of both 18-character schemes (so the test above can fail)
        assertThat(ApplicantIdReference.parse("110101199003074514").type()).isEqualTo(ApplicantId.Type.RESIDENT_ID);
        assertThat(ApplicantId.parse("91350100m000100y43").value()).isEqualTo("91350100M000100Y43");
        assertThat(ApplicantIdReference.parse("110101199002304514").problem()).contains("出生日期");
    }
}
