package io.estatedesk.shared;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Starts a PostgreSQL server from the application itself when no external database is configured,
 * keeping its files under {@code estatedesk.database.data-dir} so data survives restarts (see {@link EmbeddedServer}).
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnExpression("'${spring.datasource.url:}'.isEmpty()")
class EmbeddedDatabaseConfiguration {

	static final String DATABASE = "estatedesk";

	@Bean(destroyMethod = "close")
	EmbeddedServer embeddedPostgres(@Value("${estatedesk.database.data-dir}") String dataDir) throws IOException {
		Path dir = Path.of(dataDir).toAbsolutePath().normalize();
		Files.createDirectories(dir.getParent());
		return EmbeddedServer.start(dir);
	}

	@Bean(destroyMethod = "close")
	DataSource dataSource(EmbeddedServer pg) throws SQLException {
		try (Connection c = pg.postgresDatabase().getConnection(); Statement s = c.createStatement()) {
			ResultSet rs = s.executeQuery("select 1 from pg_database where datname = '" + DATABASE + "'");
			if (!rs.next()) {
				s.execute("create database " + DATABASE + " encoding 'UTF8' template template0");
			}
		}
		HikariDataSource ds = new HikariDataSource();
		ds.setJdbcUrl(pg.jdbcUrl(DATABASE));
		ds.setUsername("postgres");
		ds.setMaximumPoolSize(20);
		ds.setPoolName("estatedesk-embedded");
		ds.setConnectionInitSql("set time zone '" + BusinessClock.ZONE.getId() + "'");
		// a lost server shows as DOWN within seconds, and the pool connects again when it is back
		ds.setConnectionTimeout(5_000);
		ds.setValidationTimeout(2_000);
		return ds;
	}

}
