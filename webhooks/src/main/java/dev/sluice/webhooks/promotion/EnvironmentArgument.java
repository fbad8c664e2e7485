package dev.sluice.webhooks.promotion;

import dev.sluice.rollout.config.EnvironmentConfig;
import dev.sluice.rollout.config.ProjectConfig;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/** A command's environment argument, checked against the policy before anyone is asked anything. */
public sealed interface EnvironmentArgument {

    /** @param rest the arguments after the environment */
    record Found(EnvironmentConfig environment, List<String> rest) implements EnvironmentArgument {
        public Found {
            Objects.requireNonNull(environment, "environment");
            rest = List.copyOf(rest);
        }
    }

    /** Missing or unknown; {@code reply} says what to write instead. */
    record Invalid(String reply) implements EnvironmentArgument {
        public Invalid {
            Objects.requireNonNull(reply, "reply");
        }
    }

    /** @param usage how the command is written, e.g. {@code /sluice approve <env>} */
    static EnvironmentArgument read(ProjectConfig policy, List<String> arguments, String usage) {
        String known = environments(policy);
        if (arguments.isEmpty()) {
            return new Invalid("`" + usage + "` needs an environment; " + known);
        }
        return policy.environment(arguments.getFirst())
                .<EnvironmentArgument>map(environment -> new Found(environment, arguments.subList(1, arguments.size())))
                .orElseGet(() -> new Invalid("there is no environment `" + arguments.getFirst() + "` in sluice.yaml; " + known));
    }

    static String environments(ProjectConfig policy) {
        return policy.environments().isEmpty() ? "sluice.yaml defines no environments."
                : "the environments are " + policy.environments().stream().map(EnvironmentConfig::name)
                        .collect(Collectors.joining(", ")) + ".";
    }
}
