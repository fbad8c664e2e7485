package dev.sluice.app.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.serde.annotation.Serdeable;
import java.util.List;

/** {@code GET /api/environments}: per repository and environment, what is deployed and what comes next. Not paged: one row per environment. */
@Controller("/api/environments")
@ExecuteOn(TaskExecutors.BLOCKING)
final class EnvironmentsController {

    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record EnvironmentList(List<EnvironmentQueries.Environment> environments) {
    }

    private final EnvironmentQueries queries;

    EnvironmentsController(EnvironmentQueries queries) {
        this.queries = queries;
    }

    @Get
    EnvironmentList environments() {
        return new EnvironmentList(queries.all());
    }
}
