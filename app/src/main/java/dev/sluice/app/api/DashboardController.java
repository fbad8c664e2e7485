package dev.sluice.app.api;

import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;

/**
 * {@code GET /}: one self-contained page that reads the API in the browser. The page holds no
 * data, so it is served without the API token; its requests carry the token the user enters.
 */
@Controller
final class DashboardController {

    private final String page = ClasspathText.read("/dashboard.html");

    @Get(produces = MediaType.TEXT_HTML)
    String dashboard() {
        return page;
    }
}
