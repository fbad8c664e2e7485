package dev.sluice.rollout.config;

import dev.sluice.rollout.ErrorCode;
import dev.sluice.rollout.RolloutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.YAMLException;

/**
 * A repository's {@code sluice.yaml} (CONTRACT §5): where the migrations are, the environments in
 * promotion order with their gates (approval, soak, window), and rule overrides for every
 * environment. An unknown key in an environment is an error: a misspelt {@code approval} must not
 * quietly leave an environment open.
 */
public record ProjectConfig(String migrations, List<EnvironmentConfig> environments, Map<String, String> rules,
        boolean allowOutOfOrder) {

    public static final String DEFAULT_MIGRATIONS = "migrations";

    public ProjectConfig {
        Objects.requireNonNull(migrations, "migrations");
        environments = List.copyOf(environments);
        rules = Map.copyOf(rules);
    }

    public static ProjectConfig defaults() {
        return new ProjectConfig(DEFAULT_MIGRATIONS, List.of(), Map.of(), false);
    }

    public Optional<EnvironmentConfig> environment(String name) {
        return environments.stream().filter(environment -> environment.name().equals(name)).findFirst();
    }

    /** Parses the YAML; {@code source} names it in errors. */
    public static ProjectConfig parse(String yaml, String source) {
        Object root;
        try {
            root = new Yaml(new SafeConstructor(new LoaderOptions())).load(yaml);
        } catch (YAMLException e) {
            throw invalid(source, "is not valid YAML: " + e.getMessage().lines().findFirst().orElse(""));
        }
        if (root == null) {
            return defaults();
        }
        Map<String, Object> map = asMap(root, source, "the file");
        String migrations = string(map.getOrDefault("migrations", DEFAULT_MIGRATIONS), source, "migrations");
        List<EnvironmentConfig> environments = new ArrayList<>();
        Set<String> names = new HashSet<>();
        Object environmentList = map.getOrDefault("environments", List.of());
        if (!(environmentList instanceof List<?> list)) {
            throw invalid(source, "environments must be a list");
        }
        for (int i = 0; i < list.size(); i++) {
            EnvironmentConfig environment = environment(list.get(i), source, "environments[" + i + "]");
            if (!names.add(environment.name())) {
                throw invalid(source, "environment " + environment.name() + " is listed twice");
            }
            environments.add(environment);
        }
        Map<String, String> rules = levels(map.getOrDefault("rules", Map.of()), source, "rules");
        String outOfOrder = string(map.getOrDefault("out-of-order", "deny"), source, "out-of-order");
        if (!outOfOrder.equals("allow") && !outOfOrder.equals("deny")) {
            throw invalid(source, "out-of-order must be allow or deny, not " + outOfOrder);
        }
        return new ProjectConfig(migrations, environments, rules, outOfOrder.equals("allow"));
    }

    private static final List<String> ENVIRONMENT_KEYS = List.of("name", "targets", "review", "approval", "soak", "window", "drift");
    private static final List<String> APPROVAL_KEYS = List.of("approvers", "required", "allow-author");

    private static EnvironmentConfig environment(Object raw, String source, String where) {
        Map<String, Object> map = asMap(raw, source, where);
        Object name = map.get("name");
        if (name == null) {
            throw invalid(source, where + " has no name");
        }
        String environmentName = string(name, source, where + ".name");
        String environment = "environment " + environmentName;
        knownKeys(map, ENVIRONMENT_KEYS, source, environment);
        List<String> targets = new ArrayList<>();
        Object rawTargets = map.getOrDefault("targets", List.of());
        if (rawTargets instanceof List<?> list) {
            for (Object target : list) {
                targets.add(string(target, source, where + ".targets"));
            }
        } else {
            targets.add(string(rawTargets, source, where + ".targets"));
        }
        return new EnvironmentConfig(environmentName, targets, review(map.get("review"), source, environment),
                approval(map.get("approval"), source, environment), soak(map.get("soak"), source, environment),
                window(map.get("window"), source, environment), drift(map.get("drift"), source, environment));
    }

    private static boolean drift(Object raw, String source, String where) {
        String value = raw == null ? "deny" : string(raw, source, where + ": drift");
        if (!value.equals("allow") && !value.equals("deny")) {
            throw invalid(source, where + ": drift must be allow or deny, not " + value);
        }
        return value.equals("allow");
    }

    private static ApprovalPolicy approval(Object raw, String source, String where) {
        if (raw == null || "auto".equals(raw)) {
            return new ApprovalPolicy.Auto();
        }
        if (!(raw instanceof Map<?, ?>)) {
            throw invalid(source, where + ": approval must be auto or { approvers: [...], required: N, allow-author: true|false }, not "
                    + raw);
        }
        Map<String, Object> map = asMap(raw, source, where + ": approval");
        knownKeys(map, APPROVAL_KEYS, source, where + ": approval");
        Object rawApprovers = map.get("approvers");
        if (rawApprovers == null) {
            throw invalid(source, where + ": approval has no approvers (GitHub logins such as alice, or teams such as @org/team-slug)");
        }
        List<String> approvers = new ArrayList<>();
        for (Object entry : rawApprovers instanceof List<?> list ? list : List.of(rawApprovers)) {
            approvers.add(string(entry, source, where + ": approval.approvers"));
        }
        Object required = map.getOrDefault("required", 1);
        if (!(required instanceof Integer count)) {
            throw invalid(source, where + ": approval.required must be a whole number, not " + required);
        }
        Object allowAuthor = map.getOrDefault("allow-author", false);
        if (!(allowAuthor instanceof Boolean allowed)) {
            throw invalid(source, where + ": approval.allow-author must be true or false, not " + allowAuthor);
        }
        try {
            return new ApprovalPolicy.Approvers(approvers, count, allowed);
        } catch (IllegalArgumentException e) {
            throw invalid(source, where + ": approval: " + e.getMessage());
        }
    }

    private static Optional<Duration> soak(Object raw, String source, String where) {
        if (raw == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(DurationText.parse(string(raw, source, where + ": soak")));
        } catch (IllegalArgumentException e) {
            throw invalid(source, where + ": soak " + e.getMessage());
        }
    }

    private static Optional<DeploymentWindow> window(Object raw, String source, String where) {
        if (raw == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(DeploymentWindow.parse(string(raw, source, where + ": window")));
        } catch (IllegalArgumentException e) {
            throw invalid(source, where + ": window " + e.getMessage());
        }
    }

    private static void knownKeys(Map<String, Object> map, List<String> known, String source, String where) {
        for (String key : map.keySet()) {
            if (!known.contains(key)) {
                throw invalid(source, where + ": unknown key " + key + " (known: " + String.join(", ", known) + ")");
            }
        }
    }

    private static ReviewSetting review(Object raw, String source, String where) {
        if (raw == null) {
            return ReviewSetting.DEFAULT;
        }
        if (raw instanceof String ruleSet) {
            return new ReviewSetting(ruleSet, Map.of());
        }
        Map<String, String> levels = new LinkedHashMap<>(levels(raw, source, where + " review"));
        String ruleSet = levels.containsKey("rule-set") ? levels.remove("rule-set") : "default";
        return new ReviewSetting(ruleSet, levels);
    }

    private static Map<String, String> levels(Object raw, String source, String where) {
        Map<String, Object> map = asMap(raw, source, where);
        Map<String, String> levels = new LinkedHashMap<>();
        // YAML 1.1 reads an unquoted "off" as false: take it as the level it was meant to be.
        map.forEach((rule, level) -> levels.put(rule, Boolean.FALSE.equals(level) ? "off" : string(level, source, where + "." + rule)));
        return levels;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> asMap(Object raw, String source, String where) {
        if (!(raw instanceof Map<?, ?> map)) {
            throw invalid(source, where + " must be a mapping of keys to values");
        }
        for (Object key : map.keySet()) {
            if (!(key instanceof String)) {
                throw invalid(source, where + " has a key that is not text: " + key);
            }
        }
        return (Map<String, Object>) map;
    }

    private static String string(Object value, String source, String where) {
        if (value instanceof String || value instanceof Number || value instanceof Boolean) {
            return value.toString();
        }
        throw invalid(source, where + " must be a single value, not " + (value == null ? "empty" : value));
    }

    private static RolloutException invalid(String source, String message) {
        return new RolloutException(ErrorCode.INVALID_INPUT, source + ": " + message);
    }
}
