package org.approvalrules.testkit.gen;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.Optional;
import org.approvalrules.api.authorization.AuthorizationData;
import org.approvalrules.api.authorization.CatalogueItem;
import org.approvalrules.api.authorization.Delegation;
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

    /**
     * Catalogue and delegation records (items.csv, delegations.csv) over {@code departments} departments
     * ({@code D0}…) and {@code items} items ({@code I-0}…, item {@code i} belonging to department
     * {@code i % departments}), each item in the centre from a date in {@code dates} or not at all, and up to
     * {@code maxDelegations} delegations of an item's power by its department, from a date in {@code dates},
     * open-ended or ending up to a year later; a second delegation of the same item and power is dropped (they
     * would overlap). Shrinks towards fewer delegations and items out of the centre.
     */
    public static Gen<AuthorizationData> records(int departments, int items, DateRange dates, int maxDelegations) {
        Gen<List<Optional<LocalDate>>> centre = Gen.listOf(Gen.optional(DeadlineGens.dates(dates)), items, items);
        Gen<Delegation> delegation = Gen.zip(Gen.zip(Gen.ints(0, items - 1), Gen.ints(0, Power.values().length - 1),
                        (i, p) -> new int[] {i, p}),
                Gen.zip(DeadlineGens.dates(dates), Gen.optional(Gen.ints(0, 366)), (from, len) -> new Object[] {from, len}),
                (ip, fl) -> {
                    LocalDate from = (LocalDate) fl[0];
                    @SuppressWarnings("unchecked")
                    Optional<Integer> len = (Optional<Integer>) fl[1];
                    return new Delegation("D" + ip[0] % departments, "I-" + ip[0], Power.values()[ip[1]], "授权文件", from,
                            len.map(from::plusDays));
                });
        return Gen.zip(centre, Gen.listOf(delegation, 0, maxDelegations), (c, ds) -> {
            List<CatalogueItem> catalogue = new ArrayList<>();
            for (int i = 0; i < items; i++) {
                catalogue.add(new CatalogueItem("I-" + i, "D" + i % departments, Optional.empty(), c.get(i)));
            }
            Set<String> keys = new HashSet<>();
            List<Delegation> kept = new ArrayList<>();
            for (Delegation d : ds) {
                if (keys.add(d.itemCode() + "/" + d.power())) {
                    kept.add(d);
                }
            }
            return new AuthorizationData(catalogue, kept, List.of(), List.of(), List.of(),
                    EnumSet.of(AuthorizationData.Part.ITEMS, AuthorizationData.Part.DELEGATIONS));
        });
    }
}
