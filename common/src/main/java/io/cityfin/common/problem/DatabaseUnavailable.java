package io.cityfin.common.problem;

import java.util.List;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.transaction.CannotCreateTransactionException;

import io.r2dbc.spi.R2dbcException;
import io.r2dbc.spi.R2dbcNonTransientResourceException;
import io.r2dbc.spi.R2dbcTimeoutException;
import io.r2dbc.spi.R2dbcTransientResourceException;

/**
 * Tells an error caused by the database being away or overloaded from a bug, so that a caller is told to try again
 * (503 with {@code Retry-After}, code {@value #CODE}) instead of getting a 500 (architecture.md, "Errors": PostgreSQL
 * away is 503). Retrying is safe: writes are idempotent (a report PUT with the same content answers 200, a POST
 * repeats its Idempotency-Key), which matters when a commit went through but its answer was lost with the connection.
 * <p>
 * The innermost R2DBC exception of the cause chain decides, since Spring wraps it in several ways (a
 * {@code DataAccessResourceFailureException} from the {@code DatabaseClient}, a {@code CannotCreateTransactionException}
 * from the transaction manager). One with a SQLSTATE is the server's answer and counts by that state only:
 * r2dbc-postgresql files every state it does not know (a trigger's {@code RAISE}, an internal error) as a
 * "non-transient resource" exception, which must stay a 500. One without a SQLSTATE is the client's own: the
 * connection refused or closed, the pool's acquire timeout. With no R2DBC exception in the chain, Spring's resource
 * failure and transient families count (a connection that could not be created in time), except an optimistic-locking
 * failure, which is a conflict, not an outage.
 */
public final class DatabaseUnavailable {

    /** The stable code of the problem's one error. */
    public static final String CODE = "DATABASE_UNAVAILABLE";

    /** What {@code Retry-After} says: a few seconds, about what a restart or a fail-over of PostgreSQL takes. */
    public static final int RETRY_AFTER_SECONDS = 5;

    /**
     * SQLSTATEs that mean "not now": 57014 statement timeout, 55P03 lock timeout, 57P01-57P03 shut down or not yet
     * accepting connections, 53300 too many connections, 40001 / 40P01 a transaction rolled back by a serialization
     * failure or a deadlock (retrying it is PostgreSQL's own advice); the class 08 (connection exceptions) below.
     */
    private static final Set<String> UNAVAILABLE_STATES = Set.of("57014", "55P03", "57P01", "57P02", "57P03", "53300",
            "40001", "40P01");

    private static final Problem PROBLEM = new Problem(503, "Service unavailable",
            "The database is unavailable or too busy. Try again in " + RETRY_AFTER_SECONDS + " s; repeating the request is safe.",
            List.of(FieldError.atPointer("", CODE, "The database is unavailable; try again shortly.")));

    private DatabaseUnavailable() {
    }

    /** Whether {@code error} means the database is away or overloaded rather than a bug. */
    public static boolean isCause(Throwable error) {
        R2dbcException r2dbc = innermost(error, R2dbcException.class);
        if (r2dbc != null) {
            String state = r2dbc.getSqlState();
            if (state != null && !state.isBlank()) {
                return state.startsWith("08") || UNAVAILABLE_STATES.contains(state);
            }
            return r2dbc instanceof R2dbcNonTransientResourceException || r2dbc instanceof R2dbcTransientResourceException
                    || r2dbc instanceof R2dbcTimeoutException;
        }
        if (innermost(error, OptimisticLockingFailureException.class) != null) {
            return false;
        }
        return innermost(error, DataAccessResourceFailureException.class) != null
                || innermost(error, TransientDataAccessException.class) != null
                || innermost(error, CannotCreateTransactionException.class) != null;
    }

    /** The answer: 503, one error with {@value #CODE}; the handler adds {@code Retry-After}. */
    public static Problem problem() {
        return PROBLEM;
    }

    /** The innermost cause's class and message, for one log line instead of a stack trace per request. */
    static String rootCause(Throwable error) {
        Throwable root = error;
        for (Throwable t = error; t != null; t = t.getCause() == t ? null : t.getCause()) {
            root = t;
        }
        return root.getClass().getName() + ": " + root.getMessage();
    }

    private static <T extends Throwable> @Nullable T innermost(Throwable error, Class<T> type) {
        T found = null;
        int depth = 0;
        for (Throwable t = error; t != null && depth < 32; t = t.getCause() == t ? null : t.getCause(), depth++) {
            if (type.isInstance(t)) {
                found = type.cast(t);
            }
        }
        return found;
    }
}
