package org.approvalrules.core.rules;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Consumer;
import org.approvalrules.api.InvalidValueException;
import org.approvalrules.api.calendar.WorkingCalendar;
import org.approvalrules.api.deadline.DeadlineInput;
import org.approvalrules.api.deadline.DeadlinePolicy;
import org.approvalrules.api.deadline.DeadlineResult;
import org.approvalrules.api.division.DivisionCode;
import org.approvalrules.api.finding.Finding;
import org.approvalrules.api.rules.CalendarFunctions;
import org.approvalrules.api.rules.CaseEvaluation;
import org.approvalrules.api.rules.CaseFacts;
import org.approvalrules.api.rules.RuleFact;
import org.approvalrules.api.spi.EvaluationContext;
import org.approvalrules.core.deadline.DeadlineEngine;
import org.approvalrules.core.parameter.ParameterSet;

/**
 * Everything one locality is evaluated with, taken together and never changed: its calendar (and that
 * calendar's version), its effective parameters, its compiled rules and their rule-set version. The entry
 * point holds one per locality and swaps it atomically on reload; every finding of an evaluation through
 * one snapshot carries the same rule-set and calendar versions. Internal: embedders reach it through
 * {@code ApprovalRules.Locality} (the library's own tools through {@link EntryPointAccess}); the domain paths (deadline here; authorization, fees, intake next) route
 * their facts through {@link #evaluate(Collection, Instant)}. Immutable and thread-safe.
 */
public final class LocalitySnapshot {
    private final DivisionCode code;
    private final WorkingCalendar calendar;
    private final CalendarFunctions calendarFunctions;
    private final RuleSets.RuleSet ruleSet;

    /**
     * @param code the locality
     * @param calendar its working calendar (local layers included)
     * @param ruleSet its rule set in service
     */
    public LocalitySnapshot(DivisionCode code, WorkingCalendar calendar, RuleSets.RuleSet ruleSet) {
        this.code = InvalidValueException.requireNonNull(code, "locality");
        this.calendar = InvalidValueException.requireNonNull(calendar, "calendar");
        this.ruleSet = InvalidValueException.requireNonNull(ruleSet, "ruleSet");
        this.calendarFunctions = CalendarFunctions.of(calendar);
    }

    /** The locality. */
    public DivisionCode code() {
        return code;
    }

    /** The working calendar (before any office-hours parameter of the pack). */
    public WorkingCalendar calendar() {
        return calendar;
    }

    /** The version of {@link #calendar()}, carried by every finding. */
    public String calendarVersion() {
        return calendar.version();
    }

    /** The rule-set version (content hash of effective rules and parameters), carried by every finding. */
    public String ruleSetVersion() {
        return ruleSet.version();
    }

    /** The effective parameters (checked for every domain). */
    public ParameterSet parameters() {
        return ruleSet.pack().parameters();
    }

    /** The rule set (effective pack and compiled rules). */
    public RuleSets.RuleSet ruleSet() {
        return ruleSet;
    }

    /** The deadline policy of a case accepted on {@code acceptedOn}. */
    public DeadlinePolicy policy(LocalDate acceptedOn) {
        InvalidValueException.requireNonNull(acceptedOn, "acceptedOn");
        return DeadlinePolicies.policy(parameters(), acceptedOn);
    }

    /**
     * Evaluates any facts through this snapshot's compiled rules as of {@code asOf}, with this snapshot's
     * calendar as the rules' {@code calendar}: every finding carries {@link #ruleSetVersion()} and
     * {@link #calendarVersion()}.
     */
    public List<Finding> evaluate(Collection<? extends RuleFact> facts, Instant asOf) {
        InvalidValueException.requireNonNull(facts, "facts");
        return ruleSet.rules().evaluate(facts, new EvaluationContext(
                InvalidValueException.requireNonNull(asOf, "asOf"), calendarFunctions, calendarVersion()));
    }

    /**
     * Evaluates a batch of cases of this locality as of {@code asOf}: the deadline engine on this calendar
     * with the policy of each case's acceptance date, then the rules. Results are in input order.
     *
     * @throws InvalidValueException when a case names another locality, or two cases share an id
     */
    public List<CaseEvaluation> evaluateCases(List<DeadlineInput> cases, Instant asOf) {
        List<CaseEvaluation> out = new ArrayList<>(InvalidValueException.requireNonNull(cases, "cases").size());
        evaluateCases(cases, asOf, out::add, 1, null);
        return out;
    }

