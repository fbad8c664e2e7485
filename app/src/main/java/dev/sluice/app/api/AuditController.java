package dev.sluice.app.api;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Header;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.json.JsonMapper;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import java.util.List;
import java.util.Optional;

/**
 * {@code GET /api/audit}: the audit trail, newest first and paged; or, with
 * {@code Accept: application/x-ndjson} or {@code format=jsonl}, every matching line as JSON Lines.
 */
@Controller("/api/audit")
@ExecuteOn(TaskExecutors.BLOCKING)
final class AuditController {

    static final String NDJSON = "application/x-ndjson";

    private final AuditQueries queries;
    private final JsonMapper json;

    AuditController(AuditQueries queries, JsonMapper json) {
        this.queries = queries;
        this.json = json;
    }

    /** The JSON page of events and the link to the next page. */
    @io.micronaut.serde.annotation.Serdeable
    @com.fasterxml.jackson.annotation.JsonInclude(com.fasterxml.jackson.annotation.JsonInclude.Include.ALWAYS)
    record AuditPage(List<AuditQueries.Event> events, @Nullable String next) {
    }

    @Get(produces = {MediaType.APPLICATION_JSON, NDJSON})
    HttpResponse<?> audit(@QueryValue("actor") @Nullable String actor, @QueryValue("action") @Nullable String action,
            @QueryValue("environment") @Nullable String environment, @QueryValue("release") @Nullable String release,
            @QueryValue("target") @Nullable String target, @QueryValue("repository") @Nullable String repository,
            @QueryValue("from") @Nullable String from, @QueryValue("to") @Nullable String to,
            @QueryValue("limit") @Nullable String limit, @QueryValue("before") @Nullable String before,
            @QueryValue("format") @Nullable String format, @Header(HttpHeaders.ACCEPT) @Nullable String accept) {
        AuditFilter filter = new AuditFilter(Parameters.text(actor), Parameters.text(action), Parameters.text(environment),
                Parameters.text(release), Parameters.text(target), Parameters.text(repository), Parameters.instant("from", from),
                Parameters.instant("to", to));
        Page page = Parameters.page(limit, before); // checked even for an export, so a typo is not silently ignored
        if (jsonLines(Parameters.text(format), accept)) {
            return HttpResponse.ok(queries.export(filter, json::writeValueAsBytes)).contentType(NDJSON);
        }
        List<AuditQueries.Event> events = queries.page(filter, page);
        String next = page.next("/api/audit", events.stream().map(AuditQueries.Event::id).toList(), filter.query());
        return HttpResponse.ok(new AuditPage(events.stream().limit(page.limit()).toList(), next)).contentType(MediaType.APPLICATION_JSON);
    }

    private static boolean jsonLines(Optional<String> format, @Nullable String accept) {
        if (format.isPresent()) {
            return switch (format.get()) {
                case "jsonl", "ndjson" -> true;
                case "json" -> false;
                default -> throw new BadRequestException("format must be json or jsonl, not \"" + format.get() + "\"");
            };
        }
        return accept != null && accept.contains(NDJSON);
    }
}
