package org.approvalrules.api.deadline;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;

/**
 * The clock events of a {@link DeadlineInput} as primitive local times: each event is an epoch day
 * ({@link LocalDate#toEpochDay()}) and a nano of day ({@link java.time.LocalTime#toNanoOfDay()}),
 * computed once when the input is built and kept in one array. Day-counting engines read this on
 * their hot path instead of walking the input's {@code Optional}/{@code LocalDateTime} objects, which
 * a large batch would otherwise pull into the CPU cache one object at a time. It says exactly what the
 * input says: {@code day(e)} and {@code nanoOfDay(e)} are those of the input's {@code LocalDateTime}
 * for event {@code e}, and {@link #ABSENT} where the input's {@code Optional} is empty.
 * The limits' units and amounts are kept too. Immutable and thread-safe; obtained from
 * {@link DeadlineInput#timeline()} (made once, when the input is built).
 */
public final class DeadlineTimeline {

    /** The day of an event that did not happen (an empty {@code Optional} in the input). */
    public static final long ABSENT = Long.MIN_VALUE;

    /** The case-level events, in the order of their slots. */
    public enum Event {
        /** 受理时间: {@link DeadlineInput#accepted()}. */
        ACCEPTED,
        /** 收件时间: {@link DeadlineInput#materialsReceived()}. */
        MATERIALS_RECEIVED,
        /** 补正告知时间: {@link DeadlineInput#correctionNotice()}. */
        CORRECTION_NOTICE,
        /** 补正材料收到时间: {@link DeadlineInput#correctedMaterials()}. */
        CORRECTED_MATERIALS,
        /** 决定时间: {@link DeadlineInput#decided()}. */
        DECIDED,
        /** 送达时间: {@link DeadlineInput#delivered()}. */
        DELIVERED,
        /** 办结时间, or the decision when none: {@link DeadlineInput#completion()}. */
        COMPLETION
    }

    private static final Event[] EVENTS = Event.values();
    private static final ProcedureKind[] KINDS = ProcedureKind.values();
    private static final LimitUnit[] UNITS = LimitUnit.values();
    /** Header slots: procedure count, extension count, statutory unit and amount, promised unit and amount. */
    private static final int HEADER = 6;
    private static final int EVENTS_AT = HEADER;
    /** Longs per procedure: kind, start (day, nano), resumed (day, nano), recorded (day, nano). */
    private static final int PROCEDURE = 7;
    /** Longs per extension: approval day, working days. */
    private static final int EXTENSION = 2;
    /** Where procedures start: after the header and the two slots of each event. */
    private static final int PROCEDURES_AT = EVENTS_AT + 2 * EVENTS.length;

    /**
     * Slots: the {@link #HEADER}, 2 per event (day, nano of day), then {@link #PROCEDURE} per procedure,
     * then {@link #EXTENSION} per extension. Shared with the input that made it (never written after).
     */
    private final long[] t;
    private final int procedures;
    private final int extensions;

    /** A view of an array made by {@link #pack}. */
    DeadlineTimeline(long[] t) {
        this.t = t;
        this.procedures = (int) t[0];
        this.extensions = (int) t[1];
    }

    /** The slots of {@code in}'s timeline (called once, at the end of the input's constructor). */
    static long[] pack(DeadlineInput in) {
        List<SpecialProcedure> ps = in.procedures();
        List<Extension> es = in.extensions();
        long[] t = new long[PROCEDURES_AT + PROCEDURE * ps.size() + EXTENSION * es.size()];
        t[0] = ps.size();
        t[1] = es.size();
        t[2] = in.statutory().unit().ordinal();
        t[3] = in.statutory().amount();
        t[4] = in.promised().isPresent() ? in.promised().get().unit().ordinal() : ABSENT;
        t[5] = in.promised().isPresent() ? in.promised().get().amount() : 0;
        put(t, Event.ACCEPTED, Optional.of(in.accepted()));
        put(t, Event.MATERIALS_RECEIVED, in.materialsReceived());
        put(t, Event.CORRECTION_NOTICE, in.correctionNotice());
        put(t, Event.CORRECTED_MATERIALS, in.correctedMaterials());
        put(t, Event.DECIDED, in.decided());
        put(t, Event.DELIVERED, in.delivered());
        put(t, Event.COMPLETION, in.completion());
        int at = PROCEDURES_AT;
        for (SpecialProcedure p : ps) {
            t[at] = p.kind().ordinal();
            put(t, at + 1, Optional.of(p.start()));
            put(t, at + 3, p.resumed());
            put(t, at + 5, p.recordedAt());
            at += PROCEDURE;
        }
        for (Extension e : es) {
            t[at] = e.approvedOn().toEpochDay();
            t[at + 1] = e.workingDays();
            at += EXTENSION;
        }
        return t;
    }

