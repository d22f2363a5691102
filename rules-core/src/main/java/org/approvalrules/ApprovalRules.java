package org.approvalrules;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import org.approvalrules.api.DataFormatException;
import org.approvalrules.api.InvalidValueException;
import org.approvalrules.api.authorization.AuthorizationData;
import org.approvalrules.api.authorization.AuthorizationReport;
import org.approvalrules.api.authorization.AuthorizationScorecard;
import org.approvalrules.api.authorization.AuthorizationTables;
import org.approvalrules.api.calendar.CalendarProvider;
import org.approvalrules.api.calendar.CoveragePolicy;
import org.approvalrules.api.calendar.WorkingCalendar;
import org.approvalrules.api.cases.ApprovalCase;
import org.approvalrules.api.deadline.DeadlineInput;
import org.approvalrules.api.deadline.DeadlinePolicy;
import org.approvalrules.api.division.DivisionCode;
import org.approvalrules.api.fee.FeeAssessment;
import org.approvalrules.api.fee.ChargeRecord;
import org.approvalrules.api.fee.FeeAuditLine;
import org.approvalrules.api.fee.FeeCheck;
import org.approvalrules.api.fee.FeeRequest;
import org.approvalrules.api.fee.FeeStandard;
import org.approvalrules.api.finding.Finding;
import org.approvalrules.api.intake.IntakeRecord;
import org.approvalrules.api.intake.IntakeScan;
import org.approvalrules.api.intake.IntakeRegisters;
import org.approvalrules.api.intake.ItemMove;
import org.approvalrules.api.item.ServiceItem;
import org.approvalrules.api.rules.CaseEvaluation;
import org.approvalrules.api.rules.RulePackException;
import org.approvalrules.api.spi.RuleEngineProvider;
import org.approvalrules.core.authorization.AuthorizationAssessor;
import org.approvalrules.api.supervise.SupervisionResult;
import org.approvalrules.core.calendar.CalendarProviders;
import org.approvalrules.core.calendar.CalendarRepository;
import org.approvalrules.core.deadline.CaseDeadlineInputs;
import org.approvalrules.core.rules.DomainChecks;
import org.approvalrules.core.rules.EntryPointAccess;
import org.approvalrules.core.rules.LocalitySnapshot;
import org.approvalrules.core.rules.RuleEngines;
import org.approvalrules.core.rules.RuleSets;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.approvalrules.core.supervise.SupervisionJob;

/**
 * The one entry point of the library: a case in, its deadlines and its locality's findings out. An
 * embedder touches only this class, its nested types and {@code org.approvalrules.api} types.
 *
 * <pre>{@code
 * try (ApprovalRules rules = ApprovalRules.builder().packs(Path.of("/etc/approval-rules/packs")).build()) {
 *     CaseEvaluation e = rules.evaluate(approvalCase, serviceItem);   // as of the clock
 *     e.deadline().governing().dueDate(); e.status(); e.findings();
 * }
 * }</pre>
 *
 * <p>Each locality is served from one immutable snapshot ({@link Locality}): its calendar (bundled
 * national data + local layers, including the packs' {@code <code>/calendar/} layers) and that calendar's
 * version, its effective parameters (every domain's values checked when the snapshot is built), its rules
 * compiled by the rule engine found on the class path (the {@link RuleEngineProvider} SPI; the artifact
 * {@code rules-drools} supplies Drools) and their rule-set version. For each case: parameters at the
 * case's <b>acceptance date</b> → deadline policy → deadline engine → facts → the locality's rules →
 * findings, every one carrying the snapshot's rule-set and calendar versions. A locality disables or
 * replaces any rule by id. (The engine's built-in findings stay in {@code deadline().findings()} for
 * comparison.)
 *
 * <p>{@link #reload(DivisionCode)} re-reads a pack layer and every calendar file given (the calendar layers,
 * the calendar directory, the packs' calendar layers), checks and compiles everything affected, and swaps new snapshots in together — or, on any error, nothing (the
 * running snapshots keep serving). An evaluation uses one snapshot from start to end. Thread-safe; build
 * once and share; close it to release the compiled rules. {@link #localities()} and {@link #lastReload()} say
 * what is in service; a {@link Listener} given to the builder is told of every evaluation and reload.
 */
public final class ApprovalRules implements AutoCloseable {
    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    private static final Logger LOG = LoggerFactory.getLogger(ApprovalRules.class);

