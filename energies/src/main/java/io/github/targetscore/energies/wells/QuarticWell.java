package io.github.targetscore.energies.wells;

import java.util.ArrayList;
import java.util.List;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.NormalizedGaussianSampler;

/**
 * The one-dimensional quartic well f(x) = a x⁴ + b x² + c x with a &gt; 0, the factor that
 * {@link DoubleWell} and {@link ManyWell} are built from: its value and derivative, its
 * partition function Z = ∫ exp(−f(x)) dx and an exact rejection sampler of exp(−f) / Z.
 * Everything is computed numerically once, at construction. Immutable and thread-safe.
 *
 * <p><b>Critical points.</b> The roots of f'(x) / 4a = x³ + (b / 2a) x + c / 4a lie in
 * [−B, B] with B = 2 max(√(|b| / 2a), ∛(|c| / 8a), a^−1/4) (Fujiwara's bound, widened to the
 * natural length a^−1/4), and f is convex and monotone outside. The local minima m_j (one or
 * two) are the minima of f on a grid of 2000 intervals over [−2B, 2B], refined by bisection of
 * f'.
 *
 * <p><b>Range.</b> [L, R] ⊃ [−B, B] is widened until f − min f ≥ 60 at both ends, so the
 * neglected tails hold a fraction of order e^−60 ≈ 10^−26 of the mass.
 *
 * <p><b>log Z.</b> Composite trapezoidal rule on [L, R], with the integrand exp(−(f − min f))
 * shifted to avoid overflow. For a smooth integrand that is negligible at both ends the rule
 * converges geometrically in the number of nodes; the spacing starts at a sixteenth of the
 * narrowest proposal width and is halved until two successive estimates agree to 10^−13
 * (relative), so log Z is accurate to about 10^−13 absolute (checked against Gauss–Legendre
 * quadrature and against Γ(1/4) / 2a^1/4 for b = c = 0).
 *
 * <p><b>Exact sampler.</b> Rejection from the Gaussian mixture
 * q(x) = Σ_j w_j N(x; m_j, s_j²) centred at the minima, with w_j ∝ exp(−f(m_j)) s_j (the
 * Laplace mass) and s_j² the largest (x − m_j)² / 2(f(x) − f(m_j)) over the basin of m_j where
 * f has risen by at least ½: the curvature width 1/√f''(m_j) for a parabolic well, widened on
 * the flatter side of an asymmetric well (towards the barrier) and finite for a flat minimum
 * such as f = a x⁴. The bound M ≥ sup exp(−f) / q is found numerically: on a grid over [L, R]
 * four times finer than the converged quadrature's, each cell contributes the larger of its
 * end values of g = −f − log q plus h²/8 · |g''| (with |g''| estimated by the neighbouring
 * second differences, doubled), which bounds g inside the cell. Beyond R the proposal is
 * bounded below by its rightmost component J, and R is chosen with f''(x) ≥ 1/s_J² for x ≥ R
 * and f'(R) ≥ (R − m_J)/s_J², so −f − log(w_J N(x; m_J, s_J²)) decreases on [R, ∞) and its
 * value at R bounds the tail (the quartic decays faster than any Gaussian); the same on the
 * left with the leftmost component. A proposal x is accepted with probability
 * exp(−f(x)) / (M q(x)); the acceptance rate Z / M is about 0.51 for the many-well factor
 * (a, b, c) = (1, −6, −0.5).
 */
final class QuarticWell {

    /** Energy above the minimum at which the integration range ends. */
    private static final double TAIL = 60;
    /** Rise of f above a minimum from which the basin width is measured, kT. */
    private static final double RISE = 0.5;
    /** Grid intervals on [−2B, 2B] for locating the minima and measuring the basins. */
    private static final int GRID = 2000;
    /** Initial quadrature spacing, in units of the narrowest proposal width. */
    private static final double SPACING = 1.0 / 16;
    /** Relative agreement of two successive trapezoidal sums. */
    private static final double QUADRATURE_TOLERANCE = 1e-13;
    /** Most quadrature intervals before giving up. */
    private static final int MAX_INTERVALS = 1 << 24;
    /** Bound grid intervals per quadrature interval. */
    private static final int BOUND_REFINEMENT = 4;
    /** Slack on log M against rounding in the evaluation of g. */
    private static final double LOG_SLACK = 1e-9;

