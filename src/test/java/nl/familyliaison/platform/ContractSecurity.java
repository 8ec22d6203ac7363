package nl.familyliaison.platform;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import io.swagger.v3.oas.models.security.SecurityScheme;
import nl.familyliaison.access.CrossSiteGuard;
import nl.familyliaison.access.SessionCookie;
import nl.familyliaison.platform.ContractOperations.Op;

/**
 * What each route's operation in openapi.yaml must declare as its {@code security}, worked out from the route's real
 * guards rather than from a list: a route that is not {@link ApiRoutes#PUBLIC} needs the session cookie; a request
 * the {@link CrossSiteGuard} checks (every state-changing API request, signed in or not) needs the CSRF header; a
 * route that needs neither declares {@code security: []}. Every operation says so itself (no top-level default).
 * A public route may name an OpenID Connect provider's scheme in each alternative, beside what it needs (the route
 * that takes that provider's answer); a guarded route never does.
 */
final class ContractSecurity {

    private ContractSecurity() {
    }

    /** Every way the declared security of these routes strays from their guards; empty when all of it fits. */
    static List<String> mismatches(List<ApiRoutes.Route> routes, ContractOperations contract) {
        List<String> wrong = new ArrayList<>();
        Optional<String> cookie = scheme(contract, SecurityScheme.In.COOKIE, SessionCookie.NAME);
        Optional<String> header = scheme(contract, SecurityScheme.In.HEADER, CrossSiteGuard.CSRF_HEADER.defaultCase());
        if (cookie.isEmpty() || header.isEmpty()) {
            return List.of("openapi.yaml must declare an apiKey scheme in cookie " + SessionCookie.NAME
                           + " and one in header " + CrossSiteGuard.CSRF_HEADER.defaultCase());
        }
        Set<String> providers = contract.schemes().entrySet().stream()
                .filter(scheme -> scheme.getValue().getType() == SecurityScheme.Type.OPENIDCONNECT)
                .map(Map.Entry::getKey)
                .collect(Collectors.toSet());
        for (ApiRoutes.Route route : routes) {
            Optional<Op> op = contract.operations().stream()
                    .filter(each -> each.method().equals(route.method().text()) && each.path().equals(route.path()))
                    .findFirst();
            if (op.isEmpty()) {
                wrong.add(route + ": not in openapi.yaml");
                continue;
            }
            boolean guarded = route.access() != ApiRoutes.PUBLIC;
            Set<String> needs = new LinkedHashSet<>();
            if (guarded) {
                needs.add(cookie.get());
            }
            if (CrossSiteGuard.guards(route.method(), route.path())) {
                needs.add(header.get());
            }
            List<Set<String>> declared = op.get().security();
            if (!fits(declared, needs, guarded ? Set.of() : providers)) {
                wrong.add(route + " (" + route.access().describe() + ") declares "
                          + (declared == null ? "no security" : "security: " + yaml(declared)) + ", needs security: "
                          + yaml(needs.isEmpty() ? List.of() : List.of(needs)));
            }
        }
        return wrong;
    }

    private static boolean fits(List<Set<String>> declared, Set<String> needs, Set<String> providers) {
        if (declared == null) {
            return false;
        }
        boolean namesProvider = declared.stream().anyMatch(each -> !Collections.disjoint(each, providers));
        if (!namesProvider) {
            return declared.equals(needs.isEmpty() ? List.of() : List.of(needs));
        }
        return declared.stream().allMatch(each -> each.stream().filter(providers::contains).count() == 1
                                                  && each.size() == needs.size() + 1 && each.containsAll(needs));
    }

    /** A security requirement as openapi.yaml writes it: {@code [{sessionCookie: [], csrfHeader: []}]}. */
    private static String yaml(List<Set<String>> requirement) {
        return requirement.stream()
                .map(each -> each.stream().map(name -> name + ": []").collect(Collectors.joining(", ", "{", "}")))
                .collect(Collectors.joining(", ", "[", "]"));
    }

    /** The name of the apiKey scheme for this cookie or header. */
    private static Optional<String> scheme(ContractOperations contract, SecurityScheme.In in, String name) {
        return contract.schemes().entrySet().stream()
                .filter(scheme -> scheme.getValue().getType() == SecurityScheme.Type.APIKEY
                                  && scheme.getValue().getIn() == in
                                  && name.equalsIgnoreCase(scheme.getValue().getName()))
                .map(Map.Entry::getKey)
                .findFirst();
    }
}
