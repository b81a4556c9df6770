/**
 * Sample-quality metrics (MATH §9): how far a set of generated configurations is from reference
 * samples of the target.
 *
 * <p>The exact optimal assignment behind x-W2 is {@link
 * io.github.targetscore.samplers.metrics.LinearAssignment}, our own Jonker–Volgenant shortest
 * augmenting path solver in double precision. We looked for a well-kept exact solver on Maven
 * Central first: JGraphT's Kuhn–Munkres works on graph objects (4·10⁶ edge objects for
 * 2000 × 2000), OR-Tools' {@code LinearSumAssignment} takes integer costs through a native
 * library, and the small Hungarian-algorithm projects we found are unpublished, unmaintained or integer-only. None
 * fits a dependency-light {@code samplers} module that needs exact double-precision answers, so
 * the solver (about a hundred lines) is written and tested here: against brute force over all
 * permutations for n ≤ 8 and by its dual certificate for large n. It solves 2000 × 2000
 * Euclidean problems in well under a second on one core.
 */
package io.github.targetscore.samplers.metrics;
