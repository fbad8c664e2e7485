package dev.sluice.app.persistence;

import io.micronaut.context.event.BeanCreatedEvent;
import io.micronaut.context.event.BeanCreatedEventListener;
import io.micronaut.data.connection.jdbc.advice.DelegatingDataSource;
import jakarta.inject.Singleton;
import dev.sluice.rollout.controller.ControllerSchema;
import javax.sql.DataSource;

/** Brings the controller database up to date as soon as its connection pool exists, before anyone uses it. */
@Singleton
final class ControllerSchemaMigrator implements BeanCreatedEventListener<DataSource> {

    @Override
    public DataSource onCreated(BeanCreatedEvent<DataSource> event) {
        DataSource dataSource = event.getBean();
        // Micronaut Data may already have wrapped the pool in a proxy that looks the bean up again
        // on every call; talk to the pool itself.
        ControllerSchema.fromClasspath(DelegatingDataSource.unwrapDataSource(dataSource)).migrate();
        return dataSource;
    }
}
