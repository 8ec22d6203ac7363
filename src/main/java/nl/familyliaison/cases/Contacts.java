package nl.familyliaison.cases;

import java.util.ArrayList;
import java.util.List;

import io.helidon.config.Config;
import nl.familyliaison.platform.Language;

/**
 * "Who does what": the case's family inspector and investigators with what each does, and the support organisations
 * the service is configured to point families to.
 */
public final class Contacts {

    private final CaseRepository cases;
    private final List<Organisation> organisations;

    public Contacts(CaseRepository cases, List<Organisation> organisations) {
        this.cases = cases;
        this.organisations = List.copyOf(organisations);
    }

    /** A support organisation (from {@code contacts.support-organisations}). */
    public record Organisation(String name, String phone, String url, String whatTheyDoNl, String whatTheyDoEn) {
    }

    /** A person on the case. */
    public record Person(String name, String role, String whatTheyDo, String email) {
    }

    /** An organisation in one language. */
    public record Support(String name, String phone, String url, String whatTheyDo) {
    }

    public record Sheet(List<Person> people, List<Support> organisations) {
    }

    public static List<Organisation> from(Config list) {
        List<Organisation> found = new ArrayList<>();
        for (Config item : list.asNodeList().orElse(List.of())) {
            found.add(new Organisation(item.get("name").asString().orElse(""), item.get("phone").asString().orElse(""),
                                       item.get("url").asString().orElse(""),
                                       item.get("what-they-do-nl").asString().orElse(""),
                                       item.get("what-they-do-en").asString().orElse("")));
        }
        return found;
    }

    public Sheet of(String caseId, Language language) {
        boolean dutch = language == Language.NL;
        List<Person> people = cases.staff(caseId).stream()
                .map(staff -> new Person(staff.displayName(), staff.role(), role(staff.role(), dutch), staff.email()))
                .toList();
        List<Support> support = organisations.stream()
                .map(org -> new Support(org.name(), org.phone(), org.url(),
                                        dutch ? org.whatTheyDoNl() : org.whatTheyDoEn()))
                .toList();
        return new Sheet(people, support);
    }

    private static String role(String role, boolean dutch) {
        if ("FAMILY_INSPECTOR".equals(role)) {
            return dutch ? "Uw vaste contactpersoon. Vertelt u wat er gebeurt en beantwoordt uw vragen."
                         : "Your contact person. Tells you what is happening and answers your questions.";
        }
        return dutch ? "Doet het onderzoek. Kan u uitnodigen voor een gesprek."
                     : "Carries out the investigation. May invite you for an interview.";
    }
}
