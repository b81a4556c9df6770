package io.github.targetscore.core;

import io.github.targetscore.core.parameters.Parameters;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The energy models available at run time: every {@link EnergyModelProvider} found by
 * {@link ServiceLoader} on a class path, and their presets. Immutable once loaded.
 *
 * <pre>{@code
 * EnergyModel lj = EnergyRegistry.load().create("lj13", Map.of());
 * EnergyModel dw = EnergyRegistry.load().create("double-well", Map.of("dimension", 2));
 * }</pre>
 */
public final class EnergyRegistry {

    private final SortedMap<String, EnergyModelProvider> providers;
    private final SortedMap<String, Preset> presets;
    private final Map<String, EnergyModelProvider> presetOwners;

    private EnergyRegistry(List<EnergyModelProvider> found) {
        providers = new TreeMap<>();
        presets = new TreeMap<>();
        presetOwners = new HashMap<>();
        Map<String, String> origin = new HashMap<>();
        for (EnergyModelProvider provider : found) {
            claim(origin, provider.name(), provider.getClass().getName());
            providers.put(provider.name(), provider);
            for (Preset preset : provider.presets()) {
                claim(origin, preset.name(), provider.getClass().getName() + " (preset)");
                presets.put(preset.name(), preset);
                presetOwners.put(preset.name(), provider);
            }
        }
    }

    private static void claim(Map<String, String> origin, String name, String by) {
        String previous = origin.putIfAbsent(name, by);
        if (previous != null) {
            throw new IllegalStateException("energy name '" + name + "' is registered twice: by "
                    + previous + " and by " + by);
        }
    }

    /** Loads the providers visible to the thread's context class loader. */
    public static EnergyRegistry load() {
        return load(Thread.currentThread().getContextClassLoader());
    }

    /**
     * Loads the providers visible to {@code loader} (for plug-in jars on their own loader).
     *
     * @throws IllegalStateException if a listed provider cannot be loaded or instantiated
     */
    public static EnergyRegistry load(ClassLoader loader) {
        try {
            return new EnergyRegistry(ServiceLoader.load(EnergyModelProvider.class, loader)
                    .stream().map(ServiceLoader.Provider::get).toList());
        } catch (ServiceConfigurationError e) {
            throw new IllegalStateException("cannot load the energy providers (a broken plug-in"
                    + " jar or services file?): " + e.getMessage(), e);
        }
    }

    /** Registry of exactly these providers (for tests and embedding without ServiceLoader). */
    public static EnergyRegistry of(List<EnergyModelProvider> providers) {
        return new EnergyRegistry(providers);
    }

    /** The providers by name, sorted. */
    public SortedMap<String, EnergyModelProvider> providers() {
        return java.util.Collections.unmodifiableSortedMap(providers);
    }

    /** The presets by name, sorted. */
    public SortedMap<String, Preset> presets() {
        return java.util.Collections.unmodifiableSortedMap(presets);
    }

    /** All names that {@link #create} accepts, sorted: providers and presets. */
    public List<String> names() {
        TreeMap<String, Object> all = new TreeMap<>(providers);
        all.putAll(presets);
        return List.copyOf(all.keySet());
    }

    /** The provider of a family or of a preset, if registered. */
    public Optional<EnergyModelProvider> provider(String name) {
        EnergyModelProvider p = providers.get(name);
        return Optional.ofNullable(p != null ? p : presetOwners.get(name));
    }

    /**
     * The complete, validated parameters that {@link #create} would use for {@code name}:
     * defaults, then the preset's values (for a preset), then {@code parameters}.
     *
     * @throws UnknownEnergyException listing the known names if {@code name} is unknown
     * @throws io.github.targetscore.core.parameters.InvalidParameterException naming the
     *     parameter if one is unknown, missing, mistyped or out of range
     */
    public Parameters parameters(String name, Map<String, ?> parameters) {
        EnergyModelProvider provider = provider(name)
                .orElseThrow(() -> new UnknownEnergyException(name, names()));
        Map<String, Object> merged = new HashMap<>();
        Preset preset = presets.get(name);
        if (preset != null) {
            merged.putAll(preset.parameters());
        }
        merged.putAll(parameters);
        return Parameters.validate(provider.name(), provider.parameters(), merged);
    }

    /**
     * Creates a model by family or preset name. For a preset, {@code parameters} override its
     * values.
     *
     * @throws UnknownEnergyException listing the known names if {@code name} is unknown
     * @throws io.github.targetscore.core.parameters.InvalidParameterException naming the
     *     parameter if one is unknown, missing, mistyped or out of range
     */
    public EnergyModel create(String name, Map<String, ?> parameters) {
        Parameters validated = parameters(name, parameters);
        return provider(name).orElseThrow().create(validated);
    }
}
