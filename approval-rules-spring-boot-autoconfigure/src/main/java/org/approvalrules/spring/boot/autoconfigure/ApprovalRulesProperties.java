package org.approvalrules.spring.boot.autoconfigure;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.approvalrules.api.calendar.CoveragePolicy;
import org.approvalrules.api.division.DivisionCode;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.Errors;
import org.springframework.validation.Validator;
import org.springframework.validation.annotation.Validated;

/**
 * The {@code approval-rules.*} settings of a Spring Boot application. Unknown keys under the prefix and bad
 * values fail the start, naming the property and the reason: unknown keys through the binder
 * ({@code ignoreUnknownFields = false}: every key of every property source under the prefix must bind),
 * types through conversion (a division code, a zone, a coverage policy, a duration), required values through
 * Jakarta Validation ({@code @Validated}), and the rest (directories exist, durations positive) through
 * {@link #validate(Object, Errors)}, which Spring Boot calls on the bound object with or without a
 * Jakarta Validation provider.
 */
@ConfigurationProperties(prefix = ApprovalRulesProperties.PREFIX, ignoreUnknownFields = false)
@Validated
public class ApprovalRulesProperties implements Validator {

    /** The prefix of every key. */
    public static final String PREFIX = "approval-rules";

    /**
     * Rule-pack directory: one sub-directory per layer, named by its division code (docs/RULE-PACKS.md); the
     * calendar folder of a layer is a calendar layer. Watched for changes (reload.watch). Without it: the
     * bundled national pack.
     */
    private Path packs;

    /**
     * Calendar-layer directory used instead of the bundled calendar data (one sub-directory per layer, named by
     * its division code, with layer.properties and YYYY.csv files; it must hold 000000, docs/CALENDAR-DATA.md).
     * Watched for changes like the packs (reload.watch): a change reloads the national layer, which re-reads every
     * calendar file; the packs' calendar layers are added on top and reloaded with the packs.
     */
    private Path calendars;

    /**
     * Calendar directory laid over the calendar data (the bundled data, or calendars): one sub-directory per
     * division code; a folder without layer.properties only adds its year files, e.g. 000000/2027.csv with next
     * year's national notice the day it appears (docs/CALENDAR-DATA.md). Watched for changes (reload.watch): a
     * change reloads the national layer, which re-reads every calendar file.
     */
    private Path calendarDirectory;

    /** What a date outside the published calendar years does: STRICT (an error) or PROVISIONAL (Mon–Fri, marked provisional). */
    @NotNull
    private CoveragePolicy coverage = CoveragePolicy.STRICT;

    /** The locality (6-digit division code) of cases that name none; compiled at start and reported by health. */
    @NotNull
    private DivisionCode defaultLocality = DivisionCode.NATIONAL;

    /** Further localities compiled at start and reported by health (e.g. every county the system serves). */
    @NotNull
    private List<DivisionCode> localities = new ArrayList<>();

    /** The zone of the clock that decides "now" and "today" (health's calendar check, evaluations without an instant). */
    @NotNull
    private ZoneId clockZone = ZoneId.of("Asia/Shanghai");

    /** Reload settings. */
    @Valid
    private final Reload reload = new Reload();

    /** Reload of the rule packs and calendars on a change of the packs, calendars or calendar-directory directories. */
    public static class Reload {
        /**
         * Whether a change under the packs directory reloads the changed layer(s), and a change under calendars or
         * calendar-directory the national layer (every calendar file re-read).
         */
        private boolean watch = true;

        /** Quiet time after the last change before reloading (an editor's save is several events). */
        @NotNull
        private Duration debounce = Duration.ofMillis(500);

        public boolean isWatch() {
            return watch;
        }

        public void setWatch(boolean watch) {
            this.watch = watch;
        }

        public Duration getDebounce() {
            return debounce;
        }

        public void setDebounce(Duration debounce) {
            this.debounce = debounce;
        }
    }

    public Path getPacks() {
        return packs;
    }

    public void setPacks(Path packs) {
        this.packs = packs;
    }

    public Path getCalendars() {
        return calendars;
    }

    public void setCalendars(Path calendars) {
        this.calendars = calendars;
    }

    public Path getCalendarDirectory() {
        return calendarDirectory;
    }

    public void setCalendarDirectory(Path calendarDirectory) {
        this.calendarDirectory = calendarDirectory;
    }

    public CoveragePolicy getCoverage() {
        return coverage;
    }

    public void setCoverage(CoveragePolicy coverage) {
        this.coverage = coverage;
    }

    public DivisionCode getDefaultLocality() {
        return defaultLocality;
    }

    public void setDefaultLocality(DivisionCode defaultLocality) {
        this.defaultLocality = defaultLocality;
    }

    public List<DivisionCode> getLocalities() {
        return localities;
    }

    public void setLocalities(List<DivisionCode> localities) {
        this.localities = localities;
    }

    public ZoneId getClockZone() {
        return clockZone;
    }

    public void setClockZone(ZoneId clockZone) {
        this.clockZone = clockZone;
    }

    public Reload getReload() {
        return reload;
    }

    /** The calendar directories given ({@code calendars}, {@code calendar-directory}), in that order. */
    public List<Path> calendarDirectories() {
        return java.util.stream.Stream.of(calendars, calendarDirectory).filter(java.util.Objects::nonNull).toList();
    }

    /** The default locality first, then the configured ones, without repeats. */
    public List<DivisionCode> startLocalities() {
        List<DivisionCode> all = new ArrayList<>();
        if (defaultLocality != null) {
            all.add(defaultLocality);
        }
        for (DivisionCode c : localities == null ? List.<DivisionCode>of() : localities) {
            if (c != null && !all.contains(c)) {
                all.add(c);
            }
        }
        return List.copyOf(all);
    }

    @Override
    public boolean supports(Class<?> type) {
        return ApprovalRulesProperties.class.isAssignableFrom(type);
    }

    @Override
    public void validate(Object target, Errors errors) {
        ApprovalRulesProperties p = (ApprovalRulesProperties) target;
        directory(errors, "packs", p.packs, "规则包目录不存在或不是目录 / the rule-pack directory does not exist or is not a directory");
        directory(errors, "calendars", p.calendars, "日历层目录不存在或不是目录 / the calendar-layer directory does not exist or is not a directory");
        directory(errors, "calendarDirectory", p.calendarDirectory,
                "日历目录不存在或不是目录 / the calendar directory does not exist or is not a directory");
        if (p.localities != null && p.localities.contains(null)) {
            errors.rejectValue("localities", "approvalrules.locality", "地区列表含空项 / the list of localities has an empty entry");
        }
        Duration d = p.reload.debounce;
        if (d != null && (d.isNegative() || d.isZero() || d.compareTo(Duration.ofMinutes(1)) > 0)) {
            errors.rejectValue("reload.debounce", "approvalrules.debounce",
                    "应大于 0 且不超过 1 分钟 / must be more than 0 and at most 1 minute");
        }
    }

    private static void directory(Errors errors, String field, Path dir, String reason) {
        if (dir != null && !Files.isDirectory(dir)) {
            errors.rejectValue(field, "approvalrules.directory", reason);
        }
    }
}
