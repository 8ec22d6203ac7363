package nl.familyliaison.cases;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.helidon.config.Config;
import nl.familyliaison.access.Authorization;
import nl.familyliaison.platform.Language;
import nl.familyliaison.platform.Languages;
import nl.familyliaison.platform.Texts;

/**
 * "Who does what": the case's family inspector and investigators with what each does, and the support organisations
 * the service is configured to point families to.
 */
public final class Contacts {

    private final CaseRepository cases;
    private final List<Organisation> organisations;
    private final CoverRepository covers;
    private final MemberRepository members;

    public Contacts(CaseRepository cases, List<Organisation> organisations, CoverRepository covers,
                    MemberRepository members) {
        this.cases = cases;
        this.organisations = List.copyOf(organisations);
        this.covers = covers;
        this.members = members;
    }

    /**
     * A support organisation (from {@code contacts.support-organisations}): what it does per language code
     * ({@code what-they-do-<code>}); a language without its own text gets the default language's.
     */
    public record Organisation(String name, String phone, String url, Map<String, String> whatTheyDo,
                               String standard) {
        String whatTheyDo(Language language) {
            return whatTheyDo.getOrDefault(language.code(), whatTheyDo.getOrDefault(standard, ""));
        }
    }

    /** A person on the case. */
    public record Person(String name, String role, String whatTheyDo, String email) {
    }

    /** An organisation in one language. */
    public record Support(String name, String phone, String url, String whatTheyDo) {
    }

    /** Who stands in for an absent family inspector, until (and including) when. */
    public record Replacement(String absent, String substitute, String substituteEmail, LocalDate until) {
    }

    /** A representative of a member: their name, relation and what they may do (FULL or MESSAGES_AND_INTERVIEWS). */
    public record Representative(String name, Relation relation, Authorization.RepresentationScope scope) {
    }

    /**
     * @param replacements   family inspectors away today and who stands in for them
     * @param representedBy  for a member: who represents them
     * @param represents     for a representative: the name of the member they represent (absent otherwise)
     */
    public record Sheet(List<Person> people, List<Support> organisations, List<Replacement> replacements,
                        List<Representative> representedBy, String represents) {
    }

    public static List<Organisation> from(Config list, Languages languages) {
        List<Organisation> found = new ArrayList<>();
        for (Config item : list.asNodeList().orElse(List.of())) {
            Map<String, String> whatTheyDo = new HashMap<>();
            languages.listed().forEach(language -> item.get("what-they-do-" + language.code()).asString()
                    .ifPresent(text -> whatTheyDo.put(language.code(), text)));
            found.add(new Organisation(item.get("name").asString().orElse(""), item.get("phone").asString().orElse(""),
                                       item.get("url").asString().orElse(""), Map.copyOf(whatTheyDo),
                                       languages.standard().code()));
        }
        return found;
    }

    /** The sheet for someone standing to the case as {@code role} (a member sees who represents them). */
    public Sheet of(String caseId, CaseRole role, LocalDate today, Texts texts) {
        Sheet sheet = of(caseId, texts);
        List<Replacement> replacements = covers.ofCase(caseId, today).stream()
                .map(cover -> new Replacement(cover.absentName(), cover.substituteName(), cover.substituteEmail(),
                                              cover.until()))
                .toList();
        if (role.memberId().isEmpty()) {
            return new Sheet(sheet.people(), sheet.organisations(), replacements, List.of(), null);
        }
        String self = role.memberId().get();
        List<Member> all = members.ofCase(caseId).stream().filter(Member::isActive).toList();
        List<Representative> representedBy = all.stream().filter(member -> self.equals(member.representsMemberId()))
                .map(member -> new Representative(member.displayName(), member.relation(), member.representScope()))
                .toList();
        String represents = role.representing().flatMap(represented -> all.stream()
                .filter(member -> member.id().equals(represented.memberId())).findFirst())
                .map(Member::displayName).orElse(null);
        return new Sheet(sheet.people(), sheet.organisations(), replacements, representedBy, represents);
    }

    private Sheet of(String caseId, Texts texts) {
        List<Person> people = cases.staff(caseId).stream()
                .map(staff -> new Person(staff.displayName(), staff.role(), role(staff.role(), texts), staff.email()))
                .toList();
        List<Support> support = organisations.stream()
                .map(org -> new Support(org.name(), org.phone(), org.url(), org.whatTheyDo(texts.language())))
                .toList();
        return new Sheet(people, support, List.of(), List.of(), null);
    }

    private static String role(String role, Texts texts) {
        return texts.get("FAMILY_INSPECTOR".equals(role) ? "contacts.familyInspector" : "contacts.investigator");
    }
}
