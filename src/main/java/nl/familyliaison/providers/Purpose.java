package nl.familyliaison.providers;

import java.util.Arrays;

import nl.familyliaison.platform.ProblemException;

/** Why a provider is asked: to sign in, or (a signed-in member) to link DigiD to the account. */
enum Purpose {
    SIGN_IN("sign-in"),
    LINK("link");

    private final String id;

    Purpose(String id) {
        this.id = id;
    }

    String id() {
        return id;
    }

    static Purpose of(String id) {
        return Arrays.stream(values()).filter(purpose -> purpose.id.equals(id)).findFirst()
                .orElseThrow(() -> ProblemException.invalid("purpose", "Choose sign-in or link."));
    }
}
