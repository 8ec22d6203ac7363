package nl.familyliaison.appointments;

import java.net.URI;
import java.util.Locale;

import nl.familyliaison.platform.ProblemException;

/**
 * The free texts of a proposal or appointment: where (address, video link, phone number) and a note from staff.
 * Both can say a lot about a family, so they are stored encrypted.
 */
record Details(String place, String note) {

    static final int MAX_PLACE = 300;
    static final int MAX_NOTE = 2000;

    /** Checks the texts against the mode: a visit needs an address, a video call an https link. */
    static Details checked(InterviewMode mode, String place, String note) {
        if (mode == null) {
            throw ProblemException.invalid("mode", "Choose IN_PERSON, VIDEO or PHONE.");
        }
        String where = Texts.optional("place", place, MAX_PLACE);
        if (mode == InterviewMode.IN_PERSON && where.isEmpty()) {
            throw ProblemException.invalid("place", "Give the address of the interview.");
        }
        if (mode == InterviewMode.VIDEO && !isHttpsLink(where)) {
            throw ProblemException.invalid("place", "Give the https link of the video call.");
        }
        return new Details(where, Texts.optional("note", note, MAX_NOTE));
    }

    private static boolean isHttpsLink(String text) {
        try {
            URI uri = URI.create(text);
            return "https".equals(uri.getScheme() == null ? null : uri.getScheme().toLowerCase(Locale.ROOT))
                   && uri.getHost() != null;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