    /**
     * Evaluates a batch as {@link #evaluateCases(List, Instant)} and hands each case's evaluation to {@code out}
     * in input order as soon as its chunk of the rules has run, keeping nothing of a case once handed over (no
     * result of a large batch survives a young collection). The localities and ids of the whole batch are
     * checked before anything is evaluated; any other error (a case accepted after {@code asOf}, a day outside a
     * strict calendar, the time budget) stops the batch where it happens, after the evaluations of the chunks
     * before it were handed over.
     *
     * <p>With {@code parallelism} above 1 and an {@code executor}, a batch of at least {@value #PART} × 2 cases is
     * evaluated in contiguous parts of up to {@value #PART} cases, taken in input order by the caller's thread and
     * up to {@code parallelism - 1} tasks on the executor (a task the executor refuses is not retried: the
     * caller's thread takes its parts), each part with its own rule session and the time budget of a batch of
     * its size, with no barrier between parts. Each part's evaluations go to {@code out} in input order once
     * every part before it has; when a part fails, the parts before it are handed over and its error — the
     * earliest of the batch — is thrown after every task has stopped. {@code out} is only ever called on the
     * caller's thread.
     *
     * @throws InvalidValueException when a case names another locality, or two cases share an id
     */
    public void evaluateCases(List<DeadlineInput> cases, Instant asOf, Consumer<? super CaseEvaluation> out,
            int parallelism, Executor executor) {
        InvalidValueException.requireNonNull(cases, "cases");
        InvalidValueException.requireNonNull(asOf, "asOf");
        InvalidValueException.requireNonNull(out, "out");
        DeadlineInput[] inputs = cases.toArray(new DeadlineInput[0]);
        int n = inputs.length;
        CaseIds ids = new CaseIds(inputs);
        for (int i = 0; i < n; i++) {
            DeadlineInput in = InvalidValueException.requireNonNull(inputs[i], "case");
            if (in.locality().isPresent() && !in.locality().get().equals(code)) {
                throw new InvalidValueException("case " + in.caseId() + ".locality", in.locality().get(),
                        "办件地区与评估地区 " + code + " 不同 / the case belongs to another locality than " + code);
            }
            if (!ids.add(i)) {
                throw new InvalidValueException("case", in.caseId(), "同一批次中办件编号重复 / duplicate case id in the batch");
            }
        }
        if (n == 0) {
            return;
        }
        ids = null;   // the id table (2 slots a case) is not needed any more
        Batch batch = new Batch(inputs, asOf);
        if (parallelism <= 1 || executor == null || n < 2 * PART) {
            batch.evaluate(0, n, out);
            return;
        }
        new Parts(batch, n, parallelism).run(executor, out);
    }

    /** The cases of a part evaluated in parallel: the unit a thread takes from a parallel batch. */
    private static final int PART = 4096;

    /**
     * One batch being evaluated: its inputs (checked), the policy and calendar of each acceptance date (shared by
     * the parts of a parallel batch), and what one case's evaluation needs between its facts and its findings.
     */
    private final class Batch {
        private final DeadlineInput[] inputs;
        private final Instant asOf;
        private final LocalDate asOfDate;
        private final DayPolicies days;
        private final EvaluationContext ctx;

        Batch(DeadlineInput[] inputs, Instant asOf) {
            this.inputs = inputs;
            this.asOf = asOf;
            this.asOfDate = LocalDateTime.ofInstant(asOf, DeadlineFacts.ZONE).toLocalDate();
            this.days = new DayPolicies(parameters(), inputs[0].accepted().toLocalDate());
            this.ctx = new EvaluationContext(asOf, calendarFunctions, calendarVersion());
        }

