package org.approvalrules.api.item;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.LocalDate;
import org.approvalrules.api.InvalidValueException;
import org.approvalrules.api.deadline.TimeLimit;
import org.junit.jupiter.api.Test;

class ServiceItemTest {

    static ServiceItem.Builder realEstateRegistration() {
        return ServiceItem.builder("11451031MB1234567X4000117004000", "不动产首次登记")
                .basicCode("000117004000")
                .department("某县自然资源局")
                .itemType(ItemType.CONFIRMATION)
                .statutoryLimit(TimeLimit.workingDays(30))
                .promisedLimit(TimeLimit.workingDays(5))
                .fee("发改价格规〔2016〕2559号")
                .inCentreSince(LocalDate.of(2019, 3, 1))
                .legalReferences("不动产登记暂行条例", "不动产登记暂行条例实施细则")
                .handlingForms(HandlingForm.WINDOW, HandlingForm.ONLINE_PC);
    }

    @Test
    void buildsAnItemWithAllCatalogueFields() {
        ServiceItem item = realEstateRegistration().build();
        assertThat(item.itemType().code()).isEqualTo("07");
        assertThat(item.handlingType()).isEqualTo(HandlingType.PROMISED);
        assertThat(item.feeBasis()).contains("发改价格规〔2016〕2559号");
        assertThat(item.handlingFormsInOrder()).containsExactly(HandlingForm.WINDOW, HandlingForm.ONLINE_PC);
        assertThat(item.inCentreOn(LocalDate.of(2019, 2, 28))).isFalse();
        assertThat(item.inCentreOn(LocalDate.of(2019, 3, 1))).isTrue();
        assertThat(item.legalReferences()).containsExactly("不动产登记暂行条例", "不动产登记暂行条例实施细则");
        assertThat(realEstateRegistration().build()).isEqualTo(item).hasSameHashCodeAs(item);
        assertThat(realEstateRegistration().promisedLimit(TimeLimit.workingDays(6)).build()).isNotEqualTo(item);
    }

    @Test
    void promisedAboveStatutoryIsLeftToTheRules() {
        ServiceItem item = realEstateRegistration().promisedLimit(TimeLimit.workingDays(40)).build();
        assertThat(item.promisedLimit()).isEqualTo(TimeLimit.workingDays(40));
        assertThat(realEstateRegistration().promisedLimit(TimeLimit.IMMEDIATE).build().promisedLimit())
                .isEqualTo(TimeLimit.IMMEDIATE);
    }

    @Test
    void limitsMustBeComparable() {
        InvalidValueException e = catchThrowableOfType(InvalidValueException.class,
                () -> realEstateRegistration().promisedLimit(TimeLimit.calendarDays(5)).build());
        assertThat(e.field()).isEqualTo("item.promisedLimit");
        assertThat(e.getMessage()).contains("5 CALENDAR_DAYS").contains("30 WORKING_DAYS");
        assertThatThrownBy(() -> realEstateRegistration().statutoryLimit(TimeLimit.IMMEDIATE).build())
                .isInstanceOf(InvalidValueException.class);
    }

    @Test
    void aFeeNeedsItsBasis() {
        InvalidValueException e = catchThrowableOfType(InvalidValueException.class,
                () -> realEstateRegistration().fee(null).build());
        assertThat(e.field()).isEqualTo("item.feeBasis");
        assertThat(e.getMessage()).contains("11451031MB1234567X4000117004000");
        assertThatThrownBy(() -> realEstateRegistration().fee("  ").build()).isInstanceOf(InvalidValueException.class);
        assertThat(realEstateRegistration().noFee(null).build().feeCharged()).isFalse();
    }

    @Test
    void codesAndNamesAreChecked() {
        for (String bad : new String[] {"", "0001 17004000", "000117004000一", "abc", "X".repeat(65)}) {
            InvalidValueException e = catchThrowableOfType(InvalidValueException.class,
                    () -> realEstateRegistration().basicCode(bad).build());
            assertThat(e).as(bad).isNotNull();
            assertThat(e.field()).isEqualTo("item.basicCode");
        }
        assertThatThrownBy(() -> ServiceItem.builder("X-1", " ").basicCode("1").department("d")
                .statutoryLimit(TimeLimit.workingDays(1)).promisedLimit(TimeLimit.workingDays(1)).build())
                .isInstanceOf(InvalidValueException.class).hasMessageContaining("item.name");
        assertThatThrownBy(() -> realEstateRegistration().department(null).build())
                .hasMessageContaining("item.department");
        assertThatThrownBy(() -> realEstateRegistration().statutoryLimit(null).build())
                .hasMessageContaining("item.statutoryLimit");
        assertThatThrownBy(() -> realEstateRegistration().legalReferences("ok", " ").build())
                .hasMessageContaining("item.legalReferences[1]");
        assertThatThrownBy(() -> realEstateRegistration().legalReferences("ok", null).build())
                .isInstanceOf(InvalidValueException.class).hasMessageContaining("item.legalReferences[1]");
        assertThatThrownBy(() -> realEstateRegistration().handlingForms(HandlingForm.WINDOW, (HandlingForm) null)
                .build()).isInstanceOf(InvalidValueException.class);
    }

    @Test
    void codeTablesFollowGbT39046() {
        assertThat(ItemType.fromCode("01")).isEqualTo(ItemType.LICENSING);
        assertThat(ItemType.fromCode("10")).isEqualTo(ItemType.OTHER_POWER);
        assertThat(ItemType.fromCode("20")).isEqualTo(ItemType.PUBLIC_SERVICE);
        for (ItemType t : ItemType.values()) {
            assertThat(ItemType.fromCode(t.code())).isEqualTo(t);
        }
        assertThat(HandlingType.fromCode("1").chineseName()).isEqualTo("即办件");
        assertThat(HandlingType.fromCode("2").chineseName()).isEqualTo("承诺件");
        assertThat(HandlingForm.fromCode("4")).isEqualTo(HandlingForm.EXPRESS_MAIL);
        assertThatThrownBy(() -> ItemType.fromCode("11")).isInstanceOf(InvalidValueException.class)
                .hasMessageContaining("A.1").hasMessageContaining("\"11\"");
        assertThatThrownBy(() -> ItemType.fromCode("1")).isInstanceOf(InvalidValueException.class);
        assertThatThrownBy(() -> HandlingType.fromCode("3")).hasMessageContaining("A.6");
        assertThatThrownBy(() -> HandlingForm.fromCode(null)).isInstanceOf(InvalidValueException.class);
    }
}
