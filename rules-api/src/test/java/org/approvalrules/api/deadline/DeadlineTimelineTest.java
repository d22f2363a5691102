package org.approvalrules.api.deadline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Optional;
import java.util.Random;
import org.approvalrules.api.deadline.DeadlineTimeline.Event;
import org.junit.jupiter.api.Test;

/** The timeline says exactly what the input's objects say, for every event, procedure and extension. */
class DeadlineTimelineTest {

    @Test
    void everyEventProcedureAndExtensionMatchesTheInput() {
        Random r = new Random(7);
        for (int n = 0; n < 2_000; n++) {
            LocalDateTime acc = LocalDate.of(2004, 1, 1).plusDays(r.nextInt(9_000)).atStartOfDay()
                    .plusNanos((long) (r.nextDouble() * 86_400e9));
            LimitUnit unit = LimitUnit.values()[r.nextInt(LimitUnit.values().length)];
            int amount = unit == LimitUnit.IMMEDIATE ? 0 : 1 + r.nextInt(60);
            DeadlineInput.Builder b = DeadlineInput.builder("T-" + n, acc, new TimeLimit(amount, unit));
            if (unit != LimitUnit.IMMEDIATE && r.nextBoolean()) {
                b.promised(new TimeLimit(1 + r.nextInt(amount), unit));
            }
            LocalDateTime received = acc;
            if (r.nextBoolean()) {
                received = acc.minusMinutes(r.nextInt(3) == 0 ? r.nextInt(5_000) : 0);
                b.materialsReceived(received);
            }
            if (r.nextBoolean()) {
                LocalDateTime notice = received.plusMinutes(r.nextInt(20_000));
                b.correctionNotice(notice);
                if (r.nextBoolean()) {
                    b.correctedMaterials(notice.plusSeconds(r.nextInt(900_000)).plusNanos(r.nextInt(1_000_000)));
                }
            }
            int procedures = r.nextInt(4);
            for (int i = 0; i < procedures; i++) {
                LocalDateTime start = acc.plusMinutes(r.nextInt(30_000));
                Optional<LocalDateTime> resumed = r.nextBoolean() ? Optional.of(start.plusMinutes(r.nextInt(30_000)))
                        : Optional.empty();
                Optional<LocalDateTime> recorded = r.nextBoolean() ? Optional.of(start.plusMinutes(r.nextInt(3_000) - 1_500))
                        : Optional.empty();
                ProcedureKind kind = ProcedureKind.values()[r.nextInt(ProcedureKind.values().length)];
                b.procedure(new SpecialProcedure(kind, start, resumed, recorded, "理由"));
            }
            if (r.nextBoolean()) {
                b.extension(new Extension(1 + r.nextInt(10), Extension.Basis.ART_42_ORDINARY, "批〔" + n + "〕号",
                        acc.toLocalDate().plusDays(r.nextInt(40))));
            }
            if (r.nextBoolean()) {
                LocalDateTime decided = acc.plusMinutes(r.nextInt(60_000));
                b.decided(decided);
                if (r.nextBoolean()) {
                    b.delivered(decided.plusMinutes(r.nextInt(60_000)));
                }
            }
            if (r.nextBoolean()) {
                b.completed(acc.plusMinutes(r.nextInt(60_000)).withNano(r.nextInt(1_000_000_000)));
            }
            check(b.build());
        }
    }

