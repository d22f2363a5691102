package org.approvalrules.core.calendar;

import java.math.BigInteger;
import java.time.LocalDate;
import java.util.Optional;

/**
 * The Phugpa (时轮历 / 浦派) version of the Tibetan calendar, computed by the published arithmetic of
 * Svante Janson, "Tibetan Calendar Mathematics" (Uppsala, 2007; revised 2014, arXiv:1401.6285), in exact
 * rational arithmetic as the paper does (no floating point: a lunar day ending near midnight must fall on
 * the right civil day).
 *
 * <p>What is computed (the paper's notation):
 * <ul>
 *   <li><b>Months.</b> The true month count {@code n} (lunar months since the epoch) maps to the solar-month
 *       number {@code x = ⌈65n/67 + α⌉} with {@code α = 1 + 827/1005}; the month is {@code M = x mod 12}
 *       (1..12) of the western year {@code Y = (x − M)/12 + 806} in which the Tibetan year starts. Two
 *       consecutive {@code n} with the same {@code x} are a doubled month: the first is the intercalary
 *       (leap) month, the second the main month. {@link #mainMonthCount} inverts this exactly.</li>
 *   <li><b>Days.</b> Lunar day {@code d} (1..30) of month {@code n} ends at the true date
 *       {@code true_date(d, n) = mean_date + moon_equ/60 − sun_equ/60}, with
 *       {@code mean_date = n·m1 + d·m2 + m0} ({@code m0 = 2015501 + 4783/5656}, {@code m1 = 167025/5656},
 *       {@code m2 = m1/30}), {@code moon_equ = moon_tab(28·(n·a1 + d·a2 + a0))} ({@code a0 = 475/3528},
 *       {@code a1 = 253/3528}, {@code a2 = 1/28}) and {@code sun_equ = sun_tab(12·(n·s1 + d·s2 + s0 − 1/4))}
 *       ({@code s0 = 743/804}, {@code s1 = 65/804}, {@code s2 = s1/30}); {@code moon_tab} and {@code sun_tab}
 *       are the paper's tables (0, 5, 10, 15, 19, 22, 24, 25 and 0, 6, 10, 11, extended by symmetry, linearly
 *       interpolated). The civil day bearing date {@code d} is the Julian day number {@code ⌊true_date(d, n)⌋}.</li>
 *   <li><b>Skipped and duplicated days.</b> A civil day bears the lunar day in force at its start. If two lunar
 *       days end on the same civil day, the day bears the first and the second date is skipped (缺日, e.g. the
 *       almanac's 差日 of 2021-01-13/14); if none ends on a civil day, that day and the next bear the same date
 *       (duplicated day, the first of them the leap day).</li>
 *   <li><b>Losar (藏历新年, 元月初一).</b> The first day of the year is the civil day after the last day (30) of
 *       the main month 12 of the previous year; it is the first day of month 1 — of the leap month 1 when
 *       month 1 is doubled — and stays so even when date 1 itself is skipped.</li>
 * </ul>
 *
 * <p>Checked against the paper's own dated example (8 January 2014 = day 8 of month 11, Water-Snake year)
 * and against the Losar dates the Tibet Autonomous Region's almanac office announced (docs/CALENDAR-DATA.md,
 * "藏历新年 estimate"; sources in docs/notices/tibet/losar-dates.md). Other versions of the Tibetan calendar (Tsurphu, Bhutanese,
 * Mongolian) differ and are not computed.
 */
public final class TibetanCalendar {

    private static final int Y0 = 806;
    private static final Q ALPHA = Q.of(1 * 1005 + 827, 1005);
    private static final Q M0 = Q.of(2015501L * 5656 + 4783, 5656);
    private static final Q M1 = Q.of(167025, 5656);
    private static final Q M2 = Q.of(167025, 5656L * 30);
    private static final Q S0 = Q.of(743, 804);
    private static final Q S1 = Q.of(65, 804);
    private static final Q S2 = Q.of(65, 804L * 30);
    private static final Q A0 = Q.of(475, 3528);
    private static final Q A1 = Q.of(253, 3528);
    private static final Q A2 = Q.of(1, 28);
    private static final Q QUARTER = Q.of(1, 4);
    private static final Q SIXTIETH = Q.of(1, 60);
    private static final int[] MOON_TAB = {0, 5, 10, 15, 19, 22, 24, 25};
    private static final int[] SUN_TAB = {0, 6, 10, 11};
    /** Julian day number of 1970-01-01 (epoch day 0). */
    private static final long JD_UNIX_EPOCH = 2440588;
    /** Years this class is checked and used for; the arithmetic itself has no limit. */
    private static final int MIN_YEAR = 1900;
    private static final int MAX_YEAR = 2200;

    private TibetanCalendar() {
    }

    /**
     * The solar-month number {@code x = ⌈65n/67 + α⌉} of true month {@code n}: month {@code amod(x, 12)} of
     * western year {@code Y0 + (x − month)/12}.
     */
    static long solarMonthOf(long n) {
        return Q.of(65 * n, 67).add(ALPHA).ceil();
    }

