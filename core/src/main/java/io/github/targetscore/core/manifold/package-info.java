/**
 * The spaces configurations live on: {@link io.github.targetscore.core.manifold.EuclideanSpace}
 * and {@link io.github.targetscore.core.manifold.ParticleSpace} (with centre-of-mass removal for
 * translation-invariant energies). Coordinates of a point and components of a tangent vector are
 * counted separately so that curved spaces (SO(3)) fit the same interface.
 */
package io.github.targetscore.core.manifold;
