package dev.sluice.app.webhook;

import dev.sluice.rollout.config.TargetConfig;
import io.micronaut.context.env.Environment;
import jakarta.inject.Singleton;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** The targets of the controller's configuration: {@code sluice.targets.<name>.url, username, password, databases}. */
@Singleton
public final class Targets {

    private final Map<String, TargetConfig> targets = new LinkedHashMap<>();

    Targets(Environment environment) {
        for (String name : environment.getPropertyEntries("sluice.targets")) {
            String prefix = "sluice.targets." + name + ".";
            Optional<String> url = environment.getProperty(prefix + "url", String.class);
            if (url.isEmpty()) {
                throw new IllegalStateException("target " + name + " has no url (" + prefix + "url)");
            }
            targets.put(name, new TargetConfig(name, url.get(), environment.getProperty(prefix + "username", String.class),
                    environment.getProperty(prefix + "password", String.class), environment.getProperty(prefix + "databases", String.class)));
        }
    }

    public Map<String, TargetConfig> all() {
        return Map.copyOf(targets);
    }
}
