package nl.familyliaison.providers;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;

import nl.familyliaison.access.Account;
import nl.familyliaison.platform.Ids;
import nl.familyliaison.platform.KeyRing;
import nl.familyliaison.platform.ProblemException;
import nl.familyliaison.platform.Transactions;

/**
 * A sign-in with a provider from start to return: the pending request (state as a keyed hash, nonce and PKCE
 * verifier sealed, the browser bound by a cookie value's keyed hash), its single use, and the provider's answer.
 * What the answer then means for an account is {@link Identities}' rule.
 */
final class ProviderSignIn {

    static final Duration LIFETIME = Duration.ofMinutes(10);
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Map<Provider, OidcClient> clients;
    private final ProviderRepository requests;
    private final KeyRing keys;
    private final Transactions transactions;
    private final Clock clock;

    ProviderSignIn(Map<Provider, OidcClient> clients, ProviderRepository requests, KeyRing keys,
                   Transactions transactions, Clock clock) {
        this.clients = Map.copyOf(clients);
        this.requests = requests;
        this.keys = keys;
        this.transactions = transactions;
        this.clock = clock;
    }

    /** A started sign-in: where the browser goes, and the value its binding cookie holds. */
    record Started(URI authorizationUrl, String binding) {
    }

    /** A return whose request was found, claimed and answered by the provider. */
    record Returned(ProviderRepository.Request request, OidcClient.Identity identity) {
    }

    boolean offered(Provider provider) {
        return clients.containsKey(provider);
    }

    OidcClient client(Provider provider) {
        OidcClient client = clients.get(provider);
        if (client == null) {
            throw ProblemException.notFound();
        }
        return client;
    }

    /** Starts a sign-in (or, with an account, the linking of that account). */
    Started start(Provider provider, Purpose purpose, String accountId) {
        String state = random();
        String nonce = random();
        String verifier = random() + random();
        String binding = random();
        URI url = client(provider).authorizationUrl(state, nonce, verifier);
        String id = Ids.newId();
        Instant now = clock.instant();
        ProviderRepository.Request sealed = new ProviderRepository.Request(
                id, provider, purpose, keys.mac(bindingValue(binding)),
                keys.seal(nonce.getBytes(StandardCharsets.US_ASCII), context(id, "nonce")),
                keys.seal(verifier.getBytes(StandardCharsets.US_ASCII), context(id, "verifier")),
                accountId, now.plus(LIFETIME), null);
        transactions.inTransaction(tx -> {
            ProviderRepository rows = requests.in(tx);
            rows.deleteExpired(now);
            rows.insert(id, provider, purpose, keys.mac(stateValue(state)).bytes(), sealed, now);
            return null;
        });
        return new Started(url, binding);
    }

    /**
     * Claims the request a returned state belongs to (once), then redeems the code with the provider.
     *
     * @throws Refusal unknown, used or expired state, another browser, or a provider answer that fails a check
     */
    Returned redeem(String code, String state, String binding) {
        ProviderRepository.Request request = transactions.inTransaction(tx -> {
            ProviderRepository rows = requests.in(tx);
            ProviderRepository.Request found = rows.byState(keys.mac(stateValue(state)).bytes())
                    .orElseThrow(() -> Refusal.returned("unknown-state"));
            if (found.usedAt() != null) {
                throw Refusal.returned("replayed-state");
            }
            if (!found.expiresAt().isAfter(clock.instant())) {
                throw Refusal.returned("expired-state");
            }
            if (binding == null || !keys.macMatches(found.binding(), bindingValue(binding))) {
                throw Refusal.returned("other-browser");
            }
            rows.use(found.id(), clock.instant());
            return found;
        });
        String nonce = open(request.nonce(), context(request.id(), "nonce"));
        String verifier = open(request.verifier(), context(request.id(), "verifier"));
        try {
            return new Returned(request, client(request.provider()).redeem(code, verifier, nonce));
        } catch (Refusal refused) {
            throw refused.of(request.provider());
        }
    }

    /** A staff sign-in that waits for the authenticator code: the id the page sends back with it. */
    String awaitSecondFactor(ProviderRepository.Request request, Account account) {
        String pendingId = random();
        requests.awaitSecondFactor(request.id(), keys.mac(pendingValue(pendingId)).bytes(), account.id(),
                                   clock.instant().plus(Duration.ofMinutes(5)));
        return pendingId;
    }

    /**
     * The account waiting for its second factor under {@code pendingId}, claimed once (a wrong code starts over);
     * empty when its five minutes have passed.
     */
    Optional<String> claimPending(String pendingId, String binding) {
        return transactions.inTransaction(tx -> {
            ProviderRepository rows = requests.in(tx);
            ProviderRepository.Pending pending = rows.pending(keys.mac(pendingValue(pendingId)).bytes())
                    .orElseThrow(() -> Refusal.returned("unknown-pending"));
            if (binding == null || !keys.macMatches(pending.binding(), bindingValue(binding))) {
                throw Refusal.returned("other-browser");
            }
            rows.endPending(pending.id());
            return Optional.of(pending.accountId()).filter(any -> pending.expiresAt().isAfter(clock.instant()));
        });
    }

    private String open(KeyRing.Sealed sealed, String context) {
        return new String(keys.open(sealed, context), StandardCharsets.US_ASCII);
    }

    private static String context(String id, String column) {
        return "oidc_request." + column + ":" + id;
    }

    private static String stateValue(String state) {
        return "oidc-state:" + state;
    }

    private static String bindingValue(String binding) {
        return "oidc-binding:" + binding;
    }

    private static String pendingValue(String pendingId) {
        return "oidc-pending:" + pendingId;
    }

    /** 256 random bits, base64url (43 characters: fits state, nonce, and twice over a PKCE verifier). */
    static String random() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