    private static void put(long[] t, Event e, Optional<LocalDateTime> v) {
        put(t, EVENTS_AT + 2 * e.ordinal(), v);
    }

    private static void put(long[] t, int at, Optional<LocalDateTime> v) {
        if (v.isPresent()) {
            t[at] = v.get().toLocalDate().toEpochDay();
            t[at + 1] = v.get().toLocalTime().toNanoOfDay();
        } else {
            t[at] = ABSENT;
        }
    }

    /** The unit of the statutory limit ({@link DeadlineInput#statutory()}). */
    public LimitUnit statutoryUnit() {
        return UNITS[(int) t[2]];
    }

    /** The amount of the statutory limit. */
    public int statutoryAmount() {
        return (int) t[3];
    }

    /** Whether the input has a promised limit ({@link DeadlineInput#promised()}). */
    public boolean hasPromised() {
        return t[4] != ABSENT;
    }

    /** The unit of the promised limit; only when {@link #hasPromised()}. */
    public LimitUnit promisedUnit() {
        if (t[4] == ABSENT) {
            throw new IllegalStateException("no promised limit");
        }
        return UNITS[(int) t[4]];
    }

    /** The amount of the promised limit (0 when there is none). */
    public int promisedAmount() {
        return (int) t[5];
    }

    /** The epoch day of {@code e}, or {@link #ABSENT}. */
    public long day(Event e) {
        return t[EVENTS_AT + 2 * e.ordinal()];
    }

    /** The nano of day of {@code e} (meaningless when {@link #ABSENT}). */
    public long nanoOfDay(Event e) {
        return t[EVENTS_AT + 2 * e.ordinal() + 1];
    }

    /** Whether {@code e} happened. */
    public boolean has(Event e) {
        return t[EVENTS_AT + 2 * e.ordinal()] != ABSENT;
    }

    /** The number of special procedures ({@link DeadlineInput#procedures()}, same order). */
    public int procedureCount() {
        return procedures;
    }

    /** The kind of procedure {@code i}. */
    public ProcedureKind procedureKind(int i) {
        return KINDS[(int) t[procedure(i)]];
    }

    /** The epoch day procedure {@code i} started. */
    public long procedureStartDay(int i) {
        return t[procedure(i) + 1];
    }

    /** The nano of day procedure {@code i} started. */
    public long procedureStartNanoOfDay(int i) {
        return t[procedure(i) + 2];
    }

    /** The epoch day procedure {@code i} resumed, or {@link #ABSENT} while it is open. */
    public long procedureResumedDay(int i) {
        return t[procedure(i) + 3];
    }

    /** The nano of day procedure {@code i} resumed. */
    public long procedureResumedNanoOfDay(int i) {
        return t[procedure(i) + 4];
    }

    /** The epoch day procedure {@code i} was recorded, or {@link #ABSENT} when not known. */
    public long procedureRecordedDay(int i) {
        return t[procedure(i) + 5];
    }

    /** The nano of day procedure {@code i} was recorded. */
    public long procedureRecordedNanoOfDay(int i) {
        return t[procedure(i) + 6];
    }

    /** The number of extensions ({@link DeadlineInput#extensions()}, same order). */
    public int extensionCount() {
        return extensions;
    }

    /** The epoch day extension {@code i} was approved. */
    public long extensionApprovedDay(int i) {
        return t[extension(i)];
    }

    /** The working days extension {@code i} adds. */
    public int extensionWorkingDays(int i) {
        return (int) t[extension(i) + 1];
    }

    private int procedure(int i) {
        if (i < 0 || i >= procedures) {
            throw new IndexOutOfBoundsException("procedure " + i + " of " + procedures);
        }
        return PROCEDURES_AT + PROCEDURE * i;
    }

    private int extension(int i) {
        if (i < 0 || i >= extensions) {
            throw new IndexOutOfBoundsException("extension " + i + " of " + extensions);
        }
        return PROCEDURES_AT + PROCEDURE * procedures + EXTENSION * i;
    }

    /**
     * Whether local time (day a, nano na) is after (day b, nano nb), as {@link LocalDateTime#isAfter}:
     * neither may be {@link #ABSENT}.
     */
    public static boolean isAfter(long a, long na, long b, long nb) {
        return a > b || a == b && na > nb;
    }

    @Override
    public String toString() {
        StringBuilder s = new StringBuilder("DeadlineTimeline[");
        for (Event e : EVENTS) {
            s.append(e).append('=');
            s.append(has(e) ? LocalDate.ofEpochDay(day(e)).atStartOfDay().plusNanos(nanoOfDay(e)) : "-").append(", ");
        }
        return s.append(procedures).append(" procedures, ").append(extensions).append(" extensions]").toString();
    }
}
