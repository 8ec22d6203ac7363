package nl.familyliaison.providers;

import java.net.URI;
import java.time.Clock;
import java.util.EnumMap;
import java.util.Map;

import io.helidon.config.Config;
import io.helidon.dbclient.DbClient;
import nl.familyliaison.access.AccessAudit;
import nl.familyliaison.access.AccountCredentials;
import nl.familyliaison.access.AccountRepository;
import nl.familyliaison.access.Guards;
import nl.familyliaison.access.SessionService;
import nl.familyliaison.access.Sessions;
import nl.familyliaison.cases.CaseFeature;
import nl.familyliaison.platform.KeyRing;
import nl.familyliaison.platform.PublicUrl;
import nl.familyliaison.platform.Transactions;
import nl.familyliaison.signin.TotpCheck;

/**
 * Sign-in providers (OpenID Connect): DigiD through a broker for members ({@code oidc.members.*}), the Inspectorate's
 * identity provider for staff ({@code oidc.staff.*}). A provider without an issuer is not offered. Nothing is fetched
 * from a provider at start-up: its metadata is read when it is first needed.
 */
public final class Providers {

    private Providers() {
    }

    /** Whether members must sign in with DigiD (it is offered and required): the emailed code then only links. */
    public static boolean membersNeedDigid(Config config) {
        return ProviderSettings.of(Provider.DIGID, config.get("oidc")).requiredForMembers();
    }

    /** What an account holds here, forgotten at a staff reset or a removal: its linked identities. */
    public static AccountCredentials credentials(DbClient db) {
        ProviderRepository rows = new ProviderRepository(db);
        return (tx, accountId) -> rows.in(tx).forget(accountId);
    }

    public static ProviderService create(Config config, DbClient db, AccountRepository accounts,
                                         SessionService sessionService, Sessions sessions, KeyRing keys,
                                         AccessAudit audit, Guards guards, CaseFeature cases,
                                         Transactions transactions, Clock clock) {
        String publicUrl = PublicUrl.of(config);
        URI redirect = URI.create(publicUrl + ProviderService.RETURN_PATH);
        Map<Provider, OidcClient> clients = new EnumMap<>(Provider.class);
        for (Provider provider : Provider.values()) {
            ProviderSettings settings = ProviderSettings.of(provider, config.get("oidc"));
            if (settings.offered()) {
                clients.put(provider, new OidcClient(settings, redirect));
            }
        }
        ProviderRepository rows = new ProviderRepository(db);
        return new ProviderService(new ProviderSignIn(clients, rows, keys, transactions, clock),
                                   new Identities(rows, accounts, keys, transactions, clock), sessionService,
                                   sessions, accounts, new TotpCheck(accounts, keys, clock), guards, audit, publicUrl,
                                   new MemberLinkService(cases.access(), cases.members(), rows, sessions, transactions,
                                                         guards));
    }
}
