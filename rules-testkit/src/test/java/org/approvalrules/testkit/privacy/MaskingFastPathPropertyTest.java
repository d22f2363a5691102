package org.approvalrules.testkit.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.approvalrules.api.privacy.Masking;
import org.approvalrules.testkit.gen.Gen;
import org.approvalrules.testkit.gen.Property;
import org.junit.jupiter.api.Test;

/**
 * {@link Masking#mask} with its fast paths masks exactly what the old scan ({@link MaskingReference}) masked, on random
 * text mixing short and long alphanumeric runs, decimals, Chinese text and embedded identifiers (valid and invalid
 * 身份证号 and 统一社会信用代码, mobile numbers, passports), glued together or apart.
 */
class MaskingFastPathPropertyTest {

    private static final String CREDIT = "0123456789ABCDEFGHJKLMNPQRTUWXY";
    private static final int[] CREDIT_WEIGHTS = {1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28};
    private static final int[] ID_WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};

    static Gen<String> run(String alphabet, int min, int max) {
        Character[] chars = alphabet.chars().mapToObj(c -> (char) c).toArray(Character[]::new);
        return Gen.listOf(Gen.elements(chars), min, max).map(l -> {
            StringBuilder b = new StringBuilder();
            l.forEach(b::append);
            return b.toString();
        });
    }

    /** A 身份证号 with its check digit right (its date may still be impossible), in either case of X. */
    static Gen<String> residentId() {
        return Gen.zip(run("0123456789", 17, 17), Gen.booleans(), (body, lower) -> {
            int sum = 0;
            for (int i = 0; i < 17; i++) {
                sum += (body.charAt(i) - '0') * ID_WEIGHTS[i];
            }
            String check = String.valueOf("10X98765432".charAt(sum % 11));
            return body + (lower ? check.toLowerCase() : check);
        }).flatMap(id -> Gen.elements(id, "110101199003074514", "11010119900307451" + id.charAt(17)));
    }

    /** A 统一社会信用代码 with its check character right, upper or lower case. */
    static Gen<String> creditCode() {
        return Gen.zip(Gen.zip(run(CREDIT, 2, 2), run("0123456789", 6, 6), String::concat), run(CREDIT, 9, 9),
                String::concat).flatMap(body -> Gen.booleans().map(lower -> {
                    int sum = 0;
                    for (int i = 0; i < 17; i++) {
                        sum += CREDIT.indexOf(body.charAt(i)) * CREDIT_WEIGHTS[i];
                    }
                    String code = body + CREDIT.charAt((31 - sum % 31) % 31);
                    return lower ? code.toLowerCase() : code;
                }));
    }

    static Gen<String> chunk() {
        return Gen.oneOf(
                run("0123456789", 1, 22),
                run("0123456789ABCXYZabxyz", 1, 30),
                run(".,- +中文办件：", 1, 3),
                Gen.elements("E12345678", "SE1234567", "M1234567890", "+8613812345678", "008613812345678", "13812345678",
                        "12.5", "2024-09-27", "123456789012345", "8613812345678"),
                residentId(),
                creditCode());
    }

    @Test
    void theFastScanMasksExactlyWhatTheOldOneMasked() {
        Gen<String> text = Gen.listOf(chunk(), 0, 12).map(parts -> String.join("", parts));
        Property.forAll(text).tries(20_000).check("fast mask = old mask",
                s -> assertThat(Masking.mask(s)).isEqualTo(MaskingReference.mask(s)));
        Property.forAll(Gen.listOf(chunk(), 0, 12).map(parts -> String.join(" ", parts))).tries(5_000)
                .check("fast mask = old mask, spaced", s -> assertThat(Masking.mask(s)).isEqualTo(MaskingReference.mask(s)));
    }

    @Test
    void identifiersGluedInsideLongTokensAreStillMasked() {
        for (String id : List.of("110101199003074514", "91350100M000100Y43")) {
            String glued = "ITEM" + id + "X9";
            assertThat(Masking.mask(glued)).isEqualTo(MaskingReference.mask(glued)).doesNotContain(id);
        }
    }
}
