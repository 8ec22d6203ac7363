package nl.familyliaison.platform;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Walks a failure's chain of causes. Drivers and libraries wrap the failure that matters (a deadlock, a refused
 * address, a lost connection) several layers deep; a chain that loops back on itself is walked once.
 */
public final class Causes {

    private Causes() {
    }

    /** Whether the failure itself or anything that caused it passes the test. */
    public static boolean any(Throwable failure, Predicate<Throwable> test) {
        return chain(failure).stream().anyMatch(test);
    }

    /** The first failure of the chain: the one nothing else caused. */
    public static Throwable root(Throwable failure) {
        List<Throwable> chain = chain(failure);
        return chain.get(chain.size() - 1);
    }

    private static List<Throwable> chain(Throwable failure) {
        Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        List<Throwable> chain = new ArrayList<>();
        for (Throwable cause = failure; cause != null && seen.add(cause); cause = cause.getCause()) {
            chain.add(cause);
        }
        return chain;
    }
}
