package dev.sluice.app.webhook;

import dev.sluice.rollout.config.TargetConfig;
import dev.sluice.rollout.engine.FleetRunner;
import dev.sluice.rollout.engine.Waves;
import io.micronaut.context.env.Environment;
import jakarta.inject.Singleton;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The targets of the controller's configuration: {@code sluice.targets.<name>.url, username,
 * password, databases}, and for a group {@code parallel, waves, max-failures}. A value that cannot
 * be read stops start-up, naming its key: a fleet must not run with settings nobody chose.
 */
@Singleton
public final class Targets {

    private final Map<String, TargetConfig> targets = new LinkedHashMap<>();

    Targets(Environment environment) {
        for (String name : names(environment)) {
            String prefix = "sluice.targets." + name + ".";
            Optional<String> url = environment.getProperty(prefix + "url", String.class);
            if (url.isEmpty()) {
                throw new IllegalStateException("target " + name + " has no url (" + prefix + "url)");
            }
            targets.put(name, new TargetConfig(name, url.get(), environment.getProperty(prefix + "username", String.class),
                    environment.getProperty(prefix + "password", String.class), environment.getProperty(prefix + "databases", String.class),
                    fleet(environment, prefix)));
        }
    }

    /**
     * The target names. An environment variable cannot say where a name with a dash ends:
     * Micronaut lists {@code SLUICE_TARGETS_TENANTS_EU_URL} under a target {@code tenants} with a
     * key {@code eu.url}. A name without a url whose keys make a dashed name that has one
     * ({@code tenants-eu}) stands for that name, not for a target of its own.
     */
    private static Set<String> names(Environment environment) {
        Set<String> names = new LinkedHashSet<>();
        for (String name : environment.getPropertyEntries("sluice.targets")) {
            Set<String> withUrl = withUrl(environment, name);
            // None found: a target without a url, which the constructor reports by its name.
            names.addAll(withUrl.isEmpty() ? Set.of(name) : withUrl);
        }
        return names;
    }

    /** {@code name} if it has a url, else the dashed names under it that do. */
    private static Set<String> withUrl(Environment environment, String name) {
        if (environment.getProperty("sluice.targets." + name + ".url", String.class).isPresent()) {
            return Set.of(name);
        }
        Set<String> dashed = new LinkedHashSet<>();
        for (String part : environment.getPropertyEntries("sluice.targets." + name.replace('-', '.'))) {
            dashed.addAll(withUrl(environment, name + "-" + part));
        }
        return dashed;
    }

    public Map<String, TargetConfig> all() {
        return Map.copyOf(targets);
    }

    private static FleetRunner.Settings fleet(Environment environment, String prefix) {
        FleetRunner.Settings defaults = TargetConfig.DEFAULT_FLEET;
        int parallel = number(environment, prefix + "parallel", 1).orElse(defaults.parallel());
        int maxFailures = number(environment, prefix + "max-failures", 0).orElse(defaults.maxFailures());
        Waves waves = waves(environment, prefix + "waves").orElse(defaults.waves());
        return new FleetRunner.Settings(parallel, waves, maxFailures);
    }

    private static Optional<Integer> number(Environment environment, String key, int least) {
        // Read as text: asked for an Integer, Micronaut answers "absent" for a value it cannot convert.
        Optional<String> text = environment.getProperty(key, String.class);
        if (text.isEmpty()) {
            return Optional.empty();
        }
        try {
            int value = Integer.parseInt(text.get().strip());
            if (value >= least) {
                return Optional.of(value);
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalStateException(key + " must be a whole number of at least " + least + ", not " + text.get());
    }

    private static Optional<Waves> waves(Environment environment, String key) {
        // YAML gives a list ([1, 10%, 100%]); an environment variable or -D gives text (1,10%,100%).
        Optional<Object> raw = environment.getProperty(key, Object.class);
        if (raw.isEmpty()) {
            return Optional.empty();
        }
        String text = raw.get() instanceof List<?> list ? list.stream().map(String::valueOf).collect(Collectors.joining(",")) : raw.get().toString();
        try {
            return Optional.of(Waves.parse(text));
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException(key + ": " + e.getMessage() + " (write waves as a list such as [1, 10%, 100%])");
        }
    }
}
