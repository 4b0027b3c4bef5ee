package io.estatedesk.shared;

import java.io.Closeable;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The PostgreSQL server the application runs for itself on a data directory of its own.
 * <ul>
 * <li>Durable: fsync, synchronous commit and full-page writes are on, so a commit the application acknowledged is on
 * disk (the library this builds on turns fsync and synchronous commit off by default, as suits throw-away test
 * databases).</li>
 * <li>A server left running by an application that was killed ({@code postmaster.pid} names a live postgres process
 * on this data directory) is shut down cleanly before a new one starts, instead of blocking it.</li>
 * <li>A server that stops while the application runs is started again on the same port and data directory within
 * seconds; meanwhile the database health check is DOWN, and the connection pool reconnects by itself.</li>
 * </ul>
 */
public final class EmbeddedServer implements Closeable {

	private static final Logger log = LoggerFactory.getLogger(EmbeddedServer.class);

	private static final Duration STARTUP_WAIT = Duration.ofSeconds(60);

	private final Path dataDir;

	private final ScheduledExecutorService watchdog;

	private volatile EmbeddedPostgres pg;

	/** The postmaster this application started, known by its process (the pid file is rewritten while it runs). */
	private volatile ProcessHandle postmaster;

	private volatile boolean closed;

	private EmbeddedServer(Path dataDir, EmbeddedPostgres pg) {
		this.dataDir = dataDir;
		this.pg = pg;
		this.postmaster = startedPostmaster(dataDir);
		this.watchdog = Executors.newSingleThreadScheduledExecutor(r -> {
			Thread t = new Thread(r, "embedded-postgres-watchdog");
			t.setDaemon(true);
			return t;
		});
		watchdog.scheduleWithFixedDelay(this::restartIfStopped, 5, 5, TimeUnit.SECONDS);
	}

	static EmbeddedServer start(Path dataDir) throws IOException {
		stopStaleServer(dataDir);
		EmbeddedServer server = new EmbeddedServer(dataDir, launch(dataDir, 0));
		log.info("Embedded PostgreSQL running on port {} with data in {}", server.port(), dataDir);
		return server;
	}

	private static EmbeddedPostgres launch(Path dataDir, int port) throws IOException {
		EmbeddedPostgres.Builder b = EmbeddedPostgres.builder()
			.setDataDirectory(dataDir)
			.setCleanDataDirectory(false)
			// Spring stops the server when the context closes, after the connection pool and every bean using it
			.setRegisterShutdownHook(false)
			.setPGStartupWait(STARTUP_WAIT)
			// what was acknowledged survives a crash of the application, the server or the machine
			.setServerConfig("fsync", "on")
			.setServerConfig("synchronous_commit", "on")
			.setServerConfig("full_page_writes", "on")
			.setServerConfig("timezone", BusinessClock.ZONE.getId())
			.setServerConfig("max_connections", "100")
			// the data directory sits on local disk; random reads cost little more than sequential ones
			.setServerConfig("random_page_cost", "1.1")
			.setServerConfig("effective_cache_size", "1GB");
		if (port > 0) {
			b.setPort(port);
		}
		return b.start();
	}

	public int port() {
		return pg.getPort();
	}

	public String jdbcUrl(String database) {
		return pg.getJdbcUrl("postgres", database);
	}

	public DataSource postgresDatabase() {
		return pg.getPostgresDatabase();
	}

	/** Whether the server is running: its postmaster is alive or its port still answers. */
	public boolean running() {
		ProcessHandle p = postmaster;
		if (p == null || p.isAlive()) {
			return true; // a server whose process could not be told is never restarted on a guess
		}
		try (java.net.Socket s = new java.net.Socket()) {
			s.connect(new java.net.InetSocketAddress("localhost", port()), 1000);
			return true;
		}
		catch (IOException e) {
			return false;
		}
	}

	private static ProcessHandle startedPostmaster(Path dataDir) {
		for (int attempt = 0; attempt < 20; attempt++) {
			Optional<ProcessHandle> p = postmasterPid(dataDir).flatMap(ProcessHandle::of).filter(ProcessHandle::isAlive);
			if (p.isPresent()) {
				return p.get();
			}
			try {
				Thread.sleep(100);
			}
			catch (InterruptedException e) {
				Thread.currentThread().interrupt();
				break;
			}
		}
		log.warn("The embedded PostgreSQL's process could not be found from {}; it is not watched", dataDir.resolve("postmaster.pid"));
		return null;
	}

