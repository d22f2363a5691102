package org.approvalrules.api.fee;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotBlank;
import java.util.Objects;
import org.approvalrules.api.item.ItemCodes;

/**
 * The service guide (办事指南) of one catalogue entry as published, for the 八公开 check: the eight things a
 * centre must make public for every item (seed 001): name, legal basis (设定依据), conditions (受理条件),
 * materials (申请材料目录), procedure (办理流程), time limit (办理时限), fee basis (收费依据) and fee standard
 * (收费标准). The constraints are Jakarta Validation annotations; each message is the field's name, Chinese
 * first. The two fee fields are required when the item charges a fee ({@code charges}); a free item need not
 * publish them. Immutable; blank texts are kept as given (the check reports them).
 */
public final class ServiceGuide {
    private final String itemCode;
    private final String department;
    private final boolean charges;

    @NotBlank(message = "事项名称 / item name")
    private final String name;
    @NotBlank(message = "设定依据 / legal basis")
    private final String legalBasis;
    @NotBlank(message = "受理条件 / conditions")
    private final String conditions;
    @NotBlank(message = "申请材料目录 / list of materials")
    private final String materials;
    @NotBlank(message = "办理流程 / procedure")
    private final String procedure;
    @NotBlank(message = "办理时限 / time limit")
    private final String timeLimit;
    private final String feeBasis;
    private final String feeStandard;

    /**
     * @param itemCode 实施编码 (required)
     * @param department 部门编码 (may be blank)
     * @param charges whether the item charges a fee (its {@code fee_standards} are not empty)
     * @param name … @param feeStandard the published texts, null or blank when not published
     */
    public ServiceGuide(String itemCode, String department, boolean charges, String name, String legalBasis,
            String conditions, String materials, String procedure, String timeLimit, String feeBasis, String feeStandard) {
        this.itemCode = ItemCodes.requireText(itemCode, "guide.itemCode");
        this.department = department == null ? "" : department;
        this.charges = charges;
        this.name = name;
        this.legalBasis = legalBasis;
        this.conditions = conditions;
        this.materials = materials;
        this.procedure = procedure;
        this.timeLimit = timeLimit;
        this.feeBasis = feeBasis;
        this.feeStandard = feeStandard;
    }

    /** 收费依据 is published, or the item charges nothing. */
    @AssertTrue(message = "收费依据 / fee basis")
    public boolean isFeeBasisPublished() {
        return !charges || !blank(feeBasis);
    }

    /** 收费标准 is published, or the item charges nothing. */
    @AssertTrue(message = "收费标准 / fee standard")
    public boolean isFeeStandardPublished() {
        return !charges || !blank(feeStandard);
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    public String itemCode() {
        return itemCode;
    }

    public String department() {
        return department;
    }

    public boolean charges() {
        return charges;
    }

    public String name() {
        return name;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ServiceGuide g && g.itemCode.equals(itemCode) && g.department.equals(department)
                && g.charges == charges && Objects.equals(g.name, name) && Objects.equals(g.legalBasis, legalBasis)
                && Objects.equals(g.conditions, conditions) && Objects.equals(g.materials, materials)
                && Objects.equals(g.procedure, procedure) && Objects.equals(g.timeLimit, timeLimit)
                && Objects.equals(g.feeBasis, feeBasis) && Objects.equals(g.feeStandard, feeStandard);
    }

    @Override
    public int hashCode() {
        return Objects.hash(itemCode, department, charges, name, legalBasis, conditions, materials, procedure, timeLimit,
                feeBasis, feeStandard);
    }

    @Override
    public String toString() {
        return "ServiceGuide[" + itemCode + "]";
    }
}