    /**
     * The true month count of the main (non-leap) month {@code month} of the Tibetan year that starts in
     * western year {@code year}: the last {@code n} whose solar-month number is {@code x = 12(year − 806) +
     * month}, i.e. {@code ⌊67(x − α)/65⌋}.
     */
    static long mainMonthCount(int year, int month) {
        checkYear(year);
        if (month < 1 || month > 12) {
            throw new IllegalArgumentException("藏历月份须为 1–12 / Tibetan month must be 1..12: " + month);
        }
        return monthCount(year, month);
    }

    private static long monthCount(int year, int month) {
        long x = 12L * (year - Y0) + month;
        return Q.of(x, 1).sub(ALPHA).mul(Q.of(67, 65)).floor();
    }

    /** Whether month {@code month} of the Tibetan year starting in {@code year} is doubled (preceded by a leap month). */
    public static boolean isDoubled(int year, int month) {
        long n = mainMonthCount(year, month);
        return solarMonthOf(n - 1) == solarMonthOf(n);
    }

    /** The instant (a Julian date, as an exact fraction) at which lunar day {@code day} of true month {@code n} ends. */
    static Q trueDate(int day, long n) {
        Q mean = M1.mul(n).add(M2.mul(day)).add(M0);
        Q moonEqu = tab(A1.mul(n).add(A2.mul(day)).add(A0).mul(28), MOON_TAB, 28);
        Q sunEqu = tab(S1.mul(n).add(S2.mul(day)).add(S0).sub(QUARTER).mul(12), SUN_TAB, 12);
        return mean.add(moonEqu.mul(SIXTIETH)).sub(sunEqu.mul(SIXTIETH));
    }

    /** The Julian day number of the civil day on which lunar day {@code day} of true month {@code n} ends. */
    static long julianDay(int day, long n) {
        return trueDate(day, n).floor();
    }

    /**
     * The civil date bearing date {@code day} (1..30) of the main month {@code month} of the Tibetan year starting
     * in western year {@code year}; empty when that date is skipped. For a duplicated date this is the second of
     * the two days (the first is its leap day, the day before).
     */
    public static Optional<LocalDate> dateOf(int year, int month, int day) {
        if (day < 1 || day > 30) {
            throw new IllegalArgumentException("藏历日期须为 1–30 / Tibetan date must be 1..30: " + day);
        }
        long n = mainMonthCount(year, month);
        long jd = julianDay(day, n);
        long previous = day == 1 ? julianDay(30, n - 1) : julianDay(day - 1, n);
        return jd == previous ? Optional.empty() : Optional.of(civil(jd));
    }

    /** 藏历新年 (Losar): the first day of the Tibetan year that starts in western year {@code year}. */
    public static LocalDate losar(int year) {
        checkYear(year);
        long lastMonthOfPreviousYear = monthCount(year - 1, 12);
        return civil(julianDay(30, lastMonthOfPreviousYear) + 1);
    }

    private static LocalDate civil(long julianDay) {
        return LocalDate.ofEpochDay(julianDay - JD_UNIX_EPOCH);
    }

    private static void checkYear(int year) {
        if (year < MIN_YEAR || year > MAX_YEAR) {
            throw new IllegalArgumentException(
                    "藏历推算只用于 " + MIN_YEAR + "–" + MAX_YEAR + " 年 / Tibetan calendar used for " + MIN_YEAR + ".."
                            + MAX_YEAR + " only: " + year);
        }
    }

    /** The paper's table of a quarter period, extended by symmetry to a full period and linearly interpolated at {@code x}. */
    private static Q tab(Q x, int[] quarter, int period) {
        long i = x.floor();
        Q lo = Q.of(tabInt(i, quarter, period), 1);
        Q hi = Q.of(tabInt(i + 1, quarter, period), 1);
        return lo.add(hi.sub(lo).mul(x.sub(Q.of(i, 1))));
    }

    private static int tabInt(long i, int[] quarter, int period) {
        int q = period / 4;
        int m = (int) Math.floorMod(i, (long) period);
        if (m <= q) {
            return quarter[m];
        }
        if (m <= 2 * q) {
            return quarter[2 * q - m];
        }
        if (m <= 3 * q) {
            return -quarter[m - 2 * q];
        }
        return -quarter[period - m];
    }

    /** An exact fraction (reduced, positive denominator). */
    record Q(BigInteger num, BigInteger den) {

        static Q of(long num, long den) {
            return new Q(BigInteger.valueOf(num), BigInteger.valueOf(den)).reduced();
        }

        private Q reduced() {
            BigInteger g = num.gcd(den);
            if (den.signum() < 0) {
                g = g.negate();
            }
            return new Q(num.divide(g), den.divide(g));
        }

        Q add(Q o) {
            return new Q(num.multiply(o.den).add(o.num.multiply(den)), den.multiply(o.den)).reduced();
        }

        Q sub(Q o) {
            return add(new Q(o.num.negate(), o.den));
        }

        Q mul(Q o) {
            return new Q(num.multiply(o.num), den.multiply(o.den)).reduced();
        }

        Q mul(long k) {
            return mul(of(k, 1));
        }

        long floor() {
            BigInteger[] qr = num.divideAndRemainder(den);
            return (qr[1].signum() < 0 ? qr[0].subtract(BigInteger.ONE) : qr[0]).longValueExact();
        }

        long ceil() {
            return -new Q(num.negate(), den).floor();
        }
    }
}
