package nl.familyliaison.platform;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import io.helidon.http.HeaderNames;
import io.helidon.webserver.http.ServerRequest;

/**
 * The caller's IP address, for rate limits and the audit trail: the connection's peer, or — when that peer is one of
 * the trusted proxies — the address those proxies report in X-Forwarded-For. The header is read from the right (the
 * entry our own proxy wrote) past every trusted proxy to the first address that is not one: entries further left
 * were written by the client and may be anything. All header lines count, in order, as one list. Anything that is
 * not an IP literal makes the whole header untrustworthy: then the peer's address is used, and the request goes on.
 */
public record ClientAddress(String value) {

    /** More hops than any real chain of proxies; a longer header is not read past this many entries. */
    static final int MAX_HOPS = 32;

    public static ClientAddress of(ServerRequest request) {
        return request.context().get(ClientAddress.class)
                .orElseGet(() -> new ClientAddress(peer(request).map(InetAddress::getHostAddress)
                                                           .orElse(request.remotePeer().host())));
    }

    /** The client's address for a request as it arrived. */
    static ClientAddress of(ServerRequest request, TrustedProxies trusted) {
        Optional<InetAddress> peer = peer(request);
        if (peer.isEmpty()) {
            return new ClientAddress(request.remotePeer().host());
        }
        List<String> lines = request.headers().all(HeaderNames.X_FORWARDED_FOR, List::of);
        return new ClientAddress(resolve(peer.get(), lines, trusted).getHostAddress());
    }

    /** The rule: from the peer, through trusted proxies, right to left; the peer when anything does not fit. */
    static InetAddress resolve(InetAddress peer, List<String> forwardedFor, TrustedProxies trusted) {
        if (!trusted.contains(peer) || forwardedFor.isEmpty()) {
            return peer;
        }
        List<String> hops = new ArrayList<>();
        for (String line : forwardedFor) {
            for (String hop : line.split(",", -1)) {
                hops.add(hop.strip());
            }
        }
        InetAddress client = peer;
        for (int i = hops.size() - 1, read = 0; i >= 0 && read < MAX_HOPS; i--, read++) {
            Optional<InetAddress> hop = IpLiteral.parse(hops.get(i));
            if (hop.isEmpty()) {
                return peer;
            }
            client = hop.get();
            if (!trusted.contains(client)) {
                return client;
            }
        }
        return client;
    }

    /** The connection's peer, read without any name look-up. */
    static Optional<InetAddress> peer(ServerRequest request) {
        if (request.remotePeer().address() instanceof InetSocketAddress socket && socket.getAddress() != null) {
            return Optional.of(socket.getAddress());
        }
        return IpLiteral.parse(request.remotePeer().host());
    }
}
