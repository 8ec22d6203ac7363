package nl.familyliaison;

import io.helidon.config.Config;
import io.helidon.dbclient.DbClient;
import nl.familyliaison.access.SessionService;
import nl.familyliaison.cases.CaseFeature;
import nl.familyliaison.passkeys.PasskeyService;
import nl.familyliaison.passkeys.Passkeys;
import nl.familyliaison.platform.ApiRoutes;
import nl.familyliaison.providers.ProviderService;
import nl.familyliaison.providers.Providers;
import nl.familyliaison.signin.SignInService;
import nl.familyliaison.signin.StaffService;

/**
 * Every way of signing in (the emailed code, password and app, passkeys, DigiD and staff single sign-on), the
 * sessions they all end in, and the staff accounts: the HTTP services, built and routed together.
 */
record SignInWays(SignInService signIn, SessionService sessions, StaffService staff, PasskeyService passkeys,
                  ProviderService providers) {

    static SignInWays create(Config config, DbClient db, Features.Base ground, CaseFeature cases) {
        SessionService sessions = ground.signIn().sessionService();
        return new SignInWays(
                ground.signIn().service(), sessions, ground.signIn().staffService(),
                Passkeys.create(new Passkeys.Parts(config, db, ground.accounts(), sessions, ground.guards(),
                                                   ground.limiter(), ground.audit(), ground.keys(),
                                                   ground.transactions(), ground.clock(),
                                                   Providers.membersNeedDigid(config))),
                Providers.create(config, db, ground.accounts(), sessions, ground.sessions(), ground.keys(),
                                 ground.audit(), ground.guards(), cases, ground.transactions(), ground.clock()));
    }

    void routes(ApiRoutes api) {
        signIn.routes(api);
        sessions.routes(api);
        passkeys.routes(api);
        staff.routes(api);
        providers.routes(api);
    }
}
