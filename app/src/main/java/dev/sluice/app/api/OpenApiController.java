package dev.sluice.app.api;

import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;

/** {@code GET /api/openapi.yaml}: the hand-written description of the API (a test holds it to the routes). */
@Controller("/api/openapi.yaml")
final class OpenApiController {

    static final String YAML = "application/yaml";

    private final String document = ClasspathText.read("/openapi.yaml");

    @Get(produces = YAML)
    String document() {
        return document;
    }
}
