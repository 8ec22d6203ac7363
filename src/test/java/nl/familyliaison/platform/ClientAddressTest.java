package nl.familyliaison.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.util.List;

import org.junit.jupiter.api.Test;

/** The client's address: believed from X-Forwarded-For only through trusted proxies, read right to left. */
class ClientAddressTest {

    private static final TrustedProxies PROXIES = TrustedProxies.parse("10.0.0.0/8, 192.0.2.7, fd00::/8");
    private static final InetAddress PROXY = ip("10.0.0.5");

    @Test
    void withoutATrustedPeerTheHeaderIsIgnored() {
        assertEquals(ip("198.51.100.1"), resolve(ip("198.51.100.1"), "203.0.113.5"));
        assertEquals(PROXY, ClientAddress.resolve(PROXY, List.of("203.0.113.5"), TrustedProxies.none()));
    }

    @Test
    void theFirstUntrustedAddressFromTheRightIsTheClient() {
        assertEquals(ip("203.0.113.5"), resolve(PROXY, "203.0.113.5"));
        assertEquals(ip("203.0.113.5"), resolve(PROXY, "1.1.1.1, 203.0.113.5, 10.2.3.4, 192.0.2.7"));
        assertEquals(ip("10.0.0.1"), resolve(PROXY, "10.0.0.1, 10.0.0.2"), "only proxies: the furthest one");
        assertEquals(PROXY, resolve(PROXY), "no header: the peer");
    }

    @Test
    void whatAClientWroteLeftOfItsOwnAddressIsNeverRead() {
        assertEquals(ip("203.0.113.5"), resolve(PROXY, "garbage, 203.0.113.5"));
    }

    @Test
    void anythingMalformedOnTheTrustedPathFallsBackToThePeer() {
        for (String bad : new String[] {"", " ", "203.0.113.5:80", "[2001:db8::1]", "example.org", "1.2.3",
                                        "256.1.1.1", "01.2.3.4", "fe80::1%eth0", "x".repeat(10_000),
                                        "203.0.113.5, ", "203.0.113.5,,10.0.0.1"}) {
            assertEquals(PROXY, resolve(PROXY, bad), bad);
        }
    }

    @Test
    void severalHeaderLinesAreOneList() {
        assertEquals(ip("203.0.113.5"),
                     ClientAddress.resolve(PROXY, List.of("198.51.100.9, 203.0.113.5", "10.1.1.1"), PROXIES));
        assertEquals(ip("198.51.100.9"),
                     ClientAddress.resolve(PROXY, List.of("203.0.113.5", "198.51.100.9, 10.1.1.1"), PROXIES));
    }

    @Test
    void ipv6AndMappedAddressesAreRead() {
        assertEquals(ip("2001:db8::7"), resolve(ip("fd00::1"), "2001:db8::7"));
        assertEquals(ip("2001:db8::7"), resolve(PROXY, "2001:db8::7, fd12::3"));
    }

    @Test
    void aVeryLongChainOfProxiesIsNotReadToTheEnd() {
        String hops = "203.0.113.5, " + "10.0.0.9, ".repeat(ClientAddress.MAX_HOPS + 5) + "10.0.0.8";
        assertTrue(PROXIES.contains(resolve(PROXY, hops)), "stops within the proxies");
    }

    @Test
    void networksAreMatchedByTheirPrefix() {
        TrustedProxies proxies = TrustedProxies.parse("172.16.0.0/12,2001:db8:ab00::/40,192.0.2.7");
        assertTrue(proxies.contains(ip("172.31.255.255")));
        assertFalse(proxies.contains(ip("172.32.0.0")));
        assertTrue(proxies.contains(ip("2001:db8:abff::1")));
        assertFalse(proxies.contains(ip("2001:db8:ac00::1")));
        assertTrue(proxies.contains(ip("192.0.2.7")));
        assertFalse(proxies.contains(ip("192.0.2.8")));
        assertTrue(TrustedProxies.parse("0.0.0.0/0").contains(ip("8.8.8.8")));
        assertFalse(TrustedProxies.parse("").contains(ip("127.0.0.1")));
    }

    @Test
    void aMistypedNetworkStopsTheStart() {
        for (String bad : new String[] {"10.0.0.0/33", "10.0.0/8", "proxy.example", "10.0.0.0/x", "::1/129"}) {
            IllegalStateException failure = assertThrows(IllegalStateException.class,
                                                         () -> TrustedProxies.parse(bad), bad);
            assertTrue(failure.getMessage().startsWith("http.trusted-proxies"), failure.getMessage());
        }
    }

    private static InetAddress resolve(InetAddress peer, String... lines) {
        return ClientAddress.resolve(peer, List.of(lines), PROXIES);
    }

    private static InetAddress ip(String literal) {
        return IpLiteral.parse(literal).orElseThrow(() -> new AssertionError(literal));
    }
}
