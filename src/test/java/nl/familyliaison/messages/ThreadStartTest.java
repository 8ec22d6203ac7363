package nl.familyliaison.messages;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import nl.familyliaison.access.Role;
import nl.familyliaison.platform.ProblemException;
import org.junit.jupiter.api.Test;

/** Who takes part in a new thread besides the family inspectors. */
class ThreadStartTest {

    private static final Set<String> MEMBERS = Set.of("m-anna", "m-bram", "m-carla");

    @Test
    void aMemberStartsAThreadWithTheirFamilyInspectorAlone() {
        assertEquals(Set.of("m-anna"), ThreadStart.members(Role.MEMBER, Optional.of("m-anna"), null, MEMBERS));
        assertEquals(Set.of("m-anna"), ThreadStart.members(Role.MEMBER, Optional.of("m-anna"), List.of(), MEMBERS));
    }

    @Test
    void aMemberDoesNotChooseOthers() {
        ProblemException refused = assertThrows(ProblemException.class, () -> ThreadStart.members(
                Role.MEMBER, Optional.of("m-anna"), List.of("m-bram"), MEMBERS));
        assertEquals("memberIds", refused.errors().getFirst().field());
    }

    @Test
    void aFamilyInspectorChoosesMembersOfTheCase() {
        assertEquals(Set.of("m-anna", "m-carla"), ThreadStart.members(
                Role.FAMILY_INSPECTOR, Optional.empty(), List.of("m-anna", "m-carla", "m-anna"), MEMBERS));
    }

    @Test
    void aFamilyInspectorChoosesAtLeastOneAndOnlyMembers() {
        assertEquals("memberIds", refusal(null).errors().getFirst().field());
        assertEquals("memberIds", refusal(List.of()).errors().getFirst().field());
        assertEquals("memberIds[1]", refusal(List.of("m-anna", "m-of-another-case")).errors().getFirst().field());
        assertEquals("memberIds[0]", refusal(Arrays.asList((String) null)).errors().getFirst().field());
    }

    @Test
    void nobodyElseStartsThreads() {
        for (Role role : List.of(Role.INVESTIGATOR, Role.ADMIN)) {
            assertThrows(IllegalArgumentException.class,
                         () -> ThreadStart.members(role, Optional.empty(), List.of("m-anna"), MEMBERS));
        }
    }

    private static ProblemException refusal(List<String> chosen) {
        return assertThrows(ProblemException.class,
                            () -> ThreadStart.members(Role.FAMILY_INSPECTOR, Optional.empty(), chosen, MEMBERS));
    }
}
