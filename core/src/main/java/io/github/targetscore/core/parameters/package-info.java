/**
 * Declared, validated parameters of energy models: {@link
 * io.github.targetscore.core.parameters.ParameterSpec} declares name, type, units and range;
 * {@link io.github.targetscore.core.parameters.Parameters} validates raw values (from Java or
 * JSON) and fails with messages that name the parameter.
 */
package io.github.targetscore.core.parameters;