    private final Optional<Path> packs;
    private final CoveragePolicy coverage;
    private final Clock clock;
    private final RuleSets ruleSets;
    /** The calendar layers replacing the bundled data ({@code calendarLayers(Path)}), re-read on reload; or null. */
    private final Path calendarLayers;
    /** The calendar directory laid over them ({@code calendarDirectory(Path)}), re-read on reload; or null. */
    private final Path calendarDirectory;
    private final CalendarProviders providers;
    private final Listener listener;
    private final int parallelism;
    private final java.util.concurrent.Executor executor;
    private volatile Snapshots snapshots;
    private volatile Reload lastReload;

    static {
        EntryPointAccess.register(new EntryPointAccess.Accessor() {
            @Override
            public LocalitySnapshot snapshot(Locality locality) {
                return locality.snapshot;
            }

            @Override
            public RuleSets ruleSets(ApprovalRules rules) {
                return rules.ruleSets;
            }
        });
    }

    /** The snapshots in service: calendars and one snapshot per locality, all taken together. */
    private record Snapshots(CalendarRepository calendars, ConcurrentHashMap<DivisionCode, Locality> localities) {
    }

    /**
     * The outcome of a {@link #reload}.
     *
     * @param layer the layer reloaded
     * @param swapped whether the new rules and calendar layers went into service (both, or neither)
     * @param ruleSetVersions the rule-set versions in service afterwards, by locality
     * @param calendarVersion the calendar repository version in service afterwards (empty with providers)
     * @param problems why nothing was swapped (file, line), empty on success
     */
    public record Reload(DivisionCode layer, boolean swapped, Map<DivisionCode, String> ruleSetVersions,
            Optional<String> calendarVersion, List<RulePackException.Problem> problems) {
    }

    private ApprovalRules(Builder b) {
        this.packs = Optional.ofNullable(b.packs);
        this.coverage = b.coverage;
        this.clock = b.clock;
        this.providers = b.providers;
        this.calendarLayers = b.calendarLayers;
        this.calendarDirectory = b.calendarDirectory;
        this.listener = b.listener;
        this.parallelism = b.parallelism;
        this.executor = b.executor;
        CalendarRepository calendars = readCalendars();
        RuleEngineProvider engine = b.engine != null ? b.engine : RuleEngines.load();
        this.ruleSets = packs.map(p -> RuleSets.directory(p, engine)).orElseGet(() -> RuleSets.bundled(engine));
        this.snapshots = new Snapshots(calendars, new ConcurrentHashMap<>());
    }

    /**
     * A new builder: bundled national pack and calendars, STRICT coverage, the system clock in Asia/Shanghai,
     * the rule engine found on the class path.
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * The calendar repository from the files: the bundled data or {@code calendarLayers}, then
     * {@code calendarDirectory}, then the packs' calendar layers; null when the calendars come from providers.
     *
     * @throws DataFormatException when a calendar file is malformed (file, line)
     */
    private CalendarRepository readCalendars() {
        if (providers != null) {
            return null;
        }
        CalendarRepository base = calendarLayers != null ? CalendarRepository.fromDirectory(calendarLayers)
                : CalendarRepository.bundled();
        if (calendarDirectory != null) {
            base = base.withLayersFrom(calendarDirectory);
        }
        return packs.isPresent() ? base.withLayersFrom(packs.get()) : base;
    }

    // ---------------------------------------------------------------- evaluation

    /** Evaluates a case as of now (the clock). */
    public CaseEvaluation evaluate(ApprovalCase approvalCase, ServiceItem item) {
        return evaluate(approvalCase, item, clock.instant());
    }

    /** Evaluates a case as of {@code asOf} (replay history by passing a past instant). */
    public CaseEvaluation evaluate(ApprovalCase approvalCase, ServiceItem item, Instant asOf) {
        InvalidValueException.requireNonNull(approvalCase, "case");
        return locality(approvalCase.locality()).evaluate(approvalCase, item, asOf);
    }

    /**
     * Evaluates a batch of cases of one locality as of {@code asOf}: one snapshot (calendar and rule set)
     * for the whole batch, parameters chosen per case by its acceptance date. Results are in input order.
     * The batch runs on the caller's thread, or in parts on the builder's {@link Builder#parallelism executor}.
     * Every result is held until the batch returns: for large batches prefer
     * {@link #evaluate(DivisionCode, List, Instant, Consumer)}.
     *
     * @throws InvalidValueException when a case names another locality, or two cases share an id
     * @throws RulePackException when the locality's parameters are invalid or its rules do not compile
     */
    public List<CaseEvaluation> evaluate(DivisionCode locality, List<DeadlineInput> cases, Instant asOf) {
        return locality(locality).evaluate(cases, asOf);
    }

