package org.approvalrules.api.intake;

import java.time.LocalDate;
import java.util.Optional;
import org.approvalrules.api.InvalidValueException;
import org.approvalrules.api.cases.AcceptanceChannel;
import org.approvalrules.api.item.ItemCodes;

/**
 * An approved intake channel ({@code channels.csv}): a branch centre or an online portal, by the name the logs give
 * in 渠道名称, approved from one day to another. Acceptances through it are the centre end. Immutable.
 *
 * @param name the channel's name as written in the logs
 * @param kind {@link AcceptanceChannel#BRANCH_CENTRE} or {@link AcceptanceChannel#ONLINE}
 * @param from first day approved
 * @param to last day approved (inclusive); empty while approved
 */
public record ApprovedChannel(String name, AcceptanceChannel kind, LocalDate from, Optional<LocalDate> to) {

    public ApprovedChannel {
        ItemCodes.requireText(name, "channel.name");
        InvalidValueException.requireNonNull(kind, "channel.kind");
        InvalidValueException.requireNonNull(from, "channel.from");
        InvalidValueException.requireNonNull(to, "channel.to");
        if (kind != AcceptanceChannel.BRANCH_CENTRE && kind != AcceptanceChannel.ONLINE) {
            throw new InvalidValueException("channel.kind", kind,
                    "批准的渠道应为分中心或网上 / an approved channel is a branch centre or online");
        }
        if (to.isPresent() && to.get().isBefore(from)) {
            throw new InvalidValueException("channel.to", to.get(),
                    "截止日期早于起始日期 " + from + " / ends before it starts on " + from);
        }
    }

    /** Whether {@code name} of {@code kind} is this channel and it is approved on {@code day}. */
    public boolean approves(AcceptanceChannel kind, String name, LocalDate day) {
        return this.kind == kind && this.name.equals(name) && !day.isBefore(from) && (to.isEmpty() || !day.isAfter(to.get()));
    }
}
