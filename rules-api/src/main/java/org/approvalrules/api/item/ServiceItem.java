package org.approvalrules.api.item;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.approvalrules.api.InvalidValueException;
import org.approvalrules.api.deadline.LimitUnit;
import org.approvalrules.api.deadline.TimeLimit;

/**
 * A service item (政务服务事项) as its catalogue entry describes it, mapped to GB/T 39046 表4.
 * Immutable and thread-safe; equality by all fields. Build with {@link #builder(String, String)}.
 *
 * <p>Checked at construction: codes are well formed ({@link ItemCodes}); names not blank; the promised
 * limit has the same unit as the statutory one, or is {@link TimeLimit#IMMEDIATE} (a limit in working
 * days cannot be compared with one in calendar days); a statutory {@code IMMEDIATE} limit requires an
 * immediate promise; a fee basis is required when the item charges a fee; at least one handling form.
 *
 * <p><b>Not checked here</b>, on purpose: that the promised limit does not exceed the statutory one, or
 * a locality's cap on it (e.g. ≤ 50 % of statutory), and that a 即办件 is promised immediately. Such
 * catalogue entries exist in real data; the rule packs report them as findings rather than refusing to
 * load the item.
 *
 * @param name 事项名称
 * @param basicCode 基本编码 (code in the national basic catalogue)
 * @param implementationCode 实施编码 (code of this locality's implementation of the item; cases refer to it)
 * @param department 实施主体 (the department that implements the item)
 * @param itemType 事项类型 (A.1)
 * @param handlingType 办件类型 (A.6: 即办件 / 承诺件 / 其他)
 * @param statutoryLimit 法定办结时限 + 法定办结时限单位
 * @param promisedLimit 承诺办结时限 + 承诺办结时限单位
 * @param feeCharged 是否收费 (1 = true / 0 = false)
 * @param feeBasis 收费依据 (the law and standard); present whenever {@code feeCharged}, may also be present without
 *     it (e.g. a fee by law that the locality waives)
 * @param inCentreSince the date the item moved into the government service centre (进驻中心时间); empty when it has not
 *     moved in; department-channel intake after this date is two-end intake
 * @param legalReferences 设定依据 / 实施依据: the laws and documents the item rests on, in order (may be empty)
 * @param handlingForms 办理形式 (A.5), at least one
 */