    /**
     * Evaluates a batch as {@link #evaluate(DivisionCode, List, Instant)}, handing each case's evaluation to
     * {@code out} in input order, on the caller's thread, as soon as it is made: nothing of a case is kept once
     * handed over, so a large batch costs no more memory than a small one. See
     * {@link Locality#evaluate(List, Instant, Consumer)} for when errors are thrown.
     *
     * @throws InvalidValueException when a case names another locality, or two cases share an id (before
     *     anything is handed over)
     * @throws RulePackException when the locality's parameters are invalid or its rules do not compile
     */
    public void evaluate(DivisionCode locality, List<DeadlineInput> cases, Instant asOf, Consumer<? super CaseEvaluation> out) {
        locality(locality).evaluate(cases, asOf, out);
    }

    /** Evaluates one case given as a deadline input (its locality, or {@code locality}). */
    public CaseEvaluation evaluate(DivisionCode locality, DeadlineInput input, Instant asOf) {
        return evaluate(locality, List.of(input), asOf).get(0);
    }

    // ---------------------------------------------------------------- what is in service

    /**
     * The snapshot in service for {@code locality} (built on first use: calendar, parameters checked for
     * every domain, rules compiled). A later {@link #reload} does not change a snapshot already taken.
     *
     * @throws RulePackException when the locality's parameters are invalid or its rules do not compile
     */
    public Locality locality(DivisionCode locality) {
        InvalidValueException.requireNonNull(locality, "locality");
        Snapshots s = snapshots;
        Locality l = s.localities().get(locality);
        if (l != null) {
            return l;
        }
        synchronized (this) {
            Snapshots current = snapshots;
            return current.localities().computeIfAbsent(locality, c -> newLocality(current, c));
        }
    }

    private Locality newLocality(Snapshots s, DivisionCode code) {
        WorkingCalendar calendar = s.calendars() != null ? s.calendars().calendarFor(code, coverage)
                : providers.calendarFor(code, coverage);
        return new Locality(new LocalitySnapshot(code, calendar, ruleSets.ruleSet(code)), clock, listener, parallelism,
                executor);
    }

    /** The deadline policy a case of {@code locality} accepted on {@code acceptedOn} is computed with. */
    public DeadlinePolicy policy(DivisionCode locality, LocalDate acceptedOn) {
        return locality(locality).policy(acceptedOn);
    }

    /** The calendar of {@code locality} in service (before any office-hours parameter of its pack). */
    public WorkingCalendar calendar(DivisionCode locality) {
        return locality(locality).calendar();
    }

    /** The localities with a snapshot in service (built by a first use, rebuilt by every swapping reload). */
    public java.util.Set<DivisionCode> localities() {
        return java.util.Set.copyOf(snapshots.localities().keySet());
    }

    /** The outcome of the last {@link #reload}, swapped or not; empty before the first. */
    public Optional<Reload> lastReload() {
        return Optional.ofNullable(lastReload);
    }

    /** The pack directory, empty when only the bundled national pack is used. */
    public Optional<Path> packs() {
        return packs;
    }

    /** The clock used when no instant is given. */
    public Clock clock() {
        return clock;
    }

    /** The name of the rule engine in use (e.g. {@code "drools"}). */
    public String ruleEngine() {
        return ruleSets.provider().name();
    }

    // ---------------------------------------------------------------- reload

    /**
     * Re-reads pack layer {@code layer} and the calendar files (the builder's calendar layers and calendar
     * directory, and the calendar layers of the pack directory: next year's national file goes in without a
     * restart), recompiles every
     * locality in service at or below it, and swaps rules and calendars in together — or, on any error,
     * neither (the running ones stay, the problems are returned). Evaluations already running finish on
     * what they started with. Without a pack directory the bundled rules stay and only the calendar files are
     * re-read.
     */
    public synchronized Reload reload(DivisionCode layer) {
        InvalidValueException.requireNonNull(layer, "layer");
        Reload outcome = reloadNow(layer);
        lastReload = outcome;
        try {
            listener.reloaded(outcome);
        } catch (RuntimeException e) {
            LOG.warn("监听器出错（已忽略）/ listener failed (ignored) after reloading {}", layer, e);
        }
        return outcome;
    }