    private final double a;
    private final double b;
    private final double c;
    /** min f over the minima, subtracted before exponentiating. */
    private final double minimum;
    private final double logPartitionFunction;
    /** Proposal: centres m_j, widths s_j, cumulative weights, log(w_j / (√(2π) s_j)). */
    private final double[] centres;
    private final double[] widths;
    private final double[] cumulativeWeights;
    private final double[] logComponentNormalisers;
    /** log M − min f: log of the bound on exp(−(f − min f)) / q. */
    private final double logBound;

    private QuarticWell(double a, double b, double c) {
        this.a = a;
        this.b = b;
        this.c = c;
        double reach = 2 * Math.max(Math.max(Math.sqrt(Math.abs(b) / (2 * a)),
                Math.cbrt(Math.abs(c) / (8 * a))), Math.pow(a, -0.25));
        double[] minima = localMinima(reach);
        double lowest = Double.POSITIVE_INFINITY;
        for (double m : minima) {
            lowest = Math.min(lowest, value(m));
        }
        minimum = lowest;
        int n = minima.length;
        centres = minima;
        widths = basinWidths(reach);
        cumulativeWeights = new double[n];
        logComponentNormalisers = new double[n];
        double[] logWeights = new double[n];
        double total = 0;
        for (int j = 0; j < n; j++) {
            logWeights[j] = -(value(minima[j]) - minimum) + Math.log(widths[j]);
            total += Math.exp(logWeights[j]);
            cumulativeWeights[j] = total;
        }
        for (int j = 0; j < n; j++) {
            cumulativeWeights[j] = j == n - 1 ? 1.0 : cumulativeWeights[j] / total;
            logComponentNormalisers[j] = logWeights[j] - Math.log(total)
                    - 0.5 * Math.log(2 * Math.PI) - Math.log(widths[j]);
        }
        double right = tailEnd(reach, n - 1);
        double left = tailEnd(-reach, 0);
        int intervals = quadratureIntervals(left, right);
        logPartitionFunction = Math.log(trapezoid(left, right, intervals)) - minimum;
        logBound = bound(left, right, intervals * BOUND_REFINEMENT) + LOG_SLACK;
    }

    /**
     * @param a quartic coefficient, finite and &gt; 0
     * @param b quadratic coefficient, finite
     * @param c linear coefficient, finite
     * @return the well a x⁴ + b x² + c x
     */
    static QuarticWell of(double a, double b, double c) {
        if (!(a > 0) || !Double.isFinite(a) || !Double.isFinite(b) || !Double.isFinite(c)) {
            throw new IllegalArgumentException("quartic well needs finite a > 0, b, c; got a=" + a
                    + ", b=" + b + ", c=" + c);
        }
        return new QuarticWell(a, b, c);
    }

    double a() {
        return a;
    }

    double b() {
        return b;
    }

    double c() {
        return c;
    }

    /** f(x) = a x⁴ + b x² + c x. */
    double value(double x) {
        double x2 = x * x;
        return (a * x2 + b) * x2 + c * x;
    }

    /** f'(x) = 4a x³ + 2b x + c. */
    double derivative(double x) {
        return (4 * a * x * x + 2 * b) * x + c;
    }

    /** f''(x) = 12a x² + 2b. */
    private double secondDerivative(double x) {
        return 12 * a * x * x + 2 * b;
    }

    /** log Z = log ∫ exp(−f(x)) dx. */
    double logPartitionFunction() {
        return logPartitionFunction;
    }

    /** The local minima of f, increasing (one or two). */
    double[] minima() {
        return centres.clone();
    }

