package org.approvalrules.api.intake;

import java.time.LocalDateTime;
import java.util.Optional;
import org.approvalrules.api.InvalidValueException;
import org.approvalrules.api.applicant.ApplicantId;
import org.approvalrules.api.cases.AcceptanceChannel;
import org.approvalrules.api.item.ItemCodes;

/**
 * One acceptance in an intake log (受理记录), from the centre's or a department's system. Immutable and
 * thread-safe; {@code toString} masks the applicant's identifier.
 *
 * @param caseNumber 办件编号 (old exchange field SBLSH)
 * @param itemCode 实施编码 of the service item (SXBM)
 * @param applicant 申请者证件号码 (统一社会信用代码 or 居民身份证号码, check character verified)
 * @param channel where it was accepted
 * @param channelName the branch centre's or channel's name (渠道名称); required for {@link AcceptanceChannel#BRANCH_CENTRE},
 *     which is matched against the approved branch centres of the locality
 * @param acceptedAt 受理时间 (local time of the locality; SLSJ)
 */
public record IntakeRecord(String caseNumber, String itemCode, ApplicantId applicant, AcceptanceChannel channel,
        Optional<String> channelName, LocalDateTime acceptedAt) {

    public IntakeRecord {
        check(caseNumber, itemCode, applicant, channel, channelName);
        InvalidValueException.requireNonNull(acceptedAt, "acceptedAt");
    }

    /**
     * Checks the fields of a record but its time, as the constructor does (for readers that pass the fields on
     * without building a record).
     *
     * @throws InvalidValueException naming the first field that is missing or invalid
     */
    public static void check(String caseNumber, String itemCode, ApplicantId applicant, AcceptanceChannel channel,
            Optional<String> channelName) {
        ItemCodes.requireText(caseNumber, "caseNumber");
        ItemCodes.requireText(itemCode, "itemCode");
        InvalidValueException.requireNonNull(applicant, "applicant");
        InvalidValueException.requireNonNull(channel, "channel");
        InvalidValueException.requireNonNull(channelName, "channelName");
        if (channelName.isPresent() && channelName.get().isBlank()) {
            throw new InvalidValueException("channelName", channelName.get(),
                    "渠道名称不能为空白 / a channel name must not be blank");
        }
        if (channel == AcceptanceChannel.BRANCH_CENTRE && channelName.isEmpty()) {
            throw new InvalidValueException("channelName", "",
                    "分中心受理须写明分中心名称 / a branch-centre intake must name its branch centre");
        }
    }

    /** A record without a channel name (any channel but {@link AcceptanceChannel#BRANCH_CENTRE}). */
    public static IntakeRecord of(String caseNumber, String itemCode, ApplicantId applicant, AcceptanceChannel channel,
            LocalDateTime acceptedAt) {
        return new IntakeRecord(caseNumber, itemCode, applicant, channel, Optional.empty(), acceptedAt);
    }
}
