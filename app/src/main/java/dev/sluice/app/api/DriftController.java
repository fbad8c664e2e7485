package dev.sluice.app.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.serde.annotation.Serdeable;
import java.util.List;

/**
 * {@code GET /api/drift}: per target database, the last drift check and the recorded schema it
 * compares with. Not paged: one row per target database, which a fleet bounds.
 */
@Controller("/api/drift")
@ExecuteOn(TaskExecutors.BLOCKING)
final class DriftController {

    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record DriftList(List<DriftQueries.Database> databases) {
    }

    private final DriftQueries queries;

    DriftController(DriftQueries queries) {
        this.queries = queries;
    }

    @Get
    DriftList drift(@QueryValue("drifted") @Nullable String drifted) {
        return new DriftList(queries.all(Parameters.bool("drifted", drifted)));
    }
}
