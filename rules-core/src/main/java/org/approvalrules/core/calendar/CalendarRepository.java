package org.approvalrules.core.calendar;

import com.google.common.hash.Hasher;
import com.google.common.hash.Hashing;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import org.approvalrules.api.DataFormatException;
import org.approvalrules.api.InvalidValueException;
import org.approvalrules.api.calendar.CoveragePolicy;
import org.approvalrules.api.calendar.DateRange;
import org.approvalrules.api.calendar.OfficeHours;
import org.approvalrules.api.division.DivisionCode;
import org.approvalrules.api.division.UnknownDivisionException;

/**
 * The official calendar data: the national layer plus local layers by division code, composed
 * into one {@link CompiledCalendar} per locality. Immutable and thread-safe; composed calendars
 * are cached per (locality, policy).
 *
 * <p>The calendar of a locality is national + every ancestor layer present + the locality's own
 * layer, applied in that order (a lower layer overrides a higher one for the same date).
 * Coverage is the national layer's years, less the years a recurring local layer of the lineage
 * has no file for ({@link CalendarLayer#coversYear}): STRICT refuses their dates naming the layer
 * and year, PROVISIONAL answers them flagged provisional, with the layer's holidays estimated by
 * its {@link LocalHolidayEstimate} rule where one is known. Office hours and zone come from the
 * lowest layer that sets them ({@link OfficeHours#DEFAULT} and Asia/Shanghai otherwise).
 *
 * <p>All layers are checked when the repository is built: a local layer's year outside the
 * national coverage, a cancelled working day that is not one in the parent layers, a local
 * holiday on a parent's working weekend day without CANCEL_WORKDAY, or a local working day on a
 * parent's holiday, is a
 * {@link DataFormatException} naming the file and line. Format: docs/CALENDAR-DATA.md.
 */
public final class CalendarRepository {

    private static volatile CalendarRepository bundled;

    private final Map<DivisionCode, CalendarLayer> layers;
    private final DateRange coverage;
    private final String version;
    private final Map<Key, CompiledCalendar> cache = new ConcurrentHashMap<>();

    private record Key(DivisionCode locality, CoveragePolicy policy) {
    }

    private CalendarRepository(Map<DivisionCode, CalendarLayer> layers) {
        this.layers = Collections.unmodifiableMap(new TreeMap<>(layers));
        CalendarLayer national = this.layers.get(DivisionCode.NATIONAL);
        if (national == null) {
            throw new DataFormatException(origins(), 0, "layer", DivisionCode.NATIONAL.value(),
                    "缺少全国图层 000000 / the national layer 000000 is missing");
        }
        this.coverage = nationalCoverage(national);
        for (CalendarLayer layer : this.layers.values()) {
            if (!layer.isNational()) {
                check(layer);
            }
        }
        this.version = computeVersion();
    }

    private String origins() {
        return layers.values().stream().map(CalendarLayer::origin).distinct().reduce((a, b) -> a + ", " + b).orElse("<no layers>");
    }

    private static DateRange nationalCoverage(CalendarLayer national) {
        if (national.years().isEmpty()) {
            throw new DataFormatException(national.origin(), 0, "year", null, "全国图层没有年度文件 / the national layer has no year file");
        }
        int first = national.years().first();
        int last = national.years().last();
        for (int y = first; y <= last; y++) {
            if (!national.years().contains(y)) {
                throw new DataFormatException(national.origin() + "/" + y + ".csv", 0, "year", String.valueOf(y),
                        "全国图层年度不连续，缺少 " + y + " 年 / the national years have a gap: " + y + " is missing");
            }
        }
        return DateRange.ofYears(first, last);
    }