    private Reload reloadNow(DivisionCode layer) {
        Snapshots s = snapshots;
        CalendarRepository calendars;
        try {
            calendars = readCalendars();
        } catch (DataFormatException e) {
            return new Reload(layer, false, versions(s), version(s.calendars()),
                    List.of(new RulePackException.Problem(e.file(), e.line(), e.getMessage())));
        }
        // the bundled pack does not change while running: only the calendar files are re-read then
        if (packs.isPresent()) {
            RuleSets.ReloadResult r = ruleSets.reload(layer);
            if (!r.swapped()) {
                return new Reload(layer, false, versions(s), version(s.calendars()), r.problems());
            }
        }
        Snapshots next = new Snapshots(calendars, new ConcurrentHashMap<>());
        for (DivisionCode c : s.localities().keySet()) {
            next.localities().put(c, newLocality(next, c));
        }
        snapshots = next;
        return new Reload(layer, true, versions(next), version(calendars), List.of());
    }

    private static Map<DivisionCode, String> versions(Snapshots s) {
        Map<DivisionCode, String> m = new HashMap<>();
        s.localities().forEach((k, v) -> m.put(k, v.ruleSetVersion()));
        return Map.copyOf(m);
    }

    private static Optional<String> version(CalendarRepository r) {
        return Optional.ofNullable(r).map(CalendarRepository::version);
    }

    @Override
    public void close() {
        ruleSets.close();
    }

    @Override
    public String toString() {
        return "ApprovalRules[packs " + packs.map(Path::toString).orElse("<bundled national>") + ", calendars "
                + (providers != null ? providers : snapshots.calendars()) + ", coverage " + coverage + ", engine "
                + ruleSets.provider().name() + "]";
    }

    // ---------------------------------------------------------------- locality snapshot

    /**
     * One locality as it is in service: its calendar and calendar version, its effective parameters, its
     * compiled rules and rule-set version, taken together and never changed (a reload makes a new one).
     * Every finding of an evaluation through it carries {@link #ruleSetVersion()} and
     * {@link #calendarVersion()}. Immutable and thread-safe.
     */
    public static final class Locality {
        private final LocalitySnapshot snapshot;
        private final DomainChecks domains;
        private final Listener listener;
        private final int parallelism;
        private final java.util.concurrent.Executor executor;

        private Locality(LocalitySnapshot snapshot, Clock clock, Listener listener, int parallelism,
                java.util.concurrent.Executor executor) {
            this.snapshot = snapshot;
            this.listener = listener;
            this.parallelism = parallelism;
            this.executor = executor;
            // the rules judge these facts by their own dates; the instant only stamps the evaluation
            this.domains = new DomainChecks(snapshot.parameters(), snapshot.ruleSetVersion(), snapshot.calendar(),
                    facts -> snapshot.evaluate(facts, clock.instant()));
        }

        /** The locality's division code. */
        public DivisionCode code() {
            return snapshot.code();
        }

        /** The rule-set version (content hash of effective rules and parameters). */
        public String ruleSetVersion() {
            return snapshot.ruleSetVersion();
        }

        /** The version of {@link #calendar()}. */
        public String calendarVersion() {
            return snapshot.calendarVersion();
        }

        /** The working calendar (local layers included; before any office-hours parameter of the pack). */
        public WorkingCalendar calendar() {
            return snapshot.calendar();
        }

        /** The deadline policy of a case accepted on {@code acceptedOn}. */
        public DeadlinePolicy policy(LocalDate acceptedOn) {
            return snapshot.policy(acceptedOn);
        }

        /**
         * Evaluates a batch of this locality's cases as of {@code asOf}; results in input order.
         *
         * @throws InvalidValueException when a case names another locality, or two cases share an id
         */
        public List<CaseEvaluation> evaluate(List<DeadlineInput> cases, Instant asOf) {
            List<CaseEvaluation> results = new ArrayList<>(InvalidValueException.requireNonNull(cases, "cases").size());
            long start = System.nanoTime();
            snapshot.evaluateCases(cases, asOf, results::add, parallelism, executor);
            tell(results, System.nanoTime() - start);
            return results;
        }

        /**
         * Evaluates a batch of this locality's cases as of {@code asOf} and hands each case's evaluation to
         * {@code out} in input order, always on the caller's thread, keeping nothing of a case once handed over
         * (no result of a large batch survives a young collection; the list form keeps all until it returns).
         * Localities and ids of the whole batch are checked before anything is handed over; any other error (a
         * case accepted after {@code asOf}, a day outside a strict calendar, the rules' time budget) is thrown
         * where it happens, after the cases before it were handed over, as is an exception thrown by
         * {@code out}. The {@link Listener} is told of each run of up to 4,096 cases handed over.
         *
         * @throws InvalidValueException when a case names another locality, or two cases share an id
         */
        public void evaluate(List<DeadlineInput> cases, Instant asOf, Consumer<? super CaseEvaluation> out) {
            InvalidValueException.requireNonNull(out, "out");
            if (listener == Listener.NONE) {
                snapshot.evaluateCases(cases, asOf, out, parallelism, executor);
                return;
            }
            List<CaseEvaluation> told = new ArrayList<>(TOLD);
            long[] since = {System.nanoTime()};
            snapshot.evaluateCases(cases, asOf, e -> {
                out.accept(e);
                told.add(e);
                if (told.size() == TOLD) {
                    long now = System.nanoTime();
                    tell(List.copyOf(told), now - since[0]);
                    told.clear();
                    since[0] = System.nanoTime();
                }
            }, parallelism, executor);
            if (!told.isEmpty()) {
                tell(List.copyOf(told), System.nanoTime() - since[0]);
            }
        }