public record ServiceItem(String name, String basicCode, String implementationCode, String department,
        ItemType itemType, HandlingType handlingType, TimeLimit statutoryLimit, TimeLimit promisedLimit,
        boolean feeCharged, Optional<String> feeBasis, Optional<LocalDate> inCentreSince,
        List<String> legalReferences, Set<HandlingForm> handlingForms) {

    public ServiceItem {
        ItemCodes.requireText(name, "item.name");
        ItemCodes.requireCode(basicCode, "item.basicCode");
        ItemCodes.requireCode(implementationCode, "item.implementationCode");
        ItemCodes.requireText(department, "item.department");
        InvalidValueException.requireNonNull(itemType, "item.itemType");
        InvalidValueException.requireNonNull(handlingType, "item.handlingType");
        InvalidValueException.requireNonNull(statutoryLimit, "item.statutoryLimit");
        InvalidValueException.requireNonNull(promisedLimit, "item.promisedLimit");
        InvalidValueException.requireNonNull(feeBasis, "item.feeBasis");
        InvalidValueException.requireNonNull(inCentreSince, "item.inCentreSince");
        InvalidValueException.requireNonNull(legalReferences, "item.legalReferences");
        InvalidValueException.requireNonNull(handlingForms, "item.handlingForms");
        for (int i = 0; i < legalReferences.size(); i++) {
            ItemCodes.requireText(legalReferences.get(i), "item.legalReferences[" + i + "]");
        }
        legalReferences = List.copyOf(legalReferences);
        if (handlingForms.stream().anyMatch(Objects::isNull)) {
            throw new InvalidValueException("item.handlingForms", handlingForms,
                    "办理形式不能含空值 / handling forms must not contain null");
        }
        if (handlingForms.isEmpty()) {
            throw new InvalidValueException("item.handlingForms", handlingForms,
                    "至少需要一种办理形式 / at least one handling form is required");
        }
        handlingForms = Set.copyOf(EnumSet.copyOf(handlingForms));
        if (feeBasis.isPresent() && feeBasis.get().isBlank()) {
            throw new InvalidValueException("item.feeBasis", feeBasis.get(),
                    "收费依据不能为空白 / a fee basis must not be blank");
        }
        if (feeCharged && feeBasis.isEmpty()) {
            throw new InvalidValueException("item.feeBasis", "",
                    "事项" + implementationCode + "收费但未写收费依据 / item " + implementationCode
                            + " charges a fee but gives no fee basis");
        }
        LimitUnit s = statutoryLimit.unit();
        LimitUnit p = promisedLimit.unit();
        if (p != s && p != LimitUnit.IMMEDIATE) {
            throw new InvalidValueException("item.promisedLimit", promisedLimit,
                    "承诺时限单位须与法定时限单位（" + statutoryLimit + "）相同或为即办 / the promised limit must have the "
                            + "statutory limit's unit (" + statutoryLimit + ") or be IMMEDIATE");
        }
    }

    /** The handling forms in code order (A.5), for display. */
    public List<HandlingForm> handlingFormsInOrder() {
        return List.copyOf(EnumSet.copyOf(handlingForms));
    }

    /** Whether the item had moved into the centre on {@code date} (false when it never moved in). */
    public boolean inCentreOn(LocalDate date) {
        InvalidValueException.requireNonNull(date, "date");
        return inCentreSince.map(since -> !date.isBefore(since)).orElse(false);
    }

    /** Starts a builder for the item with this implementation code (实施编码) and name (事项名称). */
    public static Builder builder(String implementationCode, String name) {
        return new Builder(implementationCode, name);
    }

    /** Collects an item's fields; {@link #build()} validates. Defaults: licensing (01), promised case (2),
     * no fee, not in the centre, no legal references, window handling only; limits must be set. */
    public static final class Builder {
        private final String implementationCode;
        private final String name;
        private String basicCode;
        private String department;
        private ItemType itemType = ItemType.LICENSING;
        private HandlingType handlingType = HandlingType.PROMISED;
        private TimeLimit statutoryLimit;
        private TimeLimit promisedLimit;
        private boolean feeCharged;
        private String feeBasis;
        private LocalDate inCentreSince;
        private List<String> legalReferences = List.of();
        private Set<HandlingForm> handlingForms = EnumSet.of(HandlingForm.WINDOW);

        private Builder(String implementationCode, String name) {
            this.implementationCode = implementationCode;
            this.name = name;
        }

        /** 基本编码. */
        public Builder basicCode(String code) {
            this.basicCode = code;
            return this;
        }

        /** 实施主体. */
        public Builder department(String department) {
            this.department = department;
            return this;
        }

        /** 事项类型 (A.1). */
        public Builder itemType(ItemType type) {
            this.itemType = type;
            return this;
        }

        /** 办件类型 (A.6). */
        public Builder handlingType(HandlingType type) {
            this.handlingType = type;
            return this;
        }

        /** 法定办结时限. */
        public Builder statutoryLimit(TimeLimit limit) {
            this.statutoryLimit = limit;
            return this;
        }

        /** 承诺办结时限. */
        public Builder promisedLimit(TimeLimit limit) {
            this.promisedLimit = limit;
            return this;
        }

        /** 是否收费 = 1 with its 收费依据. */
        public Builder fee(String basis) {
            this.feeCharged = true;
            this.feeBasis = basis;
            return this;
        }

        /** 是否收费 = 0 (the default); {@code basis} may be null. */
        public Builder noFee(String basis) {
            this.feeCharged = false;
            this.feeBasis = basis;
            return this;
        }

        /** 进驻中心时间. */
        public Builder inCentreSince(LocalDate date) {
            this.inCentreSince = date;
            return this;
        }

        /** 设定依据 / 实施依据. */
        public Builder legalReferences(String... references) {
            this.legalReferences = Arrays.asList(references.clone());
            return this;
        }

        /** 办理形式 (A.5). */
        public Builder handlingForms(HandlingForm first, HandlingForm... rest) {
            Set<HandlingForm> forms = new HashSet<>(Arrays.asList(rest));
            forms.add(first);
            this.handlingForms = forms;
            return this;
        }

        /** Validates and builds. */
        public ServiceItem build() {
            return new ServiceItem(name, basicCode, implementationCode, department, itemType, handlingType,
                    statutoryLimit, promisedLimit, feeCharged, Optional.ofNullable(feeBasis),
                    Optional.ofNullable(inCentreSince), legalReferences, handlingForms);
        }
    }
}
