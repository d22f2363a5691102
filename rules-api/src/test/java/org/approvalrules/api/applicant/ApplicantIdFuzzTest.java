package org.approvalrules.api.applicant;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.util.Locale;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.approvalrules.api.TypedErrors;
import org.approvalrules.api.applicant.ApplicantId.Type;

/**
 * Fuzzes {@link ApplicantId#parse} (with and without a 证件类型) and {@link ApplicantId#of}: any text gives an
 * identifier or a typed error; an identifier is its upper-case input characters (18 for a credit code or ID
 * number, 15 for a legacy card, 5 to 32 for an opaque one), re-reads to itself from
 * {@link ApplicantId#value()} (its text form is masked, so that is the round trip it promises), and
 * neither its {@code toString()} nor any error message shows the identifier: no run of 8 or more
 * digits of the input appears in them.
 */
class ApplicantIdFuzzTest {

    private static final Pattern DIGIT_RUN = Pattern.compile("\\d{8,}");

    @FuzzTest(maxDuration = "3m")
    void parse(byte[] input) {
        String text = TypedErrors.text(input);
        check(text, () -> ApplicantId.parse(text));
        check(text, () -> ApplicantId.creditCode(text));
        check(text, () -> ApplicantId.residentId(text));
        for (IdType t : IdType.values()) {
            check(text, () -> ApplicantId.parse(text, t));
        }
    }

    private static void check(String text, Supplier<ApplicantId> parse) {
        ApplicantId id = TypedErrors.valueOrNull(parse, e -> assertNoLeak(text, e.getMessage()));
        if (id == null) {
            return;
        }
        int expected = switch (id.type()) {
            case LEGACY_ID_CARD -> 15;
            case PASSPORT, HK_MACAO_TAIWAN_PERMIT, OTHER -> text.length();
            default -> 18;
        };
        assertThat(text).hasSize(expected).hasSizeBetween(5, 32);
        assertThat(id.value()).isEqualTo(text.toUpperCase(Locale.ROOT));
        if (!id.type().opaque()) {
            assertThat(ApplicantId.parse(id.value())).isEqualTo(id);
        }
        assertThat(ApplicantId.isValid(id.type(), text)).isTrue();
        assertThat(ApplicantId.of(id.type(), id.value())).isEqualTo(id);
        assertThat(id.toString()).isEqualTo(id.masked()).isEqualTo(ApplicantId.mask(id.value()));
        assertNoLeak(text, id.toString());
        if (id.type() == Type.CREDIT_CODE || id.type() == Type.ID_CARD_OR_CREDIT_CODE) {
            assertThat(ApplicantId.creditCodeCheckChar(id.value())).isEqualTo(id.value().charAt(17));
        }
        if (id.type() == Type.RESIDENT_ID || id.type() == Type.ID_CARD_OR_CREDIT_CODE) {
            assertThat(ApplicantId.residentIdCheckChar(id.value())).isEqualTo(id.value().charAt(17));
        }
    }

    private static void assertNoLeak(String input, String shown) {
        Matcher m = DIGIT_RUN.matcher(input);
        while (m.find()) {
            assertThat(shown).as("identifier digits shown unmasked").doesNotContain(m.group());
        }
    }
}