        /** How many evaluations the streaming form hands the listener at a time. */
        private static final int TOLD = 4096;

        private void tell(List<CaseEvaluation> results, long nanos) {
            if (listener == Listener.NONE) {
                return;
            }
            try {
                listener.evaluated(snapshot.code(), results, nanos);
            } catch (RuntimeException e) {
                LOG.warn("监听器出错（已忽略）/ listener failed (ignored) after evaluating {} cases of {}", results.size(),
                        snapshot.code(), e);
            }
        }

        /** Evaluates one case as of {@code asOf}. */
        public CaseEvaluation evaluate(ApprovalCase approvalCase, ServiceItem item, Instant asOf) {
            InvalidValueException.requireNonNull(approvalCase, "case");
            return evaluate(List.of(CaseDeadlineInputs.of(approvalCase, item)), asOf).get(0);
        }

        /**
         * The window-authorization checks (窗口授权) of [from, to] on this locality's calendar and rules:
         * delegation rates and chief representatives on {@code to}, window opening of every scheduled
         * department over the period.
         *
         * @throws org.approvalrules.api.calendar.CalendarCoverageException when a strict calendar does not cover the period
         */
        public AuthorizationReport checkAuthorization(AuthorizationTables tables, LocalDate from, LocalDate to) {
            return domains.checkAuthorization(tables, from, to, true);
        }

        /**
         * As {@link #checkAuthorization(AuthorizationTables, LocalDate, LocalDate)}; with
         * {@code chiefRepresentatives} false the chief representatives are not judged (the tables do not list
         * them, rather than "no department has one").
         */
        public AuthorizationReport checkAuthorization(AuthorizationTables tables, LocalDate from, LocalDate to,
                boolean chiefRepresentatives) {
            return domains.checkAuthorization(tables, from, to, chiefRepresentatives);
        }

        /**
         * Window authorization measured from the locality's records ({@code items.csv}, {@code delegations.csv},
         * {@code staff.csv}, {@code schedules.csv}, {@code steps.csv}, read by
         * {@code org.approvalrules.core.authorization.AuthorizationDataReader}) as of {@code asOf}: delegation
         * rates per department and power over the in-centre catalogue (and for the locality), departments with
         * no in-centre item, the scorecard of {@code authorization.scorecard}, the parts not checked, and the
         * findings of this locality's {@code authorization.*} rules. Rates, chief representatives and staff are
         * assessed on {@code asOf}, 回局签批 on every step up to it, measured opening and roster coverage over the
         * four weeks ending on it (see {@link #authorizationReport(AuthorizationData, LocalDate, LocalDate)}).
         * Returns api types only; never reads the clock.
         *
         * @throws org.approvalrules.api.calendar.CalendarCoverageException when a strict calendar does not cover the period
         */
        public AuthorizationScorecard authorizationReport(AuthorizationData data, LocalDate asOf) {
            return authorizationReport(data, AuthorizationAssessor.defaultFrom(asOf), asOf);
        }

        /** As {@link #authorizationReport(AuthorizationData, LocalDate)}, opening and rosters measured over [from, asOf]. */
        public AuthorizationScorecard authorizationReport(AuthorizationData data, LocalDate from, LocalDate asOf) {
            InvalidValueException.requireNonNull(data, "data");
            return domains.authorizationReport(data, from, asOf);
        }

        /** The steps of {@code approvalCase} signed outside the window's authorization (回局签批). */
        public List<Finding> checkSignatures(ApprovalCase approvalCase, AuthorizationTables tables) {
            return domains.checkSignatures(approvalCase, tables);
        }

        /** The fee standard {@code id} in force on {@code date}, with this locality's amounts. */
        public Optional<FeeStandard> feeStandard(String id, LocalDate date) {
            return domains.feeStandard(id, date);
        }

        /**
         * When the fee standard {@code id} had been in force but ended (abolished, 停征) by {@code date}: its last day
         * in force; empty when it is in force, unknown or not yet in force.
         */
        public Optional<LocalDate> feeStandardEnded(String id, LocalDate date) {
            return domains.feeStandardEnded(id, date);
        }

