package io.cityfin.common.problem;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.dao.QueryTimeoutException;
import org.springframework.http.HttpHeaders;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;
import org.springframework.r2dbc.BadSqlGrammarException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;

import io.r2dbc.pool.ConnectionPool;
import io.r2dbc.pool.ConnectionPoolConfiguration;
import io.r2dbc.spi.Connection;
import io.r2dbc.spi.ConnectionFactory;
import io.r2dbc.spi.ConnectionFactoryMetadata;
import io.r2dbc.spi.R2dbcBadGrammarException;
import io.r2dbc.spi.R2dbcDataIntegrityViolationException;
import io.r2dbc.spi.R2dbcNonTransientException;
import io.r2dbc.spi.R2dbcNonTransientResourceException;
import io.r2dbc.spi.R2dbcRollbackException;
import io.r2dbc.spi.R2dbcTimeoutException;
import io.r2dbc.spi.R2dbcTransientResourceException;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;
import tools.jackson.databind.json.JsonMapper;

/** Errors caused by the database being away are 503 with Retry-After; a bug, even one inside the database, stays 500. */
class DatabaseUnavailableTest {

    static Stream<Arguments> databaseAway() {
        return Stream.of(
                Arguments.of("connection refused (no SQLSTATE: the client's own)",
                        new R2dbcNonTransientResourceException("Cannot connect to localhost/127.0.0.1:5432")),
                Arguments.of("connection closed", new R2dbcNonTransientResourceException("Cannot exchange messages because the connection is closed")),
                Arguments.of("request queue full", new R2dbcTransientResourceException("Cannot exchange messages")),
                Arguments.of("pool acquire timeout", new R2dbcTimeoutException("Connection acquisition timed out after 4000ms", new TimeoutException())),
                Arguments.of("the DatabaseClient's wrapping of a refused connection", new DataAccessResourceFailureException(
                        "Failed to obtain R2DBC Connection", new R2dbcNonTransientResourceException("Connection refused"))),
                Arguments.of("a connection not created in time, no R2DBC exception at all", new DataAccessResourceFailureException(
                        "Failed to obtain R2DBC Connection", new TimeoutException("Did not observe any item within 3000ms"))),
                Arguments.of("the transaction manager's wrapping", new CannotCreateTransactionException(
                        "Could not open R2DBC Connection for transaction", new R2dbcNonTransientResourceException("Connection refused"))),
                Arguments.of("a commit on a closed connection", new TransactionSystemException("Could not commit R2DBC transaction",
                        new R2dbcNonTransientResourceException("Cannot exchange messages because the connection is closed"))),
                Arguments.of("57014 statement timeout", serverError("canceling statement due to statement timeout", "57014")),
                Arguments.of("55P03 lock timeout", serverError("canceling statement due to lock timeout", "55P03")),
                Arguments.of("57P01 admin shutdown", serverError("terminating connection due to administrator command", "57P01")),
                Arguments.of("57P03 starting up", serverError("the database system is starting up", "57P03")),
                Arguments.of("08006 connection failure", serverError("connection failure", "08006")),
                Arguments.of("53300 too many connections", serverError("sorry, too many clients already", "53300")),
                Arguments.of("40P01 deadlock (rolled back)", new R2dbcRollbackException("deadlock detected", "40P01")),
                Arguments.of("Spring's timeout over the driver's", new QueryTimeoutException("timeout", serverError("statement timeout", "57014"))));
    }

