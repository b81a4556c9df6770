/**
 * Reproducible random streams: one master seed gives an independent Apache Commons RNG stream per
 * unit of work, independent of the thread count.
 */
package io.github.targetscore.core.random;
