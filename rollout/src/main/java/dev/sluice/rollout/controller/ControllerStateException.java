package dev.sluice.rollout.controller;

import java.sql.SQLException;

/**
 * The controller's own database failed a read or write. Unchecked so stores stay readable; the
 * work queue treats it as an outage and tries the work again later.
 */
public final class ControllerStateException extends RuntimeException {

    public ControllerStateException(SQLException cause) {
        super("the controller database failed: " + cause.getMessage(), cause);
    }
}
