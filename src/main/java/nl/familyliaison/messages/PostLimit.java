package nl.familyliaison.messages;

import io.helidon.dbclient.DbExecute;
import nl.familyliaison.cases.CaseAccess.CaseContext;
import nl.familyliaison.ratelimit.RateLimitPolicy;
import nl.familyliaison.ratelimit.RateLimiter;

/** How many threads and messages one account may write: a token per write, taken in the write's transaction. */
record PostLimit(RateLimiter limiter, RateLimitPolicy policy) {

    /** @throws nl.familyliaison.platform.ProblemException 429 with Retry-After when the author has none left */
    void take(DbExecute tx, CaseContext context) {
        limiter.consume(tx, policy, context.actor().accountId());
    }
}