        /** The ids of the fee standards known. */
        public List<String> feeStandardIds() {
            return domains.feeStandardIds();
        }

        /**
         * What is due for {@code request} on its date, line by line, with the exemption that applies.
         *
         * @throws InvalidValueException when no such standard is in force on the request's date, or the
         *     quantities do not fit it
         */
        public FeeAssessment quoteFee(FeeRequest request) {
            return domains.quoteFee(request);
        }

        /** The findings of this locality's fee rules on the recorded charges of one case. */
        public List<Finding> checkFees(List<FeeCheck> charges) {
            return domains.checkFees(charges);
        }

        /**
         * The 八公开 check of service guides (e.g. the guide columns of {@code items.csv}, read by
         * {@code org.approvalrules.core.fee.GuideReader}): each guide validated with Jakarta Validation, and this
         * locality's rule {@code fee.guide-incomplete} reports the fields a guide does not publish. {@code asOf} is
         * the date the findings are about.
         */
        public List<Finding> checkGuides(List<org.approvalrules.api.fee.ServiceGuide> guides, LocalDate asOf) {
            return domains.checkGuides(guides, asOf);
        }

        /**
         * The audit of a fee register (e.g. {@code charges.csv} read by {@code org.approvalrules.core.fee.ChargesReader}):
         * each record assessed with the standard in force on its date and judged by this locality's fee rules, one line
         * per record in order. {@code items} gives a record's service item when known (through its case's item code);
         * without it the item's own checks (是否收费, in the centre, unified collection) are not made, and the line says
         * so. A record naming a standard the catalogue does not know is rejected with the reason, not judged.
         */
        public List<FeeAuditLine> auditFees(List<ChargeRecord> charges,
                java.util.function.Function<ChargeRecord, Optional<ServiceItem>> items) {
            return domains.auditFees(charges, items);
        }

        /**
         * A scan of one intake log (两头受理) against the move-in register {@code moves}: feed it records in
         * any order ({@link IntakeScan#add}), then {@link IntakeScan#finish()}. For one thread.
         */
        public IntakeScan scanIntake(Collection<ItemMove> moves) {
            return domains.scanIntake(moves);
        }

        /**
         * A scan of intake logs (两头受理, 明进暗不进, 体外循环, 前店后厂, volume) against the move-in register and, when
         * given, the results issued, the steps of cases and the approved channels: feed it records in any order from
         * any number of logs ({@link IntakeScan#add}), then {@link IntakeScan#finish()}. For one thread.
         */
        public IntakeScan scanIntake(IntakeRegisters registers) {
            return domains.scanIntake(registers);
        }

        /** The findings of this locality's intake rules on {@code records} against {@code moves}. */
        public List<Finding> scanIntake(Iterable<IntakeRecord> records, Collection<ItemMove> moves) {
            IntakeScan scan = scanIntake(moves);
            InvalidValueException.requireNonNull(records, "records").forEach(scan::add);
            return scan.finish();
        }

        /**
         * Supervises a data directory (电子监察, docs/DATA-FORMAT.md): reads the catalogue, cases, events and the
         * other files present, judges every domain with this locality's rules as of {@code asOf}, and writes
         * {@code findings.jsonl}, {@code summary.json} and {@code rejects.csv} (and {@code report.html} when the
         * report writer is on the class path) into {@code outDir}. A run with rejected records is not
         * {@link SupervisionResult#complete()}.
         *
         * @throws DataFormatException when a required file is missing, a file cannot be read, or the directory
         *     holds records of another locality (naming the file)
         */
        public SupervisionResult supervise(Path dataDir, Instant asOf, Path outDir) {
            return supervise(dataDir, asOf, outDir, line -> { });
        }

        /** As {@link #supervise(Path, Instant, Path)}, with a short progress line after each stage and batch. */
        public SupervisionResult supervise(Path dataDir, Instant asOf, Path outDir, Consumer<String> progress) {
            return SupervisionJob.run(this, dataDir, asOf, outDir, progress);
        }

        @Override
        public String toString() {
            return "Locality[" + code() + ", rules " + ruleSetVersion() + ", calendar " + calendarVersion() + "]";
        }
    }

    // ---------------------------------------------------------------- listener

    /**
     * Told of what the entry point does, for metrics and health (e.g. the Spring Boot starter's): every batch of
     * case evaluations, through any way in, and every reload, swapped or not. Called on the caller's thread after
     * the work; an exception it throws is logged and ignored, never breaking an evaluation. Keep it cheap.
     */
    public interface Listener {
        /** Listens to nothing (the default). */
        Listener NONE = new Listener() {
        };

