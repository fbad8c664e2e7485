package dev.sluice.app.persistence;

import dev.sluice.rollout.engine.ServerKeepalive;
import io.micronaut.configuration.jdbc.hikari.DatasourceConfiguration;
import io.micronaut.context.event.BeanCreatedEvent;
import io.micronaut.context.event.BeanCreatedEventListener;
import jakarta.inject.Singleton;

/**
 * Every session of the controller's pool asks the server for TCP keepalives, once, when the pool
 * opens it: a replica cut off from the network then loses its sessions, and the deployment it had
 * claimed and the GitHub write lock it held, in about a minute rather than two hours. A
 * {@code connection-init-sql} of your own is kept as it is.
 */
@Singleton
final class ControllerSessionKeepalive implements BeanCreatedEventListener<DatasourceConfiguration> {

    @Override
    public DatasourceConfiguration onCreated(BeanCreatedEvent<DatasourceConfiguration> event) {
        DatasourceConfiguration configuration = event.getBean();
        if (configuration.getConnectionInitSql() == null || configuration.getConnectionInitSql().isBlank()) {
            configuration.setConnectionInitSql(ServerKeepalive.SQL);
        }
        return configuration;
    }
}
