package dev.sluice.app.api;

import dev.sluice.rollout.pipeline.DeploymentKind;
import dev.sluice.rollout.pipeline.Deployments;
import dev.sluice.rollout.pipeline.EnvironmentStatus;
import dev.sluice.rollout.release.Release;
import dev.sluice.rollout.release.Releases;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** {@code GET /api/releases} (newest first, paged) and {@code GET /api/releases/{version}}. */
@Controller("/api/releases")
@ExecuteOn(TaskExecutors.BLOCKING)
final class ReleasesController {

    private final ReleaseQueries queries;
    private final Releases releases;
    private final Deployments deployments;

    ReleasesController(ReleaseQueries queries, Releases releases, Deployments deployments) {
        this.queries = queries;
        this.releases = releases;
        this.deployments = deployments;
    }

    @Get
    ReleaseJson.ReleaseList list(@QueryValue("repository") @Nullable String repository, @QueryValue("limit") @Nullable String limit,
            @QueryValue("before") @Nullable String before) {
        Optional<String> onlyRepository = Parameters.text(repository);
        Page page = Parameters.page(limit, before);
        List<ReleaseQueries.Row> rows = queries.page(onlyRepository, page);
        List<ReleaseJson.Summary> summaries = rows.stream().limit(page.limit())
                .map(row -> ReleaseJson.summary(row.release(), row.files(), deploys(row.release())))
                .toList();
        Map<String, Optional<String>> filters = new LinkedHashMap<>();
        filters.put("repository", onlyRepository);
        return new ReleaseJson.ReleaseList(summaries,
                page.next("/api/releases", rows.stream().map(row -> row.release().id()).toList(), filters));
    }

    @Get("/{version}")
    HttpResponse<?> one(@PathVariable("version") String version, @QueryValue("repository") @Nullable String repository) {
        Optional<String> named = Parameters.text(repository);
        Optional<Release> release;
        if (named.isPresent()) {
            release = releases.byVersion(named.get(), version);
        } else {
            List<String> holders = queries.repositoriesWith(version);
            if (holders.size() > 1) {
                throw new BadRequestException("release " + version + " exists in " + String.join(", ", holders)
                        + ": name one with ?repository=");
            }
            release = holders.isEmpty() ? Optional.empty() : releases.byVersion(holders.getFirst(), version);
        }
        if (release.isEmpty()) {
            return HttpResponse.status(HttpStatus.NOT_FOUND).body(new ApiError(404, "no release " + version
                    + named.map(name -> " in " + name).orElse("")));
        }
        return HttpResponse.ok(ReleaseJson.detail(release.get(), deployments.status(release.get()).environments()));
    }

    private List<EnvironmentStatus> deploys(Release release) {
        return deployments.status(release).environments().stream()
                .filter(status -> status.deployment().kind() == DeploymentKind.DEPLOY).toList();
    }
}