        /** A batch of {@code results.size()} cases of {@code locality} was evaluated in {@code nanos}. */
        default void evaluated(DivisionCode locality, List<CaseEvaluation> results, long nanos) {
        }

        /** A reload ended with {@code outcome} (also kept as {@link ApprovalRules#lastReload()}). */
        default void reloaded(Reload outcome) {
        }
    }

    // ---------------------------------------------------------------- builder

    /**
     * Settings of an {@link ApprovalRules}; every mistake is reported by {@link #build()} with the name of
     * the setting. Not thread-safe.
     */
    public static final class Builder {
        private Path packs;
        private CalendarProviders providers;
        private Path calendarLayers;
        private Path calendarDirectory;
        private CoveragePolicy coverage = CoveragePolicy.STRICT;
        private Clock clock = Clock.system(SHANGHAI);
        private RuleEngineProvider engine;
        private Listener listener = Listener.NONE;
        private int parallelism = 1;
        private java.util.concurrent.Executor executor;
        private final List<Mistake> mistakes = new ArrayList<>();

        private record Mistake(String setting, Object value, String reason) {
        }

        private Builder() {
        }

        /**
         * The rule-pack directory (one sub-directory per layer, named by division code; see
         * docs/RULE-PACKS.md). Without it: the bundled national pack only. Its {@code <code>/calendar/}
         * folders are calendar layers added to the calendars.
         */
        public Builder packs(Path dir) {
            if (dir == null) {
                mistakes.add(new Mistake("packs", null, "不能为 null / must not be null"));
            }
            this.packs = dir;
            return this;
        }

        /**
         * Calendars from these providers (the {@link CalendarProvider} SPI, e.g. an embedder's database, in
         * order of precedence) instead of the calendar layers; a pack directory with calendar layers is
         * then a mistake (two sources of truth).
         */
        public Builder calendars(List<? extends CalendarProvider> providers) {
            boolean nulls = providers == null || providers.stream().anyMatch(java.util.Objects::isNull);
            if (nulls) {
                mistakes.add(new Mistake("calendars", providers, "不能为 null / must not be null"));
            }
            if (this.calendarLayers != null || this.providers != null) {
                mistakes.add(new Mistake("calendars", null, "只能设置一次（日历提供者或日历层目录） / set more than once (providers or calendar layers)"));
            }
            this.providers = nulls ? null
                    : CalendarProviders.of(providers.toArray(CalendarProvider[]::new));
            return this;
        }

        /**
         * Calendars from the calendar layers under {@code dir} alone (it must hold {@code 000000}; layout in
         * docs/CALENDAR-DATA.md) instead of the bundled data, plus the packs' calendar layers. A malformed
         * layer is reported by {@link #build()} with file and line.
         */
        public Builder calendarLayers(Path dir) {
            if (dir == null) {
                mistakes.add(new Mistake("calendarLayers", null, "不能为 null / must not be null"));
            }
            if (this.calendarLayers != null || this.providers != null) {
                mistakes.add(new Mistake("calendarLayers", dir, "只能设置一次（日历提供者或日历层目录） / set more than once (providers or calendar layers)"));
            }
            this.calendarLayers = dir;
            return this;
        }

        /**
         * A {@code calendar/} directory of calendar layers (one folder per division code, {@code 000000} the national
         * layer) laid over the bundled data or the repository, before the packs' layers: next year's national file
         * ({@code 000000/2027.csv}, e.g. written by {@code calendar import}) takes effect without a release. A folder
         * without {@code layer.properties} adds its year files to the layer of that code. See docs/CALENDAR-DATA.md.
         */
        public Builder calendarDirectory(Path dir) {
            if (dir == null) {
                mistakes.add(new Mistake("calendarDirectory", null, "不能为 null / must not be null"));
            }
            this.calendarDirectory = dir;
            return this;
        }

        /** STRICT (default: a date outside the published years is an error) or PROVISIONAL. */
        public Builder coverage(CoveragePolicy policy) {
            if (policy == null) {
                mistakes.add(new Mistake("coverage", null, "不能为 null / must not be null"));
            }
            this.coverage = policy;
            return this;
        }

        /** The clock for evaluations without an explicit instant (default: system clock, Asia/Shanghai). */
        public Builder clock(Clock clock) {
            if (clock == null) {
                mistakes.add(new Mistake("clock", null, "不能为 null / must not be null"));
            }
            this.clock = clock;
            return this;
        }