        /**
         * Evaluates cases [from, to) and hands each evaluation to {@code out} in order; a case's result and policy
         * are held from its facts until its findings come back, then let go.
         */
        void evaluate(int from, int to, Consumer<? super CaseEvaluation> out) {
            int n = to - from;
            // by position, each let go when its case is handed over (a provider may ask for any number of facts
            // before it hands findings over: the SPI's default asks for all)
            DayPolicy[] used = new DayPolicy[n];
            DeadlineResult[] results = new DeadlineResult[n];
            String version = ruleSetVersion();
            // findings come back by the position of their fact, chunk by chunk: no grouping by case id
            ruleSet.rules().evaluateEach(n, i -> {
                DeadlineInput in = inputs[from + i];
                DayPolicy p = days.on(in.accepted().toLocalDate());
                DeadlineResult r = DeadlineEngine.INSTANCE.evaluate(in, p.calendar, p.policy, asOf);
                used[i] = p;
                results[i] = r;
                return DeadlineFacts.of(in, r, p.calendar, code, asOfDate);
            }, ctx, (findings, i) -> {
                DeadlineResult r = results[i];
                DayPolicy p = used[i];
                results[i] = null;
                used[i] = null;
                out.accept(new CaseEvaluation(r.caseId(), code, r, findings, p.policy, r.calendarVersion(), version));
            });
        }
    }

    /**
     * A parallel batch: parts of {@value #PART} cases taken in input order from a shared counter by the caller's
     * thread and up to {@code parallelism - 1} tasks on the embedder's executor, with no barrier between parts. A
     * part's evaluations are held until every part before it has been handed over; the caller's thread hands
     * them to the consumer in input order (the consumer is never called on another thread) and takes a part
     * itself whenever the next one to hand over is not ready. No thread takes a part more than
     * {@code 4 × parallelism} parts ahead of the last one handed over, so a batch holds at most that many parts'
     * evaluations at once. The first part that fails stops the taking of parts; the parts before it are handed
     * over, then its error is thrown after every task has stopped — the earliest error of the batch, since parts
     * are taken in order. All state is guarded by this object's monitor, taken a few times per part.
     */
    private static final class Parts {
        private final Batch batch;
        private final int n;
        private final int count;
        private final int parallelism;
        private final int window;
        /** By part: its evaluations ({@code CaseEvaluation[]}) or its error ({@code Throwable}) once ended. */
        private final Object[] ended;
        private int taken;
        private int handedOver;
        private boolean stopped;
        private boolean closed;
        private int active;

        Parts(Batch batch, int n, int parallelism) {
            this.batch = batch;
            this.n = n;
            this.count = (n + PART - 1) / PART;
            this.parallelism = parallelism;
            this.window = 4 * parallelism;   // room for the scheduler's unevenness: a task rarely waits for the caller
            this.ended = new Object[count];
        }

        void run(Executor executor, Consumer<? super CaseEvaluation> out) {
            boolean interrupted = false;
            try {
                for (int t = 1; t < parallelism && t < count; t++) {
                    try {
                        executor.execute(this::work);
                    } catch (RejectedExecutionException refused) {
                        break;   // the caller's thread takes the parts a refused task would have taken
                    }
                }
                while (true) {
                    CaseEvaluation[] ready = null;
                    int mine = -1;
                    synchronized (this) {
                        while (true) {
                            if (handedOver == count) {
                                return;
                            }
                            Object next = ended[handedOver];
                            if (next != null) {
                                ended[handedOver] = null;
                                if (next instanceof Throwable e) {
                                    stopped = true;
                                    throw rethrown(e);
                                }
                                ready = (CaseEvaluation[]) next;
                                handedOver++;
                                notifyAll();   // a task may wait for the window to move
                                break;
                            }
                            if (!stopped && taken < count && taken < handedOver + window) {
                                mine = taken++;
                                break;
                            }
                            try {
                                wait();
                            } catch (InterruptedException e) {
                                interrupted = true;   // a part ends in bounded time: keep waiting, tell the caller after
                            }
                        }
                    }
                    if (ready != null) {
                        for (CaseEvaluation e : ready) {
                            out.accept(e);
                        }
                    } else {
                        end(mine, evaluate(mine));
                    }
                }
            } finally {
                synchronized (this) {
                    stopped = true;
                    closed = true;
                    notifyAll();
                    while (active > 0) {
                        try {
                            wait();
                        } catch (InterruptedException e) {
                            interrupted = true;
                        }
                    }
                }
                if (interrupted) {
                    Thread.currentThread().interrupt();
                }
            }
        }