    /** The expected fraction of accepted proposals, Z / M. */
    double acceptanceRate() {
        return Math.exp(logPartitionFunction + minimum - logBound);
    }

    /** Draws one exact sample of exp(−f) / Z. */
    double sample(UniformRandomProvider rng, NormalizedGaussianSampler gaussian) {
        while (true) {
            double x = propose(rng, gaussian);
            if (rng.nextDouble() < Math.exp(logAcceptance(x))) {
                return x;
            }
        }
    }

    /** Draws from the proposal q. */
    double propose(UniformRandomProvider rng, NormalizedGaussianSampler gaussian) {
        double u = rng.nextDouble();
        int j = 0;
        while (u >= cumulativeWeights[j]) {
            j++;
        }
        return centres[j] + widths[j] * gaussian.sample();
    }

    /** log of the acceptance probability exp(−f(x)) / (M q(x)); ≤ 0 wherever M is a bound. */
    double logAcceptance(double x) {
        return shiftedLogRatio(x) - logBound;
    }

    /** g(x) = −(f(x) − min f) − log q(x). */
    private double shiftedLogRatio(double x) {
        double max = Double.NEGATIVE_INFINITY;
        double sum = 0;
        for (int j = 0; j < centres.length; j++) {
            double t = logComponent(j, x);
            if (t > max) {
                sum = sum * Math.exp(max - t) + 1;
                max = t;
            } else {
                sum += Math.exp(t - max);
            }
        }
        return -(value(x) - minimum) - (max + Math.log(sum));
    }

    /** log(w_j N(x; m_j, s_j²)). */
    private double logComponent(int j, double x) {
        double z = (x - centres[j]) / widths[j];
        return logComponentNormalisers[j] - 0.5 * z * z;
    }

    /** Local minima of f, increasing: grid minima on [−2B, 2B] refined by bisection of f'. */
    private double[] localMinima(double reach) {
        double h = 4 * reach / GRID;
        List<Double> found = new ArrayList<>(2);
        for (int i = 1; i < GRID; i++) {
            double x = -2 * reach + i * h;
            double here = value(x);
            if (here < value(x - h) && here <= value(x + h)) {
                found.add(bisectDerivative(x - h, x + h, x));
            }
        }
        return found.stream().mapToDouble(Double::doubleValue).toArray();
    }

    /**
     * The proposal widths: s_j² is the largest (x − m_j)² / 2(f(x) − f(m_j)) over the grid
     * points x of the basin of m_j (up to the highest grid point between neighbouring minima)
     * where f has risen by at least RISE: a Gaussian of width s_j decays no faster than exp(−f)
     * across the basin. For a parabola s_j² = 1/f''(m_j), the curvature width; it is wider on
     * the flatter side of an asymmetric well and finite for flat minima.
     */
    private double[] basinWidths(double reach) {
        int n = centres.length;
        double h = 4 * reach / GRID;
        double[] barriers = new double[n];
        barriers[n - 1] = Double.POSITIVE_INFINITY;
        for (int j = 0; j + 1 < n; j++) {
            double highest = Double.NEGATIVE_INFINITY;
            for (double x = centres[j]; x < centres[j + 1]; x += h) {
                if (value(x) > highest) {
                    highest = value(x);
                    barriers[j] = x;
                }
            }
        }
        double[] squares = new double[n];
        for (int i = 0, j = 0; i <= GRID; i++) {
            double x = -2 * reach + i * h;
            while (x > barriers[j]) {
                j++;
            }
            double rise = value(x) - value(centres[j]);
            if (rise >= RISE) {
                double distance = x - centres[j];
                squares[j] = Math.max(squares[j], distance * distance / (2 * rise));
            }
        }
        double[] result = new double[n];
        for (int j = 0; j < n; j++) {
            result[j] = Math.sqrt(squares[j]);
        }
        return result;
    }

