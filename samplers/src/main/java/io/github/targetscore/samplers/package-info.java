/**
 * Samplers of target and posterior densities. So far: parallel exact sampling of targets that
 * have an exact sampler (the ground truth for everything else).
 */
package io.github.targetscore.samplers;