	private synchronized void restartIfStopped() {
		if (closed || running()) {
			return;
		}
		int port = port();
		log.error("Embedded PostgreSQL on port {} has stopped (process {} ended, port closed); starting it again on the same data directory",
				port, postmaster.pid());
		try {
			try {
				pg.close();
			}
			catch (IOException | RuntimeException e) {
				log.debug("Closing the stopped server: {}", e.toString());
			}
			pg = launch(dataDir, port);
			postmaster = startedPostmaster(dataDir);
			log.info("Embedded PostgreSQL running again on port {}", port);
		}
		catch (IOException | RuntimeException e) {
			log.error("Embedded PostgreSQL could not be started again (next try in 5 s): {}", e.toString());
		}
	}

	@Override
	public synchronized void close() throws IOException {
		closed = true;
		watchdog.shutdownNow();
		pg.close();
	}

	/** The pid in the data directory's {@code postmaster.pid}, if the file is there. */
	static Optional<Long> postmasterPid(Path dataDir) {
		Path pidFile = dataDir.resolve("postmaster.pid");
		try {
			List<String> lines = Files.readAllLines(pidFile, StandardCharsets.UTF_8);
			return lines.isEmpty() ? Optional.empty() : Optional.of(Long.parseLong(lines.get(0).strip()));
		}
		catch (IOException | NumberFormatException e) {
			return Optional.empty();
		}
	}

	/**
	 * A server of this data directory still running — left by an application that was killed — is asked to shut
	 * down (SIGTERM: its clients are gone, committed data is on disk) and waited for; if it does not stop, it is
	 * killed, and the next start recovers from its write-ahead log as after any crash. Only a process that is
	 * postgres and names this data directory is touched.
	 */
	static void stopStaleServer(Path dataDir) throws IOException {
		Optional<ProcessHandle> stale = postmasterPid(dataDir).flatMap(ProcessHandle::of)
			.filter(ProcessHandle::isAlive)
			.filter(p -> isPostgresOf(p, dataDir));
		if (stale.isEmpty()) {
			return;
		}
		ProcessHandle p = stale.get();
		log.warn("A PostgreSQL server (pid {}) left running on {} by an earlier start is being shut down", p.pid(), dataDir);
		p.destroy();
		if (!waitForExit(p, Duration.ofSeconds(30))) {
			log.warn("PostgreSQL (pid {}) did not stop within 30 s; stopping it at once", p.pid());
			p.descendants().forEach(ProcessHandle::destroyForcibly);
			p.destroyForcibly();
			if (!waitForExit(p, Duration.ofSeconds(15))) {
				throw new IOException("PostgreSQL (pid " + p.pid() + ") on " + dataDir + " does not stop; stop it by hand");
			}
		}
		log.info("The earlier PostgreSQL server (pid {}) has stopped", p.pid());
	}

	private static boolean isPostgresOf(ProcessHandle p, Path dataDir) {
		String command = p.info().command().orElse("");
		String args = p.info().arguments().map(a -> String.join(" ", a)).orElse("");
		Path cmdline = Path.of("/proc", Long.toString(p.pid()), "cmdline");
		if (args.isEmpty() && Files.isReadable(cmdline)) {
			try {
				args = new String(Files.readAllBytes(cmdline), StandardCharsets.UTF_8).replace('\0', ' ');
			}
			catch (IOException e) {
				// fall through with what ProcessHandle told
			}
		}
		boolean postgres = command.endsWith("postgres") || args.contains("postgres");
		// the postmaster is started with -D <data dir>; where arguments cannot be read, the pid file is trusted
		return postgres && (args.isEmpty() || args.contains(dataDir.toString()));
	}

	private static boolean waitForExit(ProcessHandle p, Duration timeout) {
		try {
			p.onExit().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
			return true;
		}
		catch (Exception e) {
			return !p.isAlive();
		}
	}

}
