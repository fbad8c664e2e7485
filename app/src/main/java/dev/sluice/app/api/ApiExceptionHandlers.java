package dev.sluice.app.api;

import dev.sluice.rollout.controller.ControllerStateException;
import io.micronaut.context.annotation.Requires;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Turns the API's failures into {@link ApiError} bodies. */
final class ApiExceptionHandlers {

    private static final Logger LOG = LoggerFactory.getLogger(ApiExceptionHandlers.class);

    private ApiExceptionHandlers() {
    }

    @Produces
    @Singleton
    @Requires(classes = {BadRequestException.class, ExceptionHandler.class})
    static final class BadRequest implements ExceptionHandler<BadRequestException, HttpResponse<ApiError>> {

        @Override
        public HttpResponse<ApiError> handle(HttpRequest request, BadRequestException exception) {
            return HttpResponse.<ApiError>status(HttpStatus.BAD_REQUEST).body(new ApiError(400, exception.getMessage()));
        }
    }

    /** The controller's database is down or refused a query: an outage to retry, not a bug in the request. */
    @Produces
    @Singleton
    @Requires(classes = {ControllerStateException.class, ExceptionHandler.class})
    static final class DatabaseUnavailable implements ExceptionHandler<ControllerStateException, HttpResponse<ApiError>> {

        @Override
        public HttpResponse<ApiError> handle(HttpRequest request, ControllerStateException exception) {
            LOG.warn("{} {} failed: {}", request.getMethod(), request.getPath(), exception.getMessage());
            return HttpResponse.<ApiError>status(HttpStatus.SERVICE_UNAVAILABLE)
                    .body(new ApiError(503, "the controller database did not answer; try again"));
        }
    }
}
