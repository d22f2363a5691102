package org.approvalrules.api.intake;

import java.time.LocalDate;
import org.approvalrules.api.InvalidValueException;
import org.approvalrules.api.cases.AcceptanceChannel;
import org.approvalrules.api.rules.RuleFact;

/**
 * An acceptance at the department end (a department office, a branch centre not approved on the record's date, or
 * a named online portal not approved while others are) of an item listed in the move-in register (进驻清单); one per
 * case (applicant, item and case number; from its earliest department-end record); a case the centre's system also
 * exported under the same number is a centre-end case and has none.
 * Immutable.
 *
 * @param record the intake record (its case number is the subject of findings)
 * @param move the item's entry in the move-in register
 */
public record DepartmentAcceptanceFact(IntakeRecord record, ItemMove move) implements RuleFact {

    public DepartmentAcceptanceFact {
        InvalidValueException.requireNonNull(record, "intake.record");
        InvalidValueException.requireNonNull(move, "intake.move");
        if (!move.itemCode().equals(record.itemCode())) {
            throw new InvalidValueException("intake.move.itemCode", move.itemCode(),
                    "进驻清单条目不属于事项 " + record.itemCode() + " / the register entry is for another item than " + record.itemCode());
        }
        if (record.channel() == AcceptanceChannel.CENTRE_WINDOW) {
            throw new InvalidValueException("intake.channel", record.channel(),
                    "中心窗口受理不是部门端 / a centre window is not the department end");
        }
        if (record.channel() == AcceptanceChannel.ONLINE && record.channelName().isEmpty()) {
            throw new InvalidValueException("intake.channelName", "",
                    "未写明名称的网上渠道视为中心端 / an online channel without a name is the centre end");
        }
    }

    /** Whether the item may be accepted only in the centre since it moved in. */
    public boolean centreOnly() {
        return move.centreOnly();
    }

    /** The day of acceptance. */
    public LocalDate acceptedOn() {
        return record.acceptedAt().toLocalDate();
    }

    /** Whether the acceptance was on or after the day the item moved into the centre. */
    public boolean afterMoveIn() {
        return !acceptedOn().isBefore(move.movedIn());
    }

    /** Whether it was accepted at a branch centre (not approved that day) rather than a department office. */
    public boolean branchCentre() {
        return record.channel() == AcceptanceChannel.BRANCH_CENTRE;
    }

    /** Whether it was accepted through an online portal not approved that day (a department's own portal). */
    public boolean online() {
        return record.channel() == AcceptanceChannel.ONLINE;
    }

    /** Where it was accepted, in Chinese: "部门", "未经批准的分中心“name”" or "未经批准的网上渠道“name”". */
    public String endName() {
        return switch (record.channel()) {
            case BRANCH_CENTRE -> "未经批准的分中心“" + record.channelName().orElseThrow() + "”";
            case ONLINE -> "未经批准的网上渠道“" + record.channelName().orElseThrow() + "”";
            default -> "部门";
        };
    }

    @Override
    public String subject() {
        return record.caseNumber();
    }

    @Override
    public LocalDate factDate() {
        return acceptedOn();
    }
}
