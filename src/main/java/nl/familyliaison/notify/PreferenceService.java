package nl.familyliaison.notify;

import java.time.Clock;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;

import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import nl.familyliaison.access.AccountRepository;
import nl.familyliaison.access.Actor;
import nl.familyliaison.access.Authentication;
import nl.familyliaison.access.Guards;
import nl.familyliaison.platform.ApiRoutes;
import nl.familyliaison.platform.Json;
import nl.familyliaison.platform.Language;
import nl.familyliaison.platform.ProblemException;

/** {@code /api/preferences}: the signed-in person's language and mail choices. */
public final class PreferenceService {

    private final PreferenceRepository preferences;
    private final AccountRepository accounts;
    private final Guards guards;
    private final Clock clock;

    PreferenceService(PreferenceRepository preferences, AccountRepository accounts, Guards guards,
                             Clock clock) {
        this.preferences = preferences;
        this.accounts = accounts;
        this.guards = guards;
        this.clock = clock;
    }

    public void routes(ApiRoutes routes) {
        routes.get("/api/preferences", guards.signedIn(), this::show)
                .put("/api/preferences", guards.signedIn(), this::change);
    }

    record QuietHours(String start, String end) {
    }

    record PreferenceView(String language, boolean mailEnabled, Preferences.DetailLevel detailLevel,
                          QuietHours quietHours) {
    }

    record PreferenceChange(String language, Boolean mailEnabled, Preferences.DetailLevel detailLevel,
                            QuietHours quietHours) {
    }

    private void show(ServerRequest request, ServerResponse response) {
        Actor actor = Authentication.actor(request);
        response.send(view(actor.accountId()));
    }

    /** The account's preferences as GET /api/preferences shows them. */
    public Object preferencesOf(String accountId) {
        return view(accountId);
    }

    private void change(ServerRequest request, ServerResponse response) {
        Actor actor = Authentication.actor(request);
        PreferenceChange body = Json.read(request, PreferenceChange.class);
        if (body.mailEnabled() == null) {
            throw ProblemException.invalid("mailEnabled", "Say whether you want mail (true or false).");
        }
        // Required here: a missing language is refused like an unknown one, not taken as the default.
        Language language = Language.given(request, "language", String.valueOf(body.language()));
        if (body.detailLevel() == null) {
            throw ProblemException.invalid("detailLevel", "Choose EVERYTHING, MILESTONES or APPOINTMENTS.");
        }
        if (body.quietHours() == null) {
            throw ProblemException.invalid("quietHours", "Give a start and an end, such as 22:00 and 07:00.");
        }
        Preferences chosen = new Preferences(body.mailEnabled(), body.detailLevel(),
                                             time(body.quietHours().start(), "quietHours.start"),
                                             time(body.quietHours().end(), "quietHours.end"));
        preferences.save(actor.accountId(), chosen, clock.instant());
        accounts.updateLanguage(actor.accountId(), language, clock.instant());
        response.send(view(actor.accountId()));
    }

    private PreferenceView view(String accountId) {
        Preferences current = preferences.of(accountId).orElse(Preferences.DEFAULT);
        String language = accounts.byId(accountId).map(account -> account.language().code()).orElseThrow();
        return new PreferenceView(language, current.mailEnabled(), current.detailLevel(),
                                  new QuietHours(current.quietStart().toString(), current.quietEnd().toString()));
    }

    private static LocalTime time(String text, String field) {
        if (text == null || !text.matches("[0-2][0-9]:[0-5][0-9]")) {
            throw ProblemException.invalid(field, "Use hours and minutes, such as 22:00.");
        }
        try {
            return LocalTime.parse(text);
        } catch (DateTimeParseException e) {
            throw ProblemException.invalid(field, "Use hours and minutes, such as 22:00.");
        }
    }
}
