package dev.sluice.app.webhook;

import io.micronaut.context.condition.Condition;
import io.micronaut.context.condition.ConditionContext;
import io.micronaut.context.env.Environment;

/** True when Sluice can act on GitHub: a GitHub App (app-id and private-key) or a token is configured. */
public final class GitHubConfigured implements Condition {

    @Override
    public boolean matches(ConditionContext context) {
        if (!(context.getBeanContext() instanceof io.micronaut.context.ApplicationContext application)) {
            return false;
        }
        Environment environment = application.getEnvironment();
        return environment.containsProperty("sluice.github.token") || environment.containsProperty("sluice.github.app-id");
    }
}