    private static void check(DeadlineInput in) {
        DeadlineTimeline t = in.timeline();
        assertThat(t.statutoryUnit()).isEqualTo(in.statutory().unit());
        assertThat(t.statutoryAmount()).isEqualTo(in.statutory().amount());
        assertThat(t.hasPromised()).isEqualTo(in.promised().isPresent());
        if (t.hasPromised()) {
            assertThat(t.promisedUnit()).isEqualTo(in.promised().get().unit());
            assertThat(t.promisedAmount()).isEqualTo(in.promised().get().amount());
        } else {
            assertThatThrownBy(t::promisedUnit).isInstanceOf(IllegalStateException.class);
        }
        same(t, Event.ACCEPTED, Optional.of(in.accepted()));
        same(t, Event.MATERIALS_RECEIVED, in.materialsReceived());
        same(t, Event.CORRECTION_NOTICE, in.correctionNotice());
        same(t, Event.CORRECTED_MATERIALS, in.correctedMaterials());
        same(t, Event.DECIDED, in.decided());
        same(t, Event.DELIVERED, in.delivered());
        same(t, Event.COMPLETION, in.completion());
        assertThat(t.procedureCount()).isEqualTo(in.procedures().size());
        for (int i = 0; i < t.procedureCount(); i++) {
            SpecialProcedure p = in.procedures().get(i);
            assertThat(t.procedureKind(i)).isEqualTo(p.kind());
            assertThat(at(t.procedureStartDay(i), t.procedureStartNanoOfDay(i))).contains(p.start());
            assertThat(at(t.procedureResumedDay(i), t.procedureResumedNanoOfDay(i))).isEqualTo(p.resumed());
            assertThat(at(t.procedureRecordedDay(i), t.procedureRecordedNanoOfDay(i))).isEqualTo(p.recordedAt());
        }
        assertThat(t.extensionCount()).isEqualTo(in.extensions().size());
        for (int i = 0; i < t.extensionCount(); i++) {
            assertThat(LocalDate.ofEpochDay(t.extensionApprovedDay(i))).isEqualTo(in.extensions().get(i).approvedOn());
            assertThat(t.extensionWorkingDays(i)).isEqualTo(in.extensions().get(i).workingDays());
        }
    }

    private static void same(DeadlineTimeline t, Event e, Optional<LocalDateTime> expected) {
        assertThat(t.has(e)).as(e.name()).isEqualTo(expected.isPresent());
        assertThat(at(t.day(e), t.nanoOfDay(e))).as(e.name()).isEqualTo(expected);
    }

    private static Optional<LocalDateTime> at(long day, long nanoOfDay) {
        return day == DeadlineTimeline.ABSENT ? Optional.empty()
                : Optional.of(LocalDate.ofEpochDay(day).atStartOfDay().plusNanos(nanoOfDay));
    }

    @Test
    void isAfterOrdersLikeLocalDateTime() {
        Random r = new Random(11);
        for (int i = 0; i < 10_000; i++) {
            LocalDateTime a = LocalDate.of(2024, 1, 1).plusDays(r.nextInt(3)).atStartOfDay().plusNanos(r.nextInt(4) * 1_000L);
            LocalDateTime b = LocalDate.of(2024, 1, 1).plusDays(r.nextInt(3)).atStartOfDay().plusNanos(r.nextInt(4) * 1_000L);
            assertThat(DeadlineTimeline.isAfter(a.toLocalDate().toEpochDay(), a.toLocalTime().toNanoOfDay(),
                    b.toLocalDate().toEpochDay(), b.toLocalTime().toNanoOfDay())).isEqualTo(a.isAfter(b));
        }
    }

    @Test
    void indexesOutsideTheListsAreRejected() {
        DeadlineTimeline t = DeadlineInput.builder("T", LocalDateTime.of(2024, 5, 6, 9, 0), TimeLimit.workingDays(5))
                .build().timeline();
        assertThatThrownBy(() -> t.procedureStartDay(0)).isInstanceOf(IndexOutOfBoundsException.class)
                .hasMessageContaining("procedure 0 of 0");
        assertThatThrownBy(() -> t.extensionWorkingDays(-1)).isInstanceOf(IndexOutOfBoundsException.class);
    }

    @Test
    void inputsStayValueObjects() {
        LocalDateTime acc = LocalDateTime.of(2024, 5, 6, 9, 0);
        DeadlineInput a = DeadlineInput.builder("T", acc, TimeLimit.workingDays(5)).promised(TimeLimit.workingDays(3)).build();
        DeadlineInput b = a.toBuilder().build();
        assertThat(b).isEqualTo(a).hasSameHashCodeAs(a);
        assertThat(a.toBuilder().caseId("U").build()).isNotEqualTo(a);
        assertThat(a.toString()).startsWith("DeadlineInput[caseId=T, accepted=2024-05-06T09:00");
    }
}
