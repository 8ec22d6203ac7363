package nl.familyliaison.platform;

import java.net.ConnectException;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientConnectionException;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Collectors;

import io.helidon.dbclient.DbClientException;
import io.helidon.http.HeaderNames;
import io.helidon.http.HttpException;
import io.helidon.http.Method;
import io.helidon.http.NotFoundException;
import io.helidon.http.Status;
import io.helidon.webserver.http.ErrorHandler;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;

/**
 * The one place where a failure becomes an answer: every exception that leaves a handler ends here as an RFC 9457
 * problem+json body. Unexpected failures are logged with the request id (their messages scrubbed of addresses and
 * SQL values, see {@link Scrub}); their answer says nothing of internals.
 */
public final class ErrorMapping implements ErrorHandler<Throwable> {

    private static final Logger LOG = Logger.getLogger(ErrorMapping.class.getName());

    private final ApiRoutes routes;
    private final RequestLog requestLog;

    public ErrorMapping(ApiRoutes routes, RequestLog requestLog) {
        this.routes = routes;
        this.requestLog = requestLog;
    }

    @Override
    public void handle(ServerRequest request, ServerResponse response, Throwable failure) {
        RequestId id = RequestId.of(request);
        if (failure instanceof HttpException http && http.status().code() == Status.NOT_MODIFIED_304.code()) {
            // The static content's answer to a browser revalidating a cached web file (If-None-Match): no problem.
            response.status(Status.NOT_MODIFIED_304);
            response.header(RequestId.HEADER, id.value());
            response.send();
            return;
        }
        ProblemException problem = toProblem(request, failure, id);
        response.status(Status.create(problem.type().status()));
        response.header(RequestId.HEADER, id.value());
        problem.headers().forEach(response::header);
        if (request instanceof io.helidon.webserver.http.RoutingRequest routed) {
            SecurityHeaders.apply(response.headers(), requestLog.overTls(routed), true);
        } else {
            SecurityHeaders.apply(response.headers(), false, true);
        }
        response.headers().set(HeaderNames.CONTENT_TYPE, Problem.MEDIA_TYPE);
        response.send(Json.write(Problem.of(problem.type(), problem.getMessage(), id.value(), problem.errors())));
    }

    private ProblemException toProblem(ServerRequest request, Throwable failure, RequestId id) {
        if (failure instanceof ProblemException problem) {
            return problem;
        }
        if (failure instanceof NotFoundException) {
            return notRouted(request.path().path());
        }
        if (failure instanceof HttpException http && http.status().code() < 500) {
            ProblemType type = ProblemType.forStatus(http.status().code());
            return new ProblemException(type, type.title());
        }
        if (isDatabaseUnreachable(failure)) {
            LOG.log(Level.WARNING, "request=" + id.value() + " database unreachable: " + rootMessage(failure));
            return new ProblemException(ProblemType.SERVICE_UNAVAILABLE, ProblemType.SERVICE_UNAVAILABLE.title(),
                                        List.of(), Map.of("Retry-After", "5"));
        }
        if (isDuplicate(failure)) {
            // Two requests made the same thing at once (two links of one DigiD, one passkey added twice): the one
            // that lost its unique key wrote nothing, and hears so as a conflict, as its own check would have said.
            LOG.log(Level.WARNING, "request=" + id.value() + " lost a unique key", Scrub.throwable(failure));
            return new ProblemException(ProblemType.CONFLICT,
                                        "This was just done at the same time. Reload the page to see how it is now.");
        }
        LOG.log(Level.SEVERE, "request=" + id.value() + " failed", Scrub.throwable(failure));
        return new ProblemException(ProblemType.INTERNAL_ERROR,
                                    "Something went wrong on our side. If it keeps happening, mention code "
                                    + id.value() + ".");
    }

    private ProblemException notRouted(String path) {
        List<Method> allowed = routes.methodsFor(path);
        if (allowed.isEmpty()) {
            return ProblemException.notFound();
        }
        String allow = allowed.stream().map(Method::text).collect(Collectors.joining(", "));
        return new ProblemException(ProblemType.METHOD_NOT_ALLOWED, "This address does not take this action.",
                                    List.of(), Map.of("Allow", allow));
    }

    static boolean isDatabaseUnreachable(Throwable failure) {
        // SQLState class 08 is "connection exception": the pool's "Connection is closed" arrives as a plain
        // SQLException with 08003 when the database went away in the middle of a transaction.
        boolean lostConnection = Causes.any(failure, cause -> cause instanceof Database.DatabaseUnavailableException
                || cause instanceof SQLTransientConnectionException
                || cause instanceof SQLNonTransientConnectionException
                || cause instanceof SQLRecoverableException
                || cause instanceof ConnectException
                || cause instanceof SQLException sql && String.valueOf(sql.getSQLState()).startsWith("08"));
        return lostConnection || failure instanceof DbClientException && failure.getCause() == null
               && String.valueOf(failure.getMessage()).contains("connection");
    }

    /** MariaDB's "duplicate entry" (error 1062) from a unique key. */
    static boolean isDuplicate(Throwable failure) {
        return Causes.any(failure, cause -> cause instanceof SQLException sql && sql.getErrorCode() == 1062);
    }

    private static String rootMessage(Throwable failure) {
        return Causes.root(failure).getClass().getSimpleName();
    }
}