        /**
         * The rule engine to compile the packs with (default: the {@link RuleEngineProvider} of highest
         * priority found by {@link java.util.ServiceLoader}, e.g. the Drools one of {@code rules-drools}).
         */
        public Builder ruleEngine(RuleEngineProvider provider) {
            if (provider == null) {
                mistakes.add(new Mistake("ruleEngine", null, "不能为 null / must not be null"));
            }
            this.engine = provider;
            return this;
        }

        /** Told of every batch of case evaluations and every reload (default: {@link Listener#NONE}). */
        public Builder listener(Listener listener) {
            if (listener == null) {
                mistakes.add(new Mistake("listener", null, "不能为 null / must not be null"));
            }
            this.listener = listener == null ? Listener.NONE : listener;
            return this;
        }

        /**
         * Batches evaluated on up to {@code parts} threads at once: the caller's thread and {@code parts - 1}
         * tasks on {@code executor} (the embedder's own, e.g. a fixed pool of {@code parts - 1} threads) take
         * contiguous parts of up to 4,096 cases in input order, with no barrier between parts. Default: 1, every
         * batch on the caller's thread; nothing is ever run on a pool the embedder did not give. A batch of fewer
         * than 8,192 cases is not split. Results, and the cases handed to a consumer (always on the caller's
         * thread), stay in input order; when parts fail, the parts before the earliest failing one are handed
         * to a consumer and that part's error is thrown after every task has stopped. Each part has its own rule
         * session and the rules' time budget of a batch of its size.
         */
        public Builder parallelism(int parts, java.util.concurrent.Executor executor) {
            if (parts < 1) {
                mistakes.add(new Mistake("parallelism", parts, "并行份数至少为 1 / parts must be at least 1"));
            }
            if (executor == null && parts > 1) {
                mistakes.add(new Mistake("parallelism", null, "执行器不能为 null / executor must not be null"));
            }
            this.parallelism = Math.max(1, parts);
            this.executor = executor;
            return this;
        }

        /**
         * Loads the packs and calendar layers (all-or-nothing) and returns the facade.
         *
         * @throws InvalidValueException naming the setting when a setting is wrong
         * @throws RulePackException when a pack layer is malformed (file, line), or no rule engine is on the
         *     class path (add {@code rules-drools})
         * @throws DataFormatException when a calendar layer is malformed (file, line)
         */
        public ApprovalRules build() {
            if (mistakes.isEmpty() && calendarLayers != null && !Files.isDirectory(calendarLayers)) {
                mistakes.add(new Mistake("calendarLayers", calendarLayers, "日历层目录不存在 / not a directory"));
            }
            if (mistakes.isEmpty() && calendarDirectory != null && providers != null) {
                mistakes.add(new Mistake("calendarDirectory", calendarDirectory, "已指定日历提供者，不能再给日历目录（两个来源）"
                        + " / calendar providers were given: a calendar directory would be a second source of truth"));
            }
            if (mistakes.isEmpty() && calendarDirectory != null && !Files.isDirectory(calendarDirectory)) {
                mistakes.add(new Mistake("calendarDirectory", calendarDirectory, "日历目录不存在 / not a directory"));
            }
            if (mistakes.isEmpty() && packs != null && !Files.isDirectory(packs)) {
                mistakes.add(new Mistake("packs", packs, "规则包目录不存在 / not a directory"));
            }
            if (mistakes.isEmpty() && packs != null && providers != null) {
                List<String> layers = calendarLayersIn(packs);
                if (!layers.isEmpty()) {
                    mistakes.add(new Mistake("calendars", layers, "已指定日历提供者，但规则包目录含日历层"
                            + "（两个来源）；请改用 calendarLayers(Path) / calendar providers were given but the pack "
                            + "directory holds calendar layers (two sources of truth); use calendarLayers(Path)"));
                }
            }
            if (!mistakes.isEmpty()) {
                Mistake m = mistakes.get(0);
                String more = mistakes.size() == 1 ? "" : "；另有 / also: " + mistakes.subList(1, mistakes.size()).stream()
                        .map(x -> x.setting() + ": " + x.reason()).toList();
                throw new InvalidValueException("ApprovalRules.builder()." + m.setting(), m.value(), m.reason() + more);
            }
            return new ApprovalRules(this);
        }

        private static List<String> calendarLayersIn(Path dir) {
            try (var s = Files.list(dir)) {
                return s.filter(p -> Files.isDirectory(p.resolve("calendar"))).map(p -> p.getFileName().toString())
                        .sorted().toList();
            } catch (java.io.IOException e) {
                throw new InvalidValueException("packs", dir, "无法读取目录 / cannot list the directory: " + e.getMessage());
            }
        }
    }
}
