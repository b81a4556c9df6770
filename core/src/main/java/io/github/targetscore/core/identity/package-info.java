/**
 * Score identities for the additive Gaussian noise model (MATH §2): DSI, TSI and their
 * κ-mixtures, each an integrand whose posterior mean is the noised score.
 */
package io.github.targetscore.core.identity;
