package nl.familyliaison.cases;

/**
 * One standard phase of an investigation, in one language: what happens, how long it usually takes and what the
 * family can do.
 */
public record Phase(String code, int position, String language, String title, String whatHappens,
                    String usualDuration, String whatYouCanDo) {
}
