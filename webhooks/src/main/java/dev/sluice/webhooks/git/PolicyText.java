package dev.sluice.webhooks.git;

import dev.sluice.rollout.config.ApprovalPolicy;
import dev.sluice.rollout.config.EnvironmentConfig;
import dev.sluice.rollout.config.ProjectConfig;
import dev.sluice.rollout.release.Release;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * Parses sluice.yaml for the webhooks module. BRIDGE: until the policy parser of wt-config lands,
 * {@link ProjectConfig#parse} leaves every environment's {@code approval} at auto; this reads the
 * {@code approval: { approvers, required, allow-author }} mapping itself for environments the
 * parser left at auto. Once the parser reads approvals the overlay finds nothing to do; then
 * delete it and call {@link ProjectConfig#parse} and {@link Release#policy()} directly.
 */
public final class PolicyText {

    private PolicyText() {
    }

    public static ProjectConfig parse(String text, String source) {
        ProjectConfig parsed = ProjectConfig.parse(text, source);
        if (parsed.environments().stream().noneMatch(environment -> environment.approval() instanceof ApprovalPolicy.Auto)) {
            return parsed;
        }
        Object root = new Yaml(new SafeConstructor(new LoaderOptions())).load(text);
        if (!(root instanceof Map<?, ?> map) || !(map.get("environments") instanceof List<?> raw)) {
            return parsed;
        }
        List<EnvironmentConfig> environments = new ArrayList<>();
        for (int i = 0; i < parsed.environments().size(); i++) {
            EnvironmentConfig environment = parsed.environments().get(i);
            Object approval = raw.get(i) instanceof Map<?, ?> entry ? entry.get("approval") : null;
            if (environment.approval() instanceof ApprovalPolicy.Auto && approval instanceof Map<?, ?> approvers
                    && approvers.get("approvers") instanceof List<?> names) {
                int required = approvers.get("required") instanceof Integer count ? count : 1;
                boolean allowAuthor = Boolean.TRUE.equals(approvers.get("allow-author"));
                environment = new EnvironmentConfig(environment.name(), environment.targets(), environment.review(),
                        new ApprovalPolicy.Approvers(names.stream().map(String::valueOf).toList(), required, allowAuthor),
                        environment.soak(), environment.window());
            }
            environments.add(environment);
        }
        return new ProjectConfig(parsed.migrations(), environments, parsed.rules(), parsed.allowOutOfOrder());
    }

    /** The policy a release was cut with. */
    public static ProjectConfig of(Release release) {
        return parse(release.policyText(), "sluice.yaml of release " + release.version());
    }
}
