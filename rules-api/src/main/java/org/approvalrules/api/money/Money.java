package org.approvalrules.api.money;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.regex.Pattern;
import org.approvalrules.api.InvalidValueException;

/**
 * An amount of renminbi in yuan with exactly two decimals (fen, 分), e.g. a fee charged (收费金额,
 * old exchange field SFJE) or a fee standard. Backed by a {@link BigDecimal} of scale 2; there is no
 * floating-point factory, because 0.1 + 0.2 yuan must be 0.30 yuan. Immutable and thread-safe.
 *
 * <p>{@code toString()} is the plain yuan amount with two decimals ({@code "80.00"}, {@code "-10.50"})
 * and {@code Money.of(m.toString()).equals(m)}. Equality and ordering are by amount.
 *
 * <p>Rounding is always explicit: text or a {@code BigDecimal} with more than two decimals is
 * rejected unless a {@link RoundingMode} is given; {@link #multiply(BigDecimal)} rounds
 * {@link RoundingMode#HALF_UP} (四舍五入, the usual rule for fees), other modes through
 * {@link #multiply(BigDecimal, RoundingMode)}.
 */
public final class Money implements Comparable<Money> {

    private static final Pattern PLAIN = Pattern.compile("-?\\d{1,15}(\\.\\d+)?");
    private static final BigDecimal LIMIT = new BigDecimal("1000000000000000"); // 10^15 yuan; declared before ZERO, which uses it

    /** Zero yuan, {@code 0.00}. */
    public static final Money ZERO = new Money(BigDecimal.ZERO.setScale(2));

    /** The rounding used where none is given: half up (四舍五入). */
    public static final RoundingMode DEFAULT_ROUNDING = RoundingMode.HALF_UP;

    private final BigDecimal yuan;

    private Money(BigDecimal yuan) {
        if (yuan.abs().compareTo(LIMIT) >= 0) {
            throw new InvalidValueException("money", yuan.toPlainString(),
                    "金额超出范围（绝对值须小于10^15元）/ amount out of range (|amount| must be below 10^15 yuan)");
        }
        this.yuan = yuan;
    }

    /**
     * Parses a plain decimal yuan amount: {@code "80"}, {@code "80.5"}, {@code "80.00"}, {@code "-10.25"}.
     * No sign {@code +}, grouping, exponent, currency sign or whitespace. More than two decimals is an
     * error; use {@link #of(String, RoundingMode)} to round.
     */
    public static Money of(String yuan) {
        return of(parseText(yuan), null);
    }

    /** Parses like {@link #of(String)}, rounding extra decimals with {@code rounding}. */
    public static Money of(String yuan, RoundingMode rounding) {
        InvalidValueException.requireNonNull(rounding, "rounding");
        return of(parseText(yuan), rounding);
    }

    /** Same as {@link #of(String)}. */
    public static Money parse(CharSequence yuan) {
        InvalidValueException.requireNonNull(yuan, "money");
        return of(yuan.toString());
    }

    /** An amount in yuan; more than two decimals is an error. */
    public static Money of(BigDecimal yuan) {
        return of(yuan, null);
    }

    /**
     * An amount in yuan, rounded to fen with {@code rounding} where it has more than two decimals;
     * {@code null} rounding means "must already be exact".
     */
    public static Money of(BigDecimal yuan, RoundingMode rounding) {
        InvalidValueException.requireNonNull(yuan, "money");
        BigDecimal v = yuan.stripTrailingZeros();
        if (v.scale() > 2) {
            if (rounding == null) {
                throw new InvalidValueException("money", yuan.toPlainString(),
                        "金额最多两位小数（分），如需舍入请指定舍入方式 / at most 2 decimals (fen); give a RoundingMode to round");
            }
            if (rounding == RoundingMode.UNNECESSARY) {
                throw new InvalidValueException("money", yuan.toPlainString(),
                        "金额不能精确到分 / the amount is not a whole number of fen");
            }
        }
        return new Money(yuan.setScale(2, rounding == null ? RoundingMode.UNNECESSARY : rounding));
    }

    /** A whole number of yuan, e.g. {@code yuan(80)} is {@code 80.00}. */
    public static Money yuan(long yuan) {
        return new Money(BigDecimal.valueOf(yuan).setScale(2));
    }

    /** An amount in fen (分), e.g. {@code ofFen(8050)} is {@code 80.50}. */
    public static Money ofFen(long fen) {
        return new Money(BigDecimal.valueOf(fen, 2));
    }

    private static BigDecimal parseText(String yuan) {
        InvalidValueException.requireNonNull(yuan, "money");
        if (!PLAIN.matcher(yuan).matches()) {
            throw new InvalidValueException("money", yuan,
                    "金额应为普通十进制元数，如 80.00 / expected a plain decimal amount in yuan such as 80.00");
        }
        return new BigDecimal(yuan);
    }

    /** The amount in yuan, scale exactly 2. */
    public BigDecimal yuanAmount() {
        return yuan;
    }

    /** The amount in fen (分). */
    public long fen() {
        return yuan.movePointRight(2).longValueExact();
    }

    /** {@code this + other}. */
    public Money plus(Money other) {
        InvalidValueException.requireNonNull(other, "other");
        return new Money(yuan.add(other.yuan));
    }

    /** {@code this - other}. */
    public Money minus(Money other) {
        InvalidValueException.requireNonNull(other, "other");
        return new Money(yuan.subtract(other.yuan));
    }

    /** {@code this × n}, exact (e.g. 10 元/本 × 3 本). */
    public Money times(int n) {
        return new Money(yuan.multiply(BigDecimal.valueOf(n)));
    }

    /** {@code this × factor}, rounded to fen half up ({@link #DEFAULT_ROUNDING}). */
    public Money multiply(BigDecimal factor) {
        return multiply(factor, DEFAULT_ROUNDING);
    }

    /** {@code this × factor}, rounded to fen with {@code rounding} (UNNECESSARY fails when inexact). */
    public Money multiply(BigDecimal factor, RoundingMode rounding) {
        InvalidValueException.requireNonNull(factor, "factor");
        InvalidValueException.requireNonNull(rounding, "rounding");
        return of(yuan.multiply(factor), rounding);
    }

    /** {@code -this}. */
    public Money negate() {
        return new Money(yuan.negate());
    }

    /** Whether the amount is 0.00. */
    public boolean isZero() {
        return yuan.signum() == 0;
    }

    /** Whether the amount is below 0.00. */
    public boolean isNegative() {
        return yuan.signum() < 0;
    }

    /** Whether the amount is above 0.00. */
    public boolean isPositive() {
        return yuan.signum() > 0;
    }

    @Override
    public int compareTo(Money o) {
        return yuan.compareTo(o.yuan);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Money m && yuan.equals(m.yuan);
    }

    @Override
    public int hashCode() {
        return yuan.hashCode();
    }

    /** The plain amount with two decimals, e.g. {@code "80.00"}. */
    @Override
    public String toString() {
        return yuan.toPlainString();
    }
}
