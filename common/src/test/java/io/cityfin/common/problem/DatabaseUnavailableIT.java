package io.cityfin.common.problem;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.support.ResourcePropertySource;
import org.springframework.r2dbc.connection.R2dbcTransactionManager;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.transaction.reactive.TransactionalOperator;

import io.cityfin.common.test.PostgresTestDatabase;
import io.r2dbc.pool.ConnectionPool;
import io.r2dbc.pool.ConnectionPoolConfiguration;
import io.r2dbc.spi.ConnectionFactories;
import io.r2dbc.spi.ConnectionFactory;
import io.r2dbc.spi.ConnectionFactoryOptions;
import io.r2dbc.spi.Option;
import reactor.core.publisher.Mono;

/**
 * The errors the real driver raises on real PostgreSQL when the database is away, timed out or locked are 503s, the
 * way the apps meet them (Spring's DatabaseClient and transactions over r2dbc-pool); a bad statement stays a 500. And
 * the session timeouts of cityfin-defaults.properties reach the server in the form r2dbc-postgresql sends them.
 */
class DatabaseUnavailableIT {

    private static final Duration WAIT = Duration.ofSeconds(30);

    private static PostgresTestDatabase.Database database;

    private ConnectionPool pool;

    @BeforeAll
    static void database() {
        database = PostgresTestDatabase.get();
    }

    @AfterEach
    void closePool() {
        if (pool != null) {
            pool.dispose();
        }
    }

    @Test
    void aRefusedConnectionIs503() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        DatabaseClient client = client(Map.of(), ConnectionFactoryOptions.PORT, closedPort);

        Throwable error = failure(client.sql("SELECT 1").fetch().one());
        Throwable inTransaction = failure(TransactionalOperator.create(new R2dbcTransactionManager(pool))
                .transactional(client.sql("SELECT 1").fetch().one()));

        assertThat(ProblemMapper.toProblem(error).status()).as(error.toString()).isEqualTo(503);
        assertThat(ProblemMapper.toProblem(inTransaction).status()).as(inTransaction.toString()).isEqualTo(503);
    }

    @Test
    void aStatementTimeoutIs503() {
        DatabaseClient client = client(Map.of("statement_timeout", "100ms"));

        Throwable error = failure(client.sql("SELECT pg_sleep(5)").fetch().one());

        assertThat(error).hasStackTraceContaining("57014");
        assertThat(ProblemMapper.toProblem(error).status()).isEqualTo(503);
    }

    @Test
    void aLockTimeoutIs503() {
        DatabaseClient holder = client(Map.of());
        holder.sql("CREATE TABLE IF NOT EXISTS outage_lock (id int PRIMARY KEY)").then().block(WAIT);
        holder.sql("INSERT INTO outage_lock VALUES (1) ON CONFLICT DO NOTHING").then().block(WAIT);
        ConnectionPool holderPool = pool;
        DatabaseClient waiter = client(Map.of("lock_timeout", "100ms"));
        TransactionalOperator holding = TransactionalOperator.create(new R2dbcTransactionManager(holderPool));

        Throwable error = failure(holding.transactional(holder.sql("SELECT id FROM outage_lock WHERE id = 1 FOR UPDATE").fetch().one()
                .then(waiter.sql("UPDATE outage_lock SET id = 1 WHERE id = 1").then())));
        holderPool.dispose();

        assertThat(error).hasStackTraceContaining("55P03");
        assertThat(ProblemMapper.toProblem(error).status()).isEqualTo(503);
    }

    @Test
    void aConnectionTerminatedByTheServerIs503() {
        DatabaseClient client = client(Map.of());

        // what a server shutting down (or an administrator) does to every session: 57P01, then the socket closes
        Throwable error = failure(TransactionalOperator.create(new R2dbcTransactionManager(pool))
                .transactional(client.sql("SELECT pg_terminate_backend(pg_backend_pid())").fetch().one()));

        assertThat(ProblemMapper.toProblem(error).status()).as(error.toString()).isEqualTo(503);
    }

    @Test
    void aBadStatementStays500() {
        DatabaseClient client = client(Map.of());

        Throwable grammar = failure(client.sql("SELECT * FROM no_such_table").fetch().one());
        Throwable raised = failure(client.sql("DO $$ BEGIN RAISE EXCEPTION 'a bug in a function'; END $$").then());

        assertThat(ProblemMapper.toProblem(grammar).status()).isEqualTo(500);
        assertThat(raised).hasStackTraceContaining("P0001");
        assertThat(ProblemMapper.toProblem(raised).status()).as("r2dbc-postgresql files P0001 as a resource failure")
                .isEqualTo(500);
    }

    @Test
    void theDefaultSessionTimeoutsReachTheServer() throws IOException {
        StandardEnvironment environment = new StandardEnvironment();
        environment.getPropertySources().addLast(new ResourcePropertySource(new ClassPathResource("cityfin-defaults.properties")));
        String options = environment.getRequiredProperty("spring.r2dbc.properties.options");
        ConnectionFactory factory = ConnectionFactories.get(baseOptions()
                .option(Option.valueOf("options"), options)
                // as Spring Boot passes spring.r2dbc.properties.*: strings under the option's name
                .option(Option.valueOf("connectTimeout"), environment.getRequiredProperty("spring.r2dbc.properties.connectTimeout"))
                .build());
        DatabaseClient client = DatabaseClient.create(factory);

        Map<String, Object> settings = client.sql("SELECT current_setting('statement_timeout') AS statement,"
                + " current_setting('lock_timeout') AS lock,"
                + " current_setting('idle_in_transaction_session_timeout') AS idle").fetch().one().block(WAIT);

        assertThat(settings).containsEntry("statement", "8s").containsEntry("lock", "4s").containsEntry("idle", "10s");
    }

    private DatabaseClient client(Map<String, String> sessionOptions) {
        return client(sessionOptions, null, 0);
    }

    /** A DatabaseClient over r2dbc-pool, as the apps have it, with PostgreSQL session options. */
    private DatabaseClient client(Map<String, String> sessionOptions, Option<Integer> override, int value) {
        ConnectionFactoryOptions.Builder options = baseOptions().option(ConnectionFactoryOptions.CONNECT_TIMEOUT, Duration.ofSeconds(2));
        if (!sessionOptions.isEmpty()) {
            options.option(Option.valueOf("options"), sessionOptions);
        }
        if (override != null) {
            options.option(override, value);
        }
        pool = new ConnectionPool(ConnectionPoolConfiguration.builder(ConnectionFactories.get(options.build()))
                .initialSize(0).maxSize(2).maxAcquireTime(Duration.ofSeconds(5)).build());
        return DatabaseClient.create(pool);
    }

    private static ConnectionFactoryOptions.Builder baseOptions() {
        return ConnectionFactoryOptions.parse(database.r2dbcUrl()).mutate()
                .option(ConnectionFactoryOptions.USER, database.user())
                .option(ConnectionFactoryOptions.PASSWORD, database.password());
    }

    private static Throwable failure(Mono<?> call) {
        Throwable[] error = new Throwable[1];
        call.doOnError(e -> error[0] = e).onErrorResume(e -> Mono.empty()).block(WAIT);
        assertThat(error[0]).as("the call failed").isNotNull();
        return error[0];
    }
}
