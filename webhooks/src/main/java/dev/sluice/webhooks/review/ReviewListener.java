package dev.sluice.webhooks.review;

import dev.sluice.webhooks.handle.HandlerResult;
import java.time.Duration;

/** Each review of a pull request, for whoever measures them (the controller's metrics). No-op by default. */
public interface ReviewListener {

    ReviewListener NONE = new ReviewListener() {
    };

    /** A review ran, from fetching the commits to the report on the pull request, with what came of it. */
    default void reviewed(Duration elapsed, HandlerResult result) {
    }
}
