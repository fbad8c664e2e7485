package dev.sluice.app.ops;

import dev.sluice.rollout.engine.Step;
import dev.sluice.webhooks.github.GitHubCallListener;
import dev.sluice.webhooks.handle.HandlerResult;
import dev.sluice.webhooks.review.ReviewListener;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.OptionalLong;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The controller's own series on {@code /prometheus} (the names as Prometheus shows them):
 * {@code sluice_deliveries_total{event,outcome}}, {@code sluice_review_duration_seconds},
 * {@code sluice_rollout_step_duration_seconds{environment}}, {@code sluice_databases_total{environment,outcome}},
 * {@code sluice_github_calls_total{outcome}} and {@code sluice_github_rate_limit_remaining}. The
 * queue gauges are in {@link QueueMetrics}, drift in {@code DriftWorker}. The lower modules report
 * through listener interfaces they own; only this class knows Micrometer.
 */
@Singleton
public class SluiceMetrics implements GitHubCallListener, ReviewListener {

    /** What became of a delivery. */
    public enum DeliveryOutcome {
        DONE, RETRY, PARKED;

        String tag() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    private final MeterRegistry meters;
    /** -1 until GitHub has said; the gauge shows it as it is rather than inventing a limit. */
    private final AtomicLong rateLimitRemaining = new AtomicLong(-1);
    private final Timer reviews;

    SluiceMetrics(MeterRegistry meters) {
        this.meters = meters;
        Gauge.builder("sluice.github.rate.limit.remaining", rateLimitRemaining, AtomicLong::get)
                .description("Requests left in GitHub's current rate-limit window, as its last answer said (-1 before the first)")
                .register(meters);
        this.reviews = Timer.builder("sluice.review.duration")
                .description("Time to review a pull request and report on it").register(meters);
    }

    public void delivery(String event, DeliveryOutcome outcome) {
        Counter.builder("sluice.deliveries").description("Webhook deliveries worked, by event and outcome")
                .tag("event", event).tag("outcome", outcome.tag()).register(meters).increment();
    }

    public void step(String environment, Step step) {
        Timer.builder("sluice.rollout.step.duration").description("Time of one migration step on one database")
                .tag("environment", environment).register(meters).record(step.duration());
    }

    public void database(String environment, boolean applied) {
        Counter.builder("sluice.databases").description("Databases a deployment finished, applied (or up to date) or failed")
                .tag("environment", environment).tag("outcome", applied ? "applied" : "failed").register(meters).increment();
    }

    @Override
    public void reviewed(Duration elapsed, HandlerResult result) {
        reviews.record(elapsed);
    }

    @Override
    public void answered(int status, OptionalLong remaining) {
        remaining.ifPresent(rateLimitRemaining::set);
        boolean limited = status == 429 || (status == 403 && remaining.orElse(1) == 0);
        githubCall(limited ? "rate_limited" : status < 400 ? "ok" : status < 500 ? "client_error" : "server_error");
    }

    @Override
    public void unanswered() {
        githubCall("unanswered");
    }

    private void githubCall(String outcome) {
        Counter.builder("sluice.github.calls").description("Calls to GitHub's API, by outcome")
                .tag("outcome", outcome).register(meters).increment();
    }
}
