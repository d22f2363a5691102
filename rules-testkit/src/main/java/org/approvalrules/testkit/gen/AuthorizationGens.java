package org.approvalrules.testkit.gen;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.approvalrules.api.authorization.Power;
import org.approvalrules.api.authorization.WindowAuthorization;
import org.approvalrules.api.calendar.DateRange;

/**
 * Generators (with shrinking) for the window-authorization domain: power sets and authorization tables
 * over a few departments and items, with effective dates in a range (so that some are not yet in force).
 */
public final class AuthorizationGens {

    private AuthorizationGens() {
    }

    /** Subsets of the seven powers, shrinking towards the empty set. */
    public static Gen<Set<Power>> powerSets() {
        return Gen.ints(0, (1 << Power.values().length) - 1).map(mask -> {
            Set<Power> s = EnumSet.noneOf(Power.class);
            for (Power p : Power.values()) {
                if ((mask & (1 << p.ordinal())) != 0) {
                    s.add(p);
                }
            }
            return s;
        });
    }

    /**
     * Authorization tables of up to {@code maxRows} rows over {@code departments} departments ({@code 部门0}…)
     * and {@code items} item codes ({@code ITEM-0}…), effective dates in {@code dates}; rows repeating a
     * department, item and date are dropped (a table may not hold them).
     */
    public static Gen<List<WindowAuthorization>> tables(int departments, int items, DateRange dates, int maxRows) {
        Gen<WindowAuthorization> row = Gen.zip(Gen.zip(Gen.ints(0, departments - 1), Gen.ints(0, items - 1), (d, i) -> new int[] {d, i}),
                Gen.zip(powerSets(), DeadlineGens.dates(dates), (p, from) -> new Object[] {p, from}),
                (di, pf) -> {
                    @SuppressWarnings("unchecked")
                    Set<Power> powers = (Set<Power>) pf[0];
                    return new WindowAuthorization("部门" + di[0], "ITEM-" + di[1], powers, "文件", (LocalDate) pf[1]);
                });
        return Gen.listOf(row, 0, maxRows).map(rows -> {
            Set<String> keys = new HashSet<>();
            List<WindowAuthorization> out = new ArrayList<>();
            for (WindowAuthorization a : rows) {
                if (keys.add(a.department() + "/" + a.itemCode() + "/" + a.effectiveFrom())) {
                    out.add(a);
                }
            }
            return out;
        });
    }
}
