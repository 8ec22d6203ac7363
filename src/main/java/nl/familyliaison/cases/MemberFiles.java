package nl.familyliaison.cases;

import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import nl.familyliaison.access.Authorization;
import nl.familyliaison.access.Authorization.Item;
import nl.familyliaison.access.Authorization.ItemKind;
import nl.familyliaison.access.Authorization.Visibility;
import nl.familyliaison.access.Role;
import nl.familyliaison.audit.MemberFile;

/**
 * A member's cases as their access log reads them: only the cases they are a member of now and may still open, and on
 * each only the objects the one authorization decision lets them see. The features that hold the items say, per
 * object type the audit trail names, which item an object is; an object type nobody claims is not shown.
 */
public final class MemberFiles implements MemberFile.Source {

    /** The item an audited object of a case is, if there is one. */
    @FunctionalInterface
    public interface ItemLookup {
        Optional<Item> find(String caseId, String objectId);
    }

    private final CaseRepository cases;
    private final UpdateRepository updates;
    private final Authorization authorization;
    private final Map<String, ItemLookup> lookups;
    private final Clock clock;

    /** The object types each feature claims, as one map; two features claiming one type stops the start. */
    @SafeVarargs
    public static Map<String, ItemLookup> claimed(Map<String, ItemLookup>... byFeature) {
        Map<String, ItemLookup> all = new HashMap<>();
        for (Map<String, ItemLookup> claims : byFeature) {
            claims.forEach((type, lookup) -> {
                if (all.putIfAbsent(type, lookup) != null) {
                    throw new IllegalStateException("Two features claim the object type " + type);
                }
            });
        }
        return all;
    }

    /**
     * @param lookups by object type ({@code message-thread}, {@code briefing}, …), for the items other features
     *                hold; this feature adds its own ({@code update}, {@code member})
     */
    public MemberFiles(CaseRepository cases, UpdateRepository updates, Authorization authorization,
                       Map<String, ItemLookup> lookups, Clock clock) {
        this.cases = cases;
        this.updates = updates;
        this.authorization = authorization;
        this.lookups = Map.copyOf(lookups);
        this.clock = clock;
    }

    @Override
    public List<MemberFile> of(String memberAccountId) {
        return cases.ofMember(memberAccountId).stream()
                .filter(investigation -> investigation.openToMembersAt(clock.instant()))
                .flatMap(investigation -> cases.withRoleOf(investigation.id(), memberAccountId, Cases.today(clock))
                        .flatMap(found -> found.role().memberId())
                        .map(memberId -> (MemberFile) new File(investigation.id(), memberAccountId, memberId))
                        .stream())
                .toList();
    }

    /** One case of the member's file; what it looks up is kept for the one answer it serves. */
    private final class File implements MemberFile {
        private final String caseId;
        private final String accountId;
        private final String memberId;
        private final Map<String, Boolean> seen = new HashMap<>();
        private Set<String> staff;
        private Set<String> members;
        private Map<String, Item> updateItems;

        File(String caseId, String accountId, String memberId) {
            this.caseId = caseId;
            this.accountId = accountId;
            this.memberId = memberId;
        }

        @Override
        public String caseId() {
            return caseId;
        }

        @Override
        public boolean isStaff(String account) {
            if (staff == null) {
                staff = cases.staff(caseId).stream().map(CaseRepository.StaffOfCase::accountId)
                        .collect(Collectors.toSet());
            }
            return account != null && staff.contains(account);
        }

        @Override
        public boolean isMember(String account) {
            if (members == null) {
                members = cases.members(caseId).stream().map(CaseRepository.MemberOfCase::accountId)
                        .collect(Collectors.toSet());
            }
            return account != null && members.contains(account);
        }

        @Override
        public boolean maySee(String objectType, String objectId) {
            if (objectType.equals("case")) {
                return caseId.equals(objectId);
            }
            if (objectId == null) {
                return false;
            }
            return seen.computeIfAbsent(objectType + "/" + objectId, key -> item(objectType, objectId)
                    .map(item -> authorization.maySee(Role.MEMBER, accountId,
                                                      new Authorization.CaseRelation(true, false, false),
                                                      Optional.of(memberId), item))
                    .orElse(false));
        }

        private Optional<Item> item(String objectType, String objectId) {
            return switch (objectType) {
                case "update" -> Optional.ofNullable(updateItems().get(objectId));
                case "member" -> Optional.of(Item.of(ItemKind.MEMBERSHIP, Visibility.chosen(Set.of(objectId))));
                default -> Optional.ofNullable(lookups.get(objectType))
                        .flatMap(lookup -> lookup.find(caseId, objectId));
            };
        }

        private Map<String, Item> updateItems() {
            if (updateItems == null) {
                updateItems = new HashMap<>();
                for (Update update : updates.ofCase(caseId)) {
                    // A withdrawn update (and whatever was done with it) is for no member any more.
                    updateItems.put(update.id(), Item.of(ItemKind.UPDATE, TimelineService.visibility(update)));
                }
            }
            return updateItems;
        }
    }
}
