package nl.familyliaison.access;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The one canonical form of an address: what it folds, and what it keeps apart. */
class EmailAddressTest {

    @Test
    void spacesAreTrimmedAndCaseIsFolded() {
        assertEquals("anna.de.vries@example.org", EmailAddress.canonical("  Anna.De.Vries@Example.ORG \t"));
        assertNull(EmailAddress.canonical(null));
    }

    @Test
    void anAccentMakesAnotherAddress() {
        assertNotEquals(EmailAddress.canonical("anna@example.org"), EmailAddress.canonical("ánna@example.org"));
        assertEquals("ánna@example.org", EmailAddress.canonical("ÁNNA@example.org"));
    }

    @Test
    void composedAndDecomposedAccentsAreOneAddress() {
        String composed = "\u00e1nna@example.org";
        String decomposed = "a\u0301nna@example.org";
        assertEquals(composed, EmailAddress.canonical(decomposed));
        assertEquals(EmailAddress.canonical(composed), EmailAddress.canonical(decomposed));
    }

    @Test
    void anInternationalDomainIsWrittenInItsAsciiForm() {
        assertEquals("bob@xn--bcher-kva.example", EmailAddress.canonical("Bob@BÜCHER.example"));
        assertEquals("bob@xn--bcher-kva.example", EmailAddress.canonical("bob@xn--bcher-kva.example"));
        assertTrue(EmailAddress.isPlausible(EmailAddress.canonical("bob@bücher.example")));
    }

    @Test
    void onlyTheLastAtSeparatesTheDomain() {
        assertEquals("\"a@b\"@xn--exmple-cua.org", EmailAddress.canonical("\"A@B\"@exämple.org"));
    }

    @Test
    void implausibleAddressesAreRefused() {
        for (String bad : new String[] {"", "no-at-sign", "two@@example.org", "a b@example.org", "a@nodot",
                                        "a@" + "x".repeat(63) + "." + "y".repeat(300), "@example.org",
                                        "a@exa mple.org"}) {
            assertFalse(EmailAddress.isPlausible(EmailAddress.canonical(bad)), bad);
        }
        assertTrue(EmailAddress.isPlausible("ánna@example.org"), "a non-ASCII local part is a real address");
    }
}
