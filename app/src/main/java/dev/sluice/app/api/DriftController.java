package dev.sluice.app.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.sluice.app.pipeline.DriftWorker;
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
    private final DriftWorker checks;

    DriftController(DriftQueries queries, DriftWorker checks) {
        this.queries = queries;
        this.checks = checks;
    }

    /** {@code check=true} compares every recorded target database with its live schema first (on demand). */
    @Get
    DriftList drift(@QueryValue("drifted") @Nullable String drifted, @QueryValue("check") @Nullable String check) {
        if (Parameters.bool("check", check).orElse(false)) {
            checks.checkAll();
        }
        return new DriftList(queries.all(Parameters.bool("drifted", drifted)));
    }
}