    private void check(CalendarLayer layer) {
        for (int y : layer.years()) {
            if (y < coverage.start().getYear() || y > coverage.end().getYear()) {
                throw new DataFormatException(layer.origin() + "/" + y + ".csv", 0, "year", String.valueOf(y),
                        "地方图层年度超出全国数据覆盖范围 " + coverage + "，须先有该年全国放假安排 / a local year outside the national coverage "
                                + coverage + ": the national arrangement for that year is needed first");
            }
        }
        Map<LocalDate, LayerDay> parent = composedDays(layer.code().parent().orElseThrow());
        for (LayerDay d : layer.days().values()) {
            LayerDay above = parent.get(d.date());
            if (d.kind() == LayerDayKind.HOLIDAY && above != null && above.kind() == LayerDayKind.ADJUSTED_WORKDAY) {
                throw new DataFormatException(d.file(), d.line(), "kind", d.kind().name(),
                        "上级图层（" + above.file() + " 第 " + above.line() + " 行）规定 " + d.date() + " 调休上班；地方放假须写 "
                                + "CANCEL_WORKDAY 明示取消该上班日 / the parent layer (" + above.file() + " line " + above.line()
                                + ") makes " + d.date() + " a working day: a local day off there must say so with CANCEL_WORKDAY");
            }
            if (d.kind() == LayerDayKind.ADJUSTED_WORKDAY && above != null && above.kind() == LayerDayKind.HOLIDAY) {
                throw new DataFormatException(d.file(), d.line(), "kind", d.kind().name(),
                        "上级图层（" + above.file() + " 第 " + above.line() + " 行）规定 " + d.date() + " 放假（" + above.name()
                                + "），地方图层不能改为上班 / the parent layer (" + above.file() + " line " + above.line() + ") makes "
                                + d.date() + " a holiday (" + above.name() + "): a local layer cannot make it a working day");
            }
            if (d.kind() != LayerDayKind.CANCEL_WORKDAY) {
                continue;
            }
            if (above == null || above.kind() != LayerDayKind.ADJUSTED_WORKDAY) {
                throw new DataFormatException(d.file(), d.line(), "date", d.date().toString(),
                        "被取消的日期在上级图层中不是调休上班日（上级为 " + (above == null ? "普通周末" : above.kind())
                                + "）/ the cancelled day is not a working day in the parent layers (parent: "
                                + (above == null ? "ordinary weekend" : above.kind()) + ")");
            }
        }
    }

    /** The days set for {@code locality}: national, then each present ancestor, then its own layer. */
    private Map<LocalDate, LayerDay> composedDays(DivisionCode locality) {
        Map<LocalDate, LayerDay> days = new TreeMap<>();
        for (CalendarLayer l : lineageLayers(locality)) {
            days.putAll(l.days());
        }
        return days;
    }

    private List<CalendarLayer> lineageLayers(DivisionCode locality) {
        List<CalendarLayer> out = new ArrayList<>(4);
        for (DivisionCode c : locality.lineage()) {
            CalendarLayer l = layers.get(c);
            if (l != null) {
                out.add(l);
            }
        }
        return out;
    }

    private String computeVersion() {
        Hasher h = Hashing.sha256().newHasher();
        for (CalendarLayer l : layers.values()) {
            h.putString(l.code().value(), StandardCharsets.UTF_8).putString(l.name(), StandardCharsets.UTF_8)
                    .putString(l.officeHours().map(Object::toString).orElse(""), StandardCharsets.UTF_8)
                    .putString(l.zone().map(ZoneId::getId).orElse(""), StandardCharsets.UTF_8)
                    .putString(l.years().toString(), StandardCharsets.UTF_8);
            for (LayerDay d : l.days().values()) {
                h.putString(d.date().toString(), StandardCharsets.UTF_8).putInt(d.kind().ordinal())
                        .putString(d.name(), StandardCharsets.UTF_8).putString(d.source(), StandardCharsets.UTF_8);
            }
        }
        return h.hash().toString().substring(0, 16);
    }

    // ---- factories ----

    /** The data bundled in rules-core (national 2004–2026 and the shipped local layers); loaded once. */
    public static CalendarRepository bundled() {
        CalendarRepository r = bundled;
        if (r == null) {
            synchronized (CalendarRepository.class) {
                r = bundled;
                if (r == null) {
                    r = new CalendarRepository(CalendarLayerLoader.loadBundled());
                    bundled = r;
                }
            }
        }
        return r;
    }

