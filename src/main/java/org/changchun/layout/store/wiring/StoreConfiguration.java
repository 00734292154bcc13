package org.changchun.layout.store.wiring;

import javax.sql.DataSource;
import org.changchun.layout.history.LayerHistory;
import org.changchun.layout.compliance.ConstraintStore;
import org.changchun.layout.imports.JobStore;
import org.changchun.layout.indicators.ObservationStore;
import org.changchun.layout.security.AccessStore;
import org.changchun.layout.store.FeatureStore;
import org.changchun.layout.store.StoreKind;
import org.changchun.layout.store.StoreProperties;
import org.changchun.layout.store.jdbc.ChangeListeners;
import org.changchun.layout.store.jdbc.JdbcAccessStore;
import org.changchun.layout.store.jdbc.JdbcConstraintStore;
import org.changchun.layout.store.jdbc.JdbcFeatureStore;
import org.changchun.layout.store.jdbc.JdbcJobStore;
import org.changchun.layout.store.jdbc.JdbcLayerHistory;
import org.changchun.layout.store.jdbc.JdbcObservationStore;
import org.changchun.layout.store.postgis.PostgisChangeFeed;
import org.springframework.boot.flyway.autoconfigure.FlywayConfigurationCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/** Picks the store from the data source and wires it; the only place that knows both exist. */
@Configuration(proxyBeanMethods = false)
class StoreConfiguration {

    @Bean
    StoreKind storeKind(DataSource dataSource) {
        return StoreKind.of(dataSource);
    }

    @Bean
    FlywayConfigurationCustomizer storeMigrations(StoreKind storeKind) {
        return configuration -> configuration.locations(storeKind.migrationLocations());
    }

    @Bean
    ChangeListeners storeChangeListeners() {
        return new ChangeListeners();
    }

    @Bean
    FeatureStore featureStore(JdbcTemplate jdbc, TransactionTemplate transactions, StoreKind storeKind,
                              StoreProperties properties, ChangeListeners listeners) {
        return new JdbcFeatureStore(jdbc, transactions, SpatialDialects.of(storeKind), properties.keptPreviousVersions(),
                properties.previousVersionsMaxAgeLimit(), properties.abandonedAfter(), properties.statementTimeout(),
                listeners);
    }

    @Bean
    LayerHistory layerHistory(JdbcTemplate jdbc, TransactionTemplate transactions, StoreKind storeKind) {
        return new JdbcLayerHistory(jdbc, transactions, SpatialDialects.of(storeKind));
    }

    @Bean
    JobStore jobStore(JdbcTemplate jdbc, TransactionTemplate transactions) {
        return new JdbcJobStore(jdbc, transactions);
    }

    @Bean
    ObservationStore observationStore(JdbcTemplate jdbc, TransactionTemplate transactions) {
        return new JdbcObservationStore(jdbc, transactions);
    }

    @Bean
    ConstraintStore constraintStore(JdbcTemplate jdbc, TransactionTemplate transactions) {
        return new JdbcConstraintStore(jdbc, transactions);
    }

    @Bean
    AccessStore accessStore(JdbcTemplate jdbc, StoreKind storeKind) {
        return new JdbcAccessStore(jdbc, SpatialDialects.of(storeKind));
    }

    @Bean
    PostgisChangeFeed postgisChangeFeed(DataSource dataSource, ChangeListeners listeners, StoreKind storeKind) {
        return new PostgisChangeFeed(dataSource, listeners, storeKind == StoreKind.POSTGIS);
    }
}
