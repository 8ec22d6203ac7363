package nl.familyliaison.providers;

import java.util.Arrays;

import nl.familyliaison.platform.ProblemException;

/** The two sign-in providers: DigiD (through a broker) for members, the Inspectorate's own for staff. */
public enum Provider {
    DIGID("digid", "members", "sign-in.digid"),
    STAFF("staff", "staff", "sign-in.staff-sso");

    private final String id;
    private final String settings;
    private final String action;

    Provider(String id, String settings, String action) {
        this.id = id;
        this.settings = settings;
        this.action = action;
    }

    /** As in addresses and rows: {@code digid}, {@code staff}. */
    public String id() {
        return id;
    }

    /** The settings under {@code oidc.}. */
    String settings() {
        return settings;
    }

    /** The audit action (and session method) of a sign-in with this provider. */
    public String action() {
        return action;
    }

    /** The provider an address names; not found for anything else. */
    static Provider of(String id) {
        return Arrays.stream(values()).filter(provider -> provider.id.equals(id)).findFirst()
                .orElseThrow(ProblemException::notFound);
    }
}