    /**
     * A repository of only the layers under {@code dir} (which must include {@code 000000}); see
     * {@link CalendarLayerLoader#loadDirectory(Path)} for the layout.
     */
    public static CalendarRepository fromDirectory(Path dir) {
        return new CalendarRepository(CalendarLayerLoader.loadDirectory(dir));
    }

    /**
     * A NEW repository: this one's layers, with every layer found under {@code dir} added, or
     * replacing as a whole this one's layer of the same code; a code folder without
     * {@code layer.properties} adds its year files to this one's layer of that code instead (e.g.
     * {@code 000000/2027.csv}: next year's national notice, the day it appears). This repository is unchanged and
     * stays usable; if anything under {@code dir} is malformed, nothing is returned.
     */
    public CalendarRepository withLayersFrom(Path dir) {
        Map<DivisionCode, CalendarLayer> merged = new TreeMap<>(layers);
        merged.putAll(CalendarLayerLoader.loadDirectory(dir, layers));
        return new CalendarRepository(merged);
    }

    // ---- queries ----

    /**
     * The calendar of {@code locality}: national + every ancestor layer present down to the
     * locality. A locality without its own layer inherits its ancestors'.
     *
     * @throws UnknownDivisionException if the code's province part is not a known province-level division
     */
    public CompiledCalendar calendarFor(DivisionCode locality, CoveragePolicy policy) {
        InvalidValueException.requireNonNull(locality, "locality");
        InvalidValueException.requireNonNull(policy, "policy");
        UnknownDivisionException.requireKnownProvince(locality);
        return cache.computeIfAbsent(new Key(locality, policy), k -> compose(k.locality(), k.policy()));
    }

    private CompiledCalendar compose(DivisionCode locality, CoveragePolicy policy) {
        CompiledCalendar.Builder b = CompiledCalendar.builder(locality, coverage).policy(policy);
        Set<LocalDate> set = new java.util.HashSet<>();
        for (CalendarLayer l : lineageLayers(locality)) {
            l.officeHours().ifPresent(b::officeHours);
            l.zone().ifPresent(b::zone);
            String layer = l.code().value();
            for (int y = coverage.start().getYear(); y <= coverage.end().getYear(); y++) {
                if (l.coversYear(y)) {
                    continue;
                }
                b.uncoveredYear(y, layer, l.name());
                if (policy == CoveragePolicy.PROVISIONAL) {
                    for (LocalHolidayEstimate.EstimatedDay e : l.estimate().days(y)) {
                        if (set.add(e.date())) { // a day a higher layer set keeps its notice
                            b.day(e.date(), org.approvalrules.api.calendar.DayKind.HOLIDAY, e.name(), layer,
                                    "推算规则 / estimate rule " + l.estimate().key() + "（" + y + " 年通知未收录 / no " + y + " notice）");
                        }
                    }
                }
            }
            for (LayerDay d : l.days().values()) {
                String name = d.kind() == LayerDayKind.CANCEL_WORKDAY
                        ? d.name() + "（取消上级图层的调休上班 / parent layer's working day cancelled）"
                        : d.name();
                b.day(d.date(), d.kind().dayKind(), name, layer, d.source());
                set.add(d.date());
            }
        }
        return b.build();
    }

    /** The codes of all layers held (national included). */
    public Set<DivisionCode> layers() {
        return layers.keySet();
    }

    /** The layer of {@code code}, if this repository holds one. */
    public Optional<CalendarLayer> layer(DivisionCode code) {
        return Optional.ofNullable(layers.get(code));
    }

    /** The layers that apply to {@code locality}, national first. */
    public List<CalendarLayer> layersFor(DivisionCode locality) {
        UnknownDivisionException.requireKnownProvince(locality);
        return List.copyOf(lineageLayers(locality));
    }

    /** The national coverage: the years of the national layer. */
    public DateRange coverage() {
        return coverage;
    }

    /** Content hash of all layers; equal data, equal version. */
    public String version() {
        return version;
    }

    @Override
    public String toString() {
        return "CalendarRepository[layers " + layers.keySet() + ", coverage " + coverage + ", version " + version + "]";
    }
}
