/**
 * Score models s_θ(y, t) = c_out F_θ(c_in y, t) + c_skip y + b(y, t): parameterisations (plain,
 * TSM-preconditioned, target-score), the regression batch buffer, and the weighted regression
 * loss with its gradient.
 */
package io.github.targetscore.training.model;