        /** A task on the executor: takes parts until there are none left, the batch stopped or it was interrupted. */
        private void work() {
            synchronized (this) {
                if (closed) {
                    return;   // started after the batch ended (the caller took every part)
                }
                active++;
            }
            try {
                while (true) {
                    int mine;
                    synchronized (this) {
                        while (!stopped && taken < count && taken >= handedOver + window) {
                            wait();
                        }
                        if (stopped || taken >= count) {
                            return;
                        }
                        mine = taken++;
                    }
                    end(mine, evaluate(mine));
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();   // the caller's thread takes the remaining parts
            } finally {
                synchronized (this) {
                    active--;
                    notifyAll();
                }
            }
        }

        /** The evaluations of part {@code p}, or its error (whatever it is: a part that ends always ends). */
        private Object evaluate(int p) {
            try {
                int from = p * PART;
                int to = Math.min(n, from + PART);
                CaseEvaluation[] held = new CaseEvaluation[to - from];
                int[] next = {0};
                batch.evaluate(from, to, e -> held[next[0]++] = e);
                return held;
            } catch (Throwable e) {
                return e;
            }
        }

        private synchronized void end(int p, Object result) {
            ended[p] = result;
            if (result instanceof Throwable) {
                stopped = true;
            }
            notifyAll();
        }

        private static RuntimeException rethrown(Throwable e) {
            if (e instanceof RuntimeException r) {
                return r;
            }
            if (e instanceof Error r) {
                throw r;
            }
            return new IllegalStateException(e);
        }
    }

    /** The policy and calendar of one acceptance date. */
    private static final class DayPolicy {
        final DeadlinePolicy policy;
        final WorkingCalendar calendar;

        DayPolicy(DeadlinePolicy policy, WorkingCalendar calendar) {
            this.policy = policy;
            this.calendar = calendar;
        }
    }

    /**
     * The policies and calendars of a batch, built once per distinct acceptance date: an array by epoch day
     * over {@value #SPAN} days around the first case's date (no hashing, no boxing), a map beyond. Shared by the
     * parts of a parallel batch: a policy is a function of its date, so two parts that build the same day's at
     * once build equal ones (final fields: each is safely published), and the map beyond is concurrent.
     */
    private final class DayPolicies {
        private static final int SPAN = 4096;
        private final ParameterSet params;
        private final DayPolicy[] byDay = new DayPolicy[SPAN];
        private final long firstDay;
        private final Map<LocalDate, DayPolicy> beyond = new ConcurrentHashMap<>();

        DayPolicies(ParameterSet params, LocalDate first) {
            this.params = params;
            this.firstDay = first.toEpochDay() - SPAN / 2;
        }

        DayPolicy on(LocalDate date) {
            long day = date.toEpochDay();
            long k = day - firstDay;
            if (k >= 0 && k < SPAN) {
                DayPolicy p = byDay[(int) k];
                if (p == null) {
                    p = build(date);
                    byDay[(int) k] = p;
                }
                return p;
            }
            return beyond.computeIfAbsent(date, this::build);
        }

        private DayPolicy build(LocalDate date) {
            return new DayPolicy(DeadlinePolicies.policy(params, date), DeadlinePolicies.calendar(calendar, params, date));
        }
    }

    /**
     * The case ids of a batch, to refuse a duplicate: open addressing over one {@code long} per slot (the
     * id's cached hash code and the case's position), so a new id costs one random access; strings are
     * compared only when two hash codes are equal.
     */
    static final class CaseIds {
        private final DeadlineInput[] inputs;
        private final long[] slots;
        private final int mask;
        private final int shift;

        CaseIds(DeadlineInput[] inputs) {
            this.inputs = inputs;
            int size = Integer.highestOneBit(Math.max(4, inputs.length) * 2 - 1) << 1;
            slots = new long[size];
            mask = size - 1;
            shift = 32 - Integer.numberOfTrailingZeros(size);
        }

        /** Adds the id of the case at {@code position}; false when an earlier case has the same id. */
        boolean add(int position) {
            String id = inputs[position].caseId();
            int h = id.hashCode();
            int s = (h * 0x9E3779B9) >>> shift;
            for (long held = slots[s]; held != 0; held = slots[s]) {
                if ((int) (held >>> 32) == h && inputs[(int) held - 1].caseId().equals(id)) {
                    return false;
                }
                s = (s + 1) & mask;
            }
            slots[s] = (long) h << 32 | (position + 1);
            return true;
        }
    }

    @Override
    public String toString() {
        return "LocalitySnapshot[" + code + ", rules " + ruleSetVersion() + ", calendar " + calendarVersion() + "]";
    }
}
