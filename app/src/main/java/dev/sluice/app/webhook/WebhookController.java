package dev.sluice.app.webhook;

import dev.sluice.webhooks.intake.IntakeDecision;
import dev.sluice.webhooks.intake.WebhookIntake;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Header;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import java.sql.SQLException;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code POST /webhooks/github}: 202 once the delivery is durably recorded (the work runs
 * afterwards), 200 for ping, ignored events and repeated deliveries, 401 for a bad or missing
 * signature, 400 for a malformed request, 413 over the size limit (micronaut.server.max-request-size).
 */
@Controller("/webhooks/github")
final class WebhookController {

    private static final Logger LOG = LoggerFactory.getLogger(WebhookController.class);

    private final Optional<WebhookIntake> intake;
    private final DeliveryStore deliveries;
    private final DeliveryWorker worker;
    private final boolean wakeWorker;

    WebhookController(Optional<WebhookIntake> intake, DeliveryStore deliveries, DeliveryWorker worker,
            @io.micronaut.context.annotation.Value("${sluice.queue.work-on-arrival:true}") boolean wakeWorker) {
        this.intake = intake;
        this.deliveries = deliveries;
        this.worker = worker;
        this.wakeWorker = wakeWorker;
    }

    @Post(consumes = MediaType.ALL, produces = MediaType.TEXT_PLAIN)
    @ExecuteOn(TaskExecutors.BLOCKING)
    HttpResponse<String> receive(@Header("X-GitHub-Event") @Nullable String event,
            @Header("X-GitHub-Delivery") @Nullable String deliveryId,
            @Header("X-Hub-Signature-256") @Nullable String signature,
            @Body @Nullable byte[] body) {
        if (intake.isEmpty()) {
            return HttpResponse.status(HttpStatus.SERVICE_UNAVAILABLE, "").body("webhooks are off: set sluice.github.webhook-secret\n");
        }
        IntakeDecision decision = intake.get().receive(event, deliveryId, signature, body == null ? new byte[0] : body);
        return switch (decision) {
            case IntakeDecision.Reject reject -> {
                LOG.warn("Webhook {} ({}) rejected with {}: {}", deliveryId, event, reject.status(), reject.reason());
                yield HttpResponse.<String>status(HttpStatus.valueOf(reject.status())).body(reject.reason() + "\n");
            }
            case IntakeDecision.Ignore ignore -> {
                LOG.info("Webhook {} ({}) ignored: {}", deliveryId, event, ignore.reason());
                yield HttpResponse.ok("ignored: " + ignore.reason() + "\n");
            }
            case IntakeDecision.Accept accept -> record(accept);
        };
    }

    private HttpResponse<String> record(IntakeDecision.Accept accept) {
        try {
            if (!deliveries.record(accept.delivery())) {
                LOG.info("Webhook {} already received; not processed again", accept.delivery().id());
                return HttpResponse.ok("already received\n");
            }
        } catch (SQLException e) {
            // Not recorded means not acknowledged: GitHub shows the delivery as failed and it can be redelivered.
            LOG.error("Webhook {} could not be recorded: {}", accept.delivery().id(), e.getMessage());
            return HttpResponse.<String>status(HttpStatus.SERVICE_UNAVAILABLE).body("could not record the delivery\n");
        }
        LOG.info("Webhook {} recorded: {} {} {}", accept.delivery().id(), accept.delivery().event(), accept.delivery().action(),
                accept.delivery().repository().orElse(""));
        if (wakeWorker) {
            worker.wake(); // after the record is committed: the work never runs ahead of the acknowledgement
        }
        return HttpResponse.accepted().body("recorded\n");
    }
}