    static Stream<Arguments> bugs() {
        return Stream.of(
                Arguments.of("a plain bug", new IllegalStateException("boom")),
                Arguments.of("a null", new NullPointerException()),
                Arguments.of("bad SQL", new BadSqlGrammarException("select", "select nope", new R2dbcBadGrammarException("relation does not exist", "42P01"))),
                Arguments.of("a unique violation", new DuplicateKeyException("dup", new R2dbcDataIntegrityViolationException("duplicate key", "23505"))),
                // r2dbc-postgresql files any SQLSTATE it does not know as a "non-transient resource" exception
                Arguments.of("a trigger's RAISE", new DataAccessResourceFailureException("raise",
                        new R2dbcNonTransientResourceException("no such period", "P0001"))),
                Arguments.of("an internal error", new R2dbcNonTransientResourceException("internal error", "XX000")),
                Arguments.of("a numeric overflow", new R2dbcNonTransientException("numeric field overflow", "22003") {
                }),
                Arguments.of("an optimistic-locking conflict", new OptimisticLockingFailureException("version 3 is stale")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databaseAway")
    void answers503WhenTheDatabaseIsAway(String what, Throwable error) {
        Problem problem = ProblemMapper.toProblem(error);

        assertThat(DatabaseUnavailable.isCause(error)).isTrue();
        assertThat(problem.status()).isEqualTo(503);
        assertThat(problem.errors()).extracting(FieldError::code).containsExactly(DatabaseUnavailable.CODE);
        assertThat(ProblemMapper.isUnexpected(error)).as("not logged as a bug with its stack trace").isFalse();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("bugs")
    void keepsABugA500(String what, Throwable error) {
        assertThat(DatabaseUnavailable.isCause(error)).isFalse();
        assertThat(ProblemMapper.toProblem(error).status()).isEqualTo(500);
        assertThat(ProblemMapper.isUnexpected(error)).isTrue();
    }

    @Test
    void classifiesThePoolsOwnAcquireTimeout() {
        ConnectionPool pool = new ConnectionPool(ConnectionPoolConfiguration.builder(new NeverConnecting())
                .initialSize(0).maxAcquireTime(Duration.ofMillis(100)).acquireRetry(0).build());

        StepVerifier.create(pool.create())
                .expectErrorSatisfies(error -> assertThat(ProblemMapper.toProblem(error).status()).isEqualTo(503))
                .verify(Duration.ofSeconds(10));
        pool.dispose();
    }

    @Test
    void writesA503ProblemWithRetryAfter() {
        MockServerWebExchange exchange = MockServerWebExchange.from(MockServerHttpRequest.put("/reports/B1/2022-09"));

        handler().handle(exchange, new CannotCreateTransactionException("Could not open R2DBC Connection for transaction",
                new R2dbcNonTransientResourceException("Connection refused"))).block(Duration.ofSeconds(5));

        assertThat(exchange.getResponse().getStatusCode().value()).isEqualTo(503);
        assertThat(exchange.getResponse().getHeaders().getFirst(HttpHeaders.RETRY_AFTER))
                .isEqualTo(Integer.toString(DatabaseUnavailable.RETRY_AFTER_SECONDS));
        assertThat(exchange.getResponse().getHeaders().getFirst(HttpHeaders.CONTENT_TYPE)).isEqualTo(Problem.MEDIA_TYPE);
        assertThat(exchange.getResponse().getBodyAsString().block(Duration.ofSeconds(5)))
                .contains("\"status\":503", "\"code\":\"DATABASE_UNAVAILABLE\"").doesNotContain("Connection refused");
    }

    @Test
    void givesEvery503RetryAfterButNoOtherStatus() {
        MockServerWebExchange unavailable = MockServerWebExchange.from(MockServerHttpRequest.get("/fallback/credit-service"));
        MockServerWebExchange bug = MockServerWebExchange.from(MockServerHttpRequest.get("/reports"));

        handler().handle(unavailable, new ProblemException(503, "Service unavailable", "credit-service is unavailable.",
                java.util.List.of())).block(Duration.ofSeconds(5));
        handler().handle(bug, new IllegalStateException("boom")).block(Duration.ofSeconds(5));

        assertThat(unavailable.getResponse().getHeaders().getFirst(HttpHeaders.RETRY_AFTER)).isNotBlank();
        assertThat(bug.getResponse().getStatusCode().value()).isEqualTo(500);
        assertThat(bug.getResponse().getHeaders().containsHeader(HttpHeaders.RETRY_AFTER)).isFalse();
    }

    private static ProblemWebExceptionHandler handler() {
        return new ProblemWebExceptionHandler(JsonMapper.builder().build(), status -> {
        });
    }

    private static R2dbcNonTransientResourceException serverError(String message, String sqlState) {
        // what r2dbc-postgresql makes of an ErrorResponse whose SQLSTATE class it does not know
        return new R2dbcNonTransientResourceException(message, sqlState);
    }

    /** A database whose connections never come: what a blackholed network looks like to the pool. */
    private static final class NeverConnecting implements ConnectionFactory {

        @Override
        public Mono<Connection> create() {
            return Mono.never();
        }

        @Override
        public ConnectionFactoryMetadata getMetadata() {
            return () -> "never";
        }
    }
}
