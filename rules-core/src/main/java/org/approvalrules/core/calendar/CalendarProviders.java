package org.approvalrules.core.calendar;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.ServiceLoader;
import org.approvalrules.api.InvalidValueException;
import org.approvalrules.api.calendar.CalendarProvider;
import org.approvalrules.api.calendar.CoveragePolicy;
import org.approvalrules.api.calendar.WorkingCalendar;
import org.approvalrules.api.division.DivisionCode;

/**
 * The calendar providers in use: those found with {@link ServiceLoader} plus any given explicitly.
 * For a locality the provider with the highest {@link CalendarProvider#priority() priority} among
 * those that answer wins; two answering at the same top priority is a
 * {@link CalendarProviderConflictException} naming both — never a silent pick. Lower priorities are
 * asked only when no higher one answers. Immutable and thread-safe when the providers are.
 */
public final class CalendarProviders {

    private static final Comparator<CalendarProvider> ORDER = Comparator
            .comparingInt(CalendarProvider::priority).reversed().thenComparing(CalendarProvider::name);

    private final List<CalendarProvider> providers;

    private CalendarProviders(List<CalendarProvider> providers) {
        List<CalendarProvider> sorted = new ArrayList<>(providers);
        sorted.sort(ORDER);
        this.providers = List.copyOf(sorted);
    }

    /** The providers registered in {@code META-INF/services} on the context class loader's path. */
    public static CalendarProviders load() {
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        return load(loader != null ? loader : CalendarProviders.class.getClassLoader());
    }

    /** The providers registered in {@code META-INF/services} visible to {@code loader}. */
    public static CalendarProviders load(ClassLoader loader) {
        InvalidValueException.requireNonNull(loader, "classLoader");
        List<CalendarProvider> found = new ArrayList<>();
        ServiceLoader.load(CalendarProvider.class, loader).forEach(found::add);
        return new CalendarProviders(found);
    }

    /** Exactly the given providers (no service loading). */
    public static CalendarProviders of(CalendarProvider... providers) {
        return new CalendarProviders(checked(providers));
    }

    /** These providers plus {@code more}. */
    public CalendarProviders with(CalendarProvider... more) {
        List<CalendarProvider> all = new ArrayList<>(providers);
        all.addAll(checked(more));
        return new CalendarProviders(all);
    }

    private static List<CalendarProvider> checked(CalendarProvider[] providers) {
        InvalidValueException.requireNonNull(providers, "providers");
        List<CalendarProvider> list = new ArrayList<>();
        for (CalendarProvider p : providers) {
            list.add(InvalidValueException.requireNonNull(p, "provider"));
        }
        return list;
    }

    /** The providers, highest priority first (ties by name). */
    public List<CalendarProvider> providers() {
        return providers;
    }

    /** The calendar for {@code locality} from the winning provider. */
    public WorkingCalendar calendarFor(DivisionCode locality, CoveragePolicy policy) {
        return resolve(locality, policy).calendar();
    }

    /**
     * The winning provider's calendar for {@code locality}, with the provider (for explanations).
     *
     * @throws CalendarProviderConflictException when two providers answer at the same top priority
     * @throws CalendarNotFoundException when no provider answers
     */
    public Resolution resolve(DivisionCode locality, CoveragePolicy policy) {
        InvalidValueException.requireNonNull(locality, "locality");
        InvalidValueException.requireNonNull(policy, "policy");
        int i = 0;
        while (i < providers.size()) {
            int priority = providers.get(i).priority();
            Resolution winner = null;
            for (; i < providers.size() && providers.get(i).priority() == priority; i++) {
                CalendarProvider p = providers.get(i);
                Optional<WorkingCalendar> answer = p.calendarFor(locality, policy);
                if (answer == null || answer.isEmpty()) {
                    continue;
                }
                if (winner != null) {
                    throw new CalendarProviderConflictException(locality, priority, winner.provider(), p);
                }
                winner = new Resolution(answer.get(), p);
            }
            if (winner != null) {
                return winner;
            }
        }
        throw new CalendarNotFoundException(locality, providers.stream().map(CalendarProvider::name).toList());
    }

    @Override
    public String toString() {
        return "CalendarProviders" + providers.stream().map(p -> p.name() + " (priority " + p.priority() + ")").toList();
    }

    /** A calendar and the provider that supplied it. Immutable. */
    public record Resolution(WorkingCalendar calendar, CalendarProvider provider) {
        public Resolution {
            InvalidValueException.requireNonNull(calendar, "calendar");
            InvalidValueException.requireNonNull(provider, "provider");
        }
    }
}