    /** A root of f' in [low, high] if f' changes sign there, otherwise {@code fallback}. */
    private double bisectDerivative(double low, double high, double fallback) {
        if (!(derivative(low) <= 0 && derivative(high) >= 0)) {
            return fallback;
        }
        for (int iteration = 0; iteration < 200 && high - low > Math.ulp(low + high); iteration++) {
            double middle = 0.5 * (low + high);
            if (derivative(middle) < 0) {
                low = middle;
            } else {
                high = middle;
            }
        }
        return 0.5 * (low + high);
    }

    /**
     * The end of the range on the side of {@code start} (±B), pushed out by 25% steps until the
     * energy is TAIL above the minimum and the tail conditions on component {@code j} hold:
     * f'' ≥ 1/s_j² and ±(f' − (x − m_j)/s_j²) ≥ 0.
     */
    private double tailEnd(double start, int j) {
        double precision = 1 / (widths[j] * widths[j]);
        double x = start;
        while (value(x) - minimum < TAIL || secondDerivative(x) < precision
                || Math.signum(start) * (derivative(x) - (x - centres[j]) * precision) < 0) {
            x *= 1.25;
        }
        return x;
    }

    /**
     * The number of trapezoidal intervals on [left, right] at which the sum has converged:
     * starting from a spacing of SPACING times the narrowest proposal width, doubled until two
     * successive sums agree to QUADRATURE_TOLERANCE.
     */
    private int quadratureIntervals(double left, double right) {
        double narrowest = Double.POSITIVE_INFINITY;
        for (double s : widths) {
            narrowest = Math.min(narrowest, s);
        }
        double initial = Math.ceil((right - left) / (SPACING * narrowest));
        if (initial * 2 * BOUND_REFINEMENT > MAX_INTERVALS) {
            throw new IllegalArgumentException(this + ": the wells are too narrow for the range"
                    + " (" + left + ", " + right + ") to be integrated numerically");
        }
        int n = (int) initial;
        double previous = trapezoid(left, right, n);
        double current = trapezoid(left, right, 2 * n);
        while (Math.abs(current - previous) > QUADRATURE_TOLERANCE * current) {
            n *= 2;
            if (2 * n * BOUND_REFINEMENT > MAX_INTERVALS) {
                throw new IllegalStateException(this + ": the quadrature of log Z does not"
                        + " converge");
            }
            previous = current;
            current = trapezoid(left, right, 2 * n);
        }
        return 2 * n;
    }

    /** Trapezoidal ∫ exp(−(f − min f)) over [left, right] with n intervals. */
    private double trapezoid(double left, double right, int n) {
        double h = (right - left) / n;
        double sum = 0.5 * (Math.exp(-(value(left) - minimum)) + Math.exp(-(value(right) - minimum)));
        for (int i = 1; i < n; i++) {
            sum += Math.exp(-(value(left + i * h) - minimum));
        }
        return sum * h;
    }

    /**
     * An upper bound of g = −(f − min f) − log q on the real line: per grid cell the larger end
     * value plus h²/8 times twice the largest neighbouring |second difference| / h², and the
     * tail values at both ends (see the class comment).
     */
    private double bound(double left, double right, int n) {
        double h = (right - left) / n;
        double[] g = new double[n + 1];
        for (int i = 0; i <= n; i++) {
            g[i] = shiftedLogRatio(left + i * h);
        }
        double[] curvature = new double[n + 1];
        for (int i = 1; i < n; i++) {
            curvature[i] = Math.abs(g[i + 1] - 2 * g[i] + g[i - 1]);
        }
        curvature[0] = curvature[1];
        curvature[n] = curvature[n - 1];
        double max = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < n; i++) {
            double cell = Math.max(g[i], g[i + 1]) + Math.max(curvature[i], curvature[i + 1]) / 4;
            max = Math.max(max, cell);
        }
        int last = centres.length - 1;
        double rightTail = -(value(right) - minimum) - logComponent(last, right);
        double leftTail = -(value(left) - minimum) - logComponent(0, left);
        return Math.max(max, Math.max(rightTail, leftTail));
    }

    @Override
    public String toString() {
        return "QuarticWell[a=" + a + ", b=" + b + ", c=" + c + "]";
    }
}
