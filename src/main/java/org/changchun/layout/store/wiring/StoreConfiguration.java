package org.changchun.layout.store.wiring;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.metrics.micrometer.MicrometerMetricsTrackerFactory;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Optional;
import javax.sql.DataSource;
import org.changchun.layout.history.LayerHistory;
import org.changchun.layout.compliance.ConstraintStore;
import org.changchun.layout.imports.JobStore;
import org.changchun.layout.indicators.ObservationStore;
import org.changchun.layout.security.AccessStore;
import org.changchun.layout.store.FeatureStore;
import org.changchun.layout.store.JdbcUrls;
import org.changchun.layout.store.StandbyReads;
import org.changchun.layout.store.StoreKind;
import org.changchun.layout.store.StoreProperties;
import org.changchun.layout.store.jdbc.ChangeListeners;
import org.changchun.layout.store.jdbc.JdbcAccessStore;
import org.changchun.layout.store.jdbc.JdbcConstraintStore;
import org.changchun.layout.store.jdbc.JdbcFeatureStore;
import org.changchun.layout.store.jdbc.JdbcJobStore;
import org.changchun.layout.store.jdbc.JdbcLayerHistory;
import org.changchun.layout.store.jdbc.JdbcObservationStore;
import org.changchun.layout.store.jdbc.ReadRoute;
import org.changchun.layout.store.postgis.PostgisChangeFeed;
import org.changchun.layout.store.postgis.PostgisStandbyReads;
import org.springframework.boot.flyway.autoconfigure.FlywayConfigurationCustomizer;
import org.springframework.boot.jdbc.autoconfigure.DataSourceProperties;
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

    /**
     * Request reads on the one database, or, with {@code plan.store.read-url}, on that hot standby
     * whenever it has caught up. Refused at start where it cannot work, rather than ignored.
     */
    @Bean
    ReadRouting storeReadRouting(DataSource dataSource, StoreKind storeKind, StoreProperties properties,
                                 DataSourceProperties primary, MeterRegistry meters) {
        Optional<String> standbyUrl = properties.readStandbyUrl();
        if (standbyUrl.isEmpty()) {
            return new ReadRouting(ReadRoute.single(dataSource, properties.statementTimeout()), StandbyReads.NONE);
        }
        if (storeKind != StoreKind.POSTGIS) {
            throw new ReadStandbyConfigurationException("plan.store.read-url 已设置，但存储是 " + storeKind.name()
                    + "：读备库只用于 PostGIS / plan.store.read-url is set but the store is " + storeKind.name()
                    + ": a read standby works with PostGIS only");
        }
        String url = standbyUrl.get();
        if (!url.startsWith("jdbc:postgresql:")) {
            throw new ReadStandbyConfigurationException("plan.store.read-url 不是 jdbc:postgresql: 地址 / "
                    + "plan.store.read-url is not a jdbc:postgresql: address: " + JdbcUrls.withoutParameters(url));
        }
        PostgisStandbyReads reads = new PostgisStandbyReads(dataSource, standbyPool(url, properties, primary, meters),
                JdbcUrls.withoutParameters(url), properties.statementTimeout(), meters);
        return new ReadRouting(reads, reads);
    }

    /**
     * The standby's own pool: read-only; quick to give up on a standby that does not answer (the
     * read then runs on the primary); and not waiting for it at start, where the primary is enough.
     */
    private static HikariDataSource standbyPool(String url, StoreProperties properties, DataSourceProperties primary,
                                                MeterRegistry meters) {
        HikariConfig config = new HikariConfig();
        config.setPoolName("standby");
        config.setJdbcUrl(url);
        config.setUsername(properties.readStandbyUsername().orElseGet(primary::determineUsername));
        config.setPassword(properties.readStandbyPassword().orElseGet(primary::determinePassword));
        config.setReadOnly(true);
        config.setConnectionTimeout(1_000);
        config.setValidationTimeout(500);
        config.setInitializationFailTimeout(-1);
        // hikaricp_* with pool="standby", beside the primary's pool
        config.setMetricsTrackerFactory(new MicrometerMetricsTrackerFactory(meters));
        return new HikariDataSource(config);
    }

    @Bean
    StandbyReads standbyReads(ReadRouting routing) {
        return routing.standby();
    }

    @Bean
    FeatureStore featureStore(JdbcTemplate jdbc, TransactionTemplate transactions, StoreKind storeKind,
                              StoreProperties properties, ChangeListeners listeners, ReadRouting routing) {
        return new JdbcFeatureStore(jdbc, transactions, SpatialDialects.of(storeKind), properties.keptPreviousVersions(),
                properties.previousVersionsMaxAgeLimit(), properties.abandonedAfter(), routing.route(), listeners);
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
