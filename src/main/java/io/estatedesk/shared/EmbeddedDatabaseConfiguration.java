package io.estatedesk.shared;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Starts a PostgreSQL server from the application itself when no external database is configured,
 * keeping its files under {@code estatedesk.database.data-dir} so data survives restarts.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnExpression("'${spring.datasource.url:}'.isEmpty()")
class EmbeddedDatabaseConfiguration {

	private static final Logger log = LoggerFactory.getLogger(EmbeddedDatabaseConfiguration.class);

	static final String DATABASE = "estatedesk";

	@Bean(destroyMethod = "close")
	EmbeddedPostgres embeddedPostgres(@Value("${estatedesk.database.data-dir}") String dataDir) throws IOException {
		Path dir = Path.of(dataDir).toAbsolutePath().normalize();
		Files.createDirectories(dir.getParent());
		EmbeddedPostgres pg = EmbeddedPostgres.builder()
			.setDataDirectory(dir)
			.setCleanDataDirectory(false)
			// Spring stops the server when the context closes, after the connection pool and every bean using it
			.setRegisterShutdownHook(false)
			.setPGStartupWait(Duration.ofSeconds(60))
			.setServerConfig("max_connections", "100")
			// the data directory sits on local disk; random reads cost little more than sequential ones
			.setServerConfig("random_page_cost", "1.1")
			.setServerConfig("effective_cache_size", "1GB")
			.start();
		log.info("Embedded PostgreSQL running on port {} with data in {}", pg.getPort(), dir);
		return pg;
	}

	@Bean(destroyMethod = "close")
	DataSource dataSource(EmbeddedPostgres pg) throws SQLException {
		try (Connection c = pg.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
			ResultSet rs = s.executeQuery("select 1 from pg_database where datname = '" + DATABASE + "'");
			if (!rs.next()) {
				s.execute("create database " + DATABASE + " encoding 'UTF8' template template0");
			}
		}
		HikariDataSource ds = new HikariDataSource();
		ds.setJdbcUrl(pg.getJdbcUrl("postgres", DATABASE));
		ds.setUsername("postgres");
		ds.setMaximumPoolSize(20);
		ds.setPoolName("estatedesk-embedded");
		return ds;
	}

}
