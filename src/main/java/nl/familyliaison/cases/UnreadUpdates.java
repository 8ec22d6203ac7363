package nl.familyliaison.cases;

import java.util.ArrayList;
import java.util.List;

/**
 * Which members have not read which updates of a case (corrections count with their original; a withdrawn update is
 * nobody's any more).
 */
public final class UnreadUpdates {

    private final MemberRepository members;
    private final UpdateRepository updates;

    public UnreadUpdates(MemberRepository members, UpdateRepository updates) {
        this.members = members;
        this.updates = updates;
    }

    /** An update one member has not read. */
    public record Unread(String caseId, Member member, Update update) {
    }

    public List<Unread> in(Investigation investigation) {
        List<Update> posted = updates.ofCase(investigation.id()).stream()
                .filter(update -> !update.isCorrection() && !update.isWithdrawn()).toList();
        List<Unread> unread = new ArrayList<>();
        for (Member member : members.ofCase(investigation.id())) {
            if (!member.isActive()) {
                continue;
            }
            posted.stream()
                    .filter(update -> update.forAllMembers() || update.memberIds().contains(member.id()))
                    .filter(update -> !update.readBy().containsKey(member.id()))
                    .forEach(update -> unread.add(new Unread(investigation.id(), member, update)));
        }
        return unread;
    }
}
