package dev.pitstop.tune;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * How far one step of the panel moves a tunable: a hundredth of its {@code @Range} (rounded to 1,
 * 2 or 5 times a power of ten), or without one a tenth of the value's order of magnitude (90 moves
 * by 1, 0.25 by 0.01); shift takes a tenth of that, ctrl ten times it; whole numbers move by 1 at
 * least. Stateless; any thread.
 */
final class StepSize {

    private StepSize() {
    }

    /** One step for {@code t} at {@code value}; {@code finer} and {@code coarser} are shift and ctrl. */
    static BigDecimal of(Tunable t, BigDecimal value, boolean finer, boolean coarser) {
        BigDecimal step;
        if (t.range() != null) {
            step = nice((t.range().max() - t.range().min()) / 100);
        } else if (value.signum() == 0) {
            step = t.type().whole() ? BigDecimal.ONE : new BigDecimal("0.1");
        } else {
            BigDecimal v = value.abs().stripTrailingZeros();
            int magnitude = v.precision() - v.scale() - 1;
            step = BigDecimal.ONE.scaleByPowerOfTen(magnitude - 1);
        }
        if (finer) {
            step = step.movePointLeft(1);
        }
        if (coarser) {
            step = step.movePointRight(1);
        }
        if (t.type().whole()) {
            step = step.setScale(0, RoundingMode.HALF_UP).max(BigDecimal.ONE);
        }
        return step.stripTrailingZeros();
    }

    /** 1, 2 or 5 times a power of ten, near {@code x} (> 0). */
    static BigDecimal nice(double x) {
        BigDecimal d = new BigDecimal(x, new MathContext(3));
        int magnitude = d.precision() - d.scale() - 1;
        double f = d.scaleByPowerOfTen(-magnitude).doubleValue();
        int n = f < 1.5 ? 1 : f < 3.5 ? 2 : f < 7.5 ? 5 : 10;
        return BigDecimal.valueOf(n).scaleByPowerOfTen(magnitude);
    }

    /** {@code v} kept inside {@code t}'s range, if it has one. */
    static BigDecimal clamp(Tunable t, BigDecimal v) {
        if (t.range() == null) {
            return v;
        }
        BigDecimal min = new BigDecimal(ValueSyntax.shortest(t.range().min()));
        BigDecimal max = new BigDecimal(ValueSyntax.shortest(t.range().max()));
        return v.max(min).min(max);
    }
}
