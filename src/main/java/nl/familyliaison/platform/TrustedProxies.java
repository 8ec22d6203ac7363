package nl.familyliaison.platform;

import java.net.InetAddress;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The networks of the proxies in front of the service ({@code http.trusted-proxies}, CIDRs such as 10.0.0.0/8 or
 * fd00::/8): only a request that comes from one of them may tell us the client's address (X-Forwarded-For) and
 * scheme (X-Forwarded-Proto). Empty: nothing forwarded is believed.
 */
public final class TrustedProxies {

    private final List<Network> networks;

    private TrustedProxies(List<Network> networks) {
        this.networks = List.copyOf(networks);
    }

    /** No trusted proxy: the connection's peer is the client. */
    public static TrustedProxies none() {
        return new TrustedProxies(List.of());
    }

    /**
     * Reads a comma-separated list of CIDRs (a bare address is one host).
     *
     * @throws IllegalStateException naming the entry that is not a CIDR, so the service does not start on a typo
     */
    public static TrustedProxies parse(String cidrs) {
        List<Network> networks = new ArrayList<>();
        for (String entry : cidrs == null ? new String[0] : cidrs.split(",")) {
            if (!entry.isBlank()) {
                networks.add(Network.parse(entry.strip()));
            }
        }
        return new TrustedProxies(networks);
    }

    public boolean contains(InetAddress address) {
        return networks.stream().anyMatch(network -> network.contains(address));
    }

    private record Network(byte[] prefix, int bits) {

        static Network parse(String cidr) {
            String[] parts = cidr.split("/", 2);
            InetAddress address = IpLiteral.parse(parts[0]).orElseThrow(() -> invalid(cidr));
            int max = address.getAddress().length * 8;
            int bits;
            try {
                bits = parts.length == 2 ? Integer.parseInt(parts[1]) : max;
            } catch (NumberFormatException e) {
                throw invalid(cidr);
            }
            if (bits < 0 || bits > max) {
                throw invalid(cidr);
            }
            return new Network(address.getAddress(), bits);
        }

        boolean contains(InetAddress address) {
            byte[] candidate = address.getAddress();
            if (candidate.length != prefix.length) {
                return false;
            }
            int whole = bits / 8;
            if (!Arrays.equals(candidate, 0, whole, prefix, 0, whole)) {
                return false;
            }
            int rest = bits % 8;
            int mask = (0xff << (8 - rest)) & 0xff;
            return rest == 0 || (candidate[whole] & mask) == (prefix[whole] & mask);
        }

        private static IllegalStateException invalid(String cidr) {
            return new IllegalStateException("http.trusted-proxies: '" + cidr
                                             + "' is not a network such as 10.0.0.0/8, 192.0.2.1 or fd00::/8");
        }
    }
}
