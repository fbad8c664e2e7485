package dev.sluice.webhooks.intake;

import java.time.Clock;
import java.util.Locale;
import java.util.Set;
import java.util.function.LongPredicate;
import java.util.stream.Collectors;

/**
 * Decides what to do with a webhook request, before anything is stored: the signature first (over
 * the raw bytes), then the headers and the body's shape, then whether Sluice serves the repository
 * and the installation.
 */
public final class WebhookIntake {

    private final WebhookSignature signature;
    private final EventParser parser;
    private final Set<String> repositories;
    private final LongPredicate installationStopped;
    private final Clock clock;

    /**
     * @param repositories        the allowlist, {@code owner/name}, case-insensitive; empty serves nothing
     * @param installationStopped whether an installation was deleted or suspended
     */
    public WebhookIntake(WebhookSignature signature, EventParser parser, Set<String> repositories,
            LongPredicate installationStopped, Clock clock) {
        this.signature = signature;
        this.parser = parser;
        this.repositories = repositories.stream().map(name -> name.toLowerCase(Locale.ROOT)).collect(Collectors.toUnmodifiableSet());
        this.installationStopped = installationStopped;
        this.clock = clock;
    }

    public IntakeDecision receive(String event, String deliveryId, String signatureHeader, byte[] body) {
        SignatureCheck check = signature.verify(body, signatureHeader);
        switch (check) {
            case SignatureCheck.Valid ignored -> {
            }
            case SignatureCheck.Missing ignored -> {
                return new IntakeDecision.Reject(401, "missing X-Hub-Signature-256");
            }
            case SignatureCheck.Malformed malformed -> {
                return new IntakeDecision.Reject(401, "malformed X-Hub-Signature-256: " + malformed.reason());
            }
            case SignatureCheck.Mismatch ignored -> {
                return new IntakeDecision.Reject(401, "X-Hub-Signature-256 does not match the body");
            }
        }
        if (deliveryId == null || deliveryId.isBlank() || deliveryId.length() > 100) {
            return new IntakeDecision.Reject(400, "missing or malformed X-GitHub-Delivery");
        }
        if (event == null || event.isBlank()) {
            return new IntakeDecision.Reject(400, "missing X-GitHub-Event");
        }
        if (event.equals("ping")) {
            return new IntakeDecision.Ignore("ping");
        }
        return switch (parser.parse(event, body)) {
            case ParsedEvent.Unhandled unhandled -> new IntakeDecision.Ignore("event " + unhandled.event() + " is not one Sluice acts on");
            case ParsedEvent.Malformed malformed -> new IntakeDecision.Reject(400, malformed.reason());
            case ParsedEvent.Known known -> decide(deliveryId, known.event(), body);
        };
    }

    private IntakeDecision decide(String deliveryId, GitHubEvent event, byte[] body) {
        Delivery delivery = new Delivery(deliveryId, event.name(), event.action(), event.repository(), event.installation(),
                clock.instant(), body);
        if (event.name().equals("installation")) {
            return new IntakeDecision.Accept(delivery); // its own state changes are always recorded
        }
        if (event.repository().isEmpty() || !repositories.contains(event.repository().get().toLowerCase(Locale.ROOT))) {
            return new IntakeDecision.Ignore("repository " + event.repository().orElse("(none)") + " is not in sluice.repositories");
        }
        if (event.installation().isPresent() && installationStopped.test(event.installation().get())) {
            return new IntakeDecision.Ignore("installation " + event.installation().get() + " is deleted or suspended");
        }
        return new IntakeDecision.Accept(delivery);
    }
}
