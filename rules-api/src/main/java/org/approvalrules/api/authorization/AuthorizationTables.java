package org.approvalrules.api.authorization;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.approvalrules.api.InvalidValueException;

/**
 * A centre's authorization records: delegations per department and item, chief representatives,
 * authorised window persons and window schedules. Answers "what is in force on a date". Immutable and
 * thread-safe.
 *
 * <p>Checked: one authorization per department, item and effective date; one schedule per department.
 *
 * @param authorizations 窗口授权 rows; for a department and item the one with the latest effective date on or
 *     before a date is in force
 * @param chiefs 首席代表 appointments; for a department the latest appointed on or before a date is in force
 * @param persons 窗口授权人员 grants
 * @param schedules 窗口对外办公安排, at most one per department
 */
public record AuthorizationTables(List<WindowAuthorization> authorizations, List<ChiefRepresentative> chiefs,
        List<AuthorizedPerson> persons, List<WindowSchedule> schedules) {

    /** Department and item: the key of an authorization. */
    private record Key(String department, String itemCode) {
    }

    public AuthorizationTables {
        authorizations = List.copyOf(InvalidValueException.requireNonNull(authorizations, "authorizations"));
        chiefs = List.copyOf(InvalidValueException.requireNonNull(chiefs, "chiefs"));
        persons = List.copyOf(InvalidValueException.requireNonNull(persons, "persons"));
        schedules = List.copyOf(InvalidValueException.requireNonNull(schedules, "schedules"));
        Map<Key, Set<LocalDate>> dates = new HashMap<>();
        for (WindowAuthorization a : authorizations) {
            if (!dates.computeIfAbsent(new Key(a.department(), a.itemCode()), k -> new TreeSet<>()).add(a.effectiveFrom())) {
                throw new InvalidValueException("authorizations", a.department() + "/" + a.itemCode() + "/" + a.effectiveFrom(),
                        "同一部门、事项、生效日期的授权重复 / duplicate authorization for one department, item and date");
            }
        }
        Set<String> scheduled = new TreeSet<>();
        for (WindowSchedule s : schedules) {
            if (!scheduled.add(s.department())) {
                throw new InvalidValueException("schedules", s.department(),
                        "同一部门只能有一份办公安排 / one schedule per department");
            }
        }
    }

    /** Only delegations. */
    public static AuthorizationTables of(Collection<WindowAuthorization> authorizations) {
        return new AuthorizationTables(List.copyOf(authorizations), List.of(), List.of(), List.of());
    }

    /** The authorizations in force on {@code date}, one per department and item, sorted by department then item. */
    public List<WindowAuthorization> inForceOn(LocalDate date) {
        Map<Key, WindowAuthorization> latest = new HashMap<>();
        for (WindowAuthorization a : authorizations) {
            if (a.inForceOn(date)) {
                latest.merge(new Key(a.department(), a.itemCode()), a,
                        (x, y) -> x.effectiveFrom().isAfter(y.effectiveFrom()) ? x : y);
            }
        }
        List<WindowAuthorization> out = new ArrayList<>(latest.values());
        out.sort(Comparator.comparing(WindowAuthorization::department).thenComparing(WindowAuthorization::itemCode));
        return out;
    }

    /** The departments with at least one item in force on {@code date}, sorted. */
    public Set<String> departmentsOn(LocalDate date) {
        Set<String> out = new TreeSet<>();
        inForceOn(date).forEach(a -> out.add(a.department()));
        return out;
    }

    /** The chief representative of {@code department} in force on {@code date}. */
    public Optional<ChiefRepresentative> chiefOn(String department, LocalDate date) {
        return chiefs.stream().filter(c -> c.department().equals(department) && c.inForceOn(date))
                .max(Comparator.comparing(ChiefRepresentative::appointedOn));
    }
}
