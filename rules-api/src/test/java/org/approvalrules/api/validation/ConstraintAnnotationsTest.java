package org.approvalrules.api.validation;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.ValidatorFactory;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The constraint annotations on an embedder-style DTO, run by Hibernate Validator. */
class ConstraintAnnotationsTest {

    /** What an embedder's intake form might look like. */
    record IntakeForm(@DivisionCodeValue String locality, @CreditCode String companyCode,
            @ResidentIdNumber String personId, @ApplicantIdValue String applicantId,
            List<@ApplicantIdValue String> coApplicants) {
    }

    private static ValidatorFactory factory;
    private static Validator validator;

    @BeforeAll
    static void start() {
        factory = Validation.buildDefaultValidatorFactory();
        validator = factory.getValidator();
    }

    @AfterAll
    static void stop() {
        factory.close();
    }

    /** Property path → message of each violation. */
    private static Map<String, String> violations(IntakeForm form) {
        Set<ConstraintViolation<IntakeForm>> found = validator.validate(form);
        Map<String, String> out = new TreeMap<>();
        for (ConstraintViolation<IntakeForm> v : found) {
            out.put(v.getPropertyPath().toString(), v.getMessage());
        }
        return out;
    }

    @Test
    void validValuesPassAndNullIsLeftToNotNull() {
        assertThat(violations(new IntakeForm("451031", "91350100M000100Y43", "11010519491231002x",
                "91350100M000100Y43", List.of("11010519491231002X")))).isEmpty();
        assertThat(violations(new IntakeForm(null, null, null, null, List.of()))).isEmpty();
    }

    @Test
    void invalidValuesGiveBilingualMessagesWithoutTheValue() {
        String badCredit = "91350100M000100Y44";
        String badPerson = "110105194912310021";
        Map<String, String> v = violations(new IntakeForm("451", badCredit, badPerson, "11010519491231002Y",
                List.of("91350100M000100Y43", badPerson)));
        assertThat(v).containsOnlyKeys("locality", "companyCode", "personId", "applicantId",
                "coApplicants[1].<list element>");
        assertThat(v.get("locality")).startsWith("必须是有效的6位行政区划代码").contains("division code");
        assertThat(v.get("companyCode")).startsWith("必须是有效的统一社会信用代码").contains("credit code");
        assertThat(v.get("personId")).startsWith("必须是有效的居民身份证号码").contains("resident ID number");
        assertThat(v.get("applicantId")).contains("统一社会信用代码或居民身份证号码");
        for (String message : v.values()) {
            assertThat(message).doesNotContain(badCredit).doesNotContain(badPerson).doesNotContain("19491231")
                    .contains(" / ");
        }
    }

    @Test
    void eachConstraintOnlyAcceptsItsOwnType() {
        Map<String, String> v = violations(new IntakeForm("000000", "11010519491231002X", "91350100M000100Y43",
                "91350100M000100Y43", List.of()));
        assertThat(v).containsOnlyKeys("companyCode", "personId");
    }
}
