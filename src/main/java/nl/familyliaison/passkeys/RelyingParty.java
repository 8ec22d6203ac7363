package nl.familyliaison.passkeys;

import java.net.URI;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import com.webauthn4j.data.client.Origin;
import com.webauthn4j.data.client.challenge.DefaultChallenge;
import com.webauthn4j.server.ServerProperty;
import io.helidon.config.Config;
import nl.familyliaison.platform.PublicUrl;

/**
 * This service as passkeys know it: the relying party id (the host of {@code http.public-url}, or of the service's
 * own address), its name shown by the device, and the origins a browser may answer from (the public address and
 * {@code http.allowed-origins}). A passkey made for one host never works on another.
 *
 * @param membersMayUse false when DigiD is offered and required for members ({@code oidc.members.required}): then
 *                      only staff add and use passkeys
 */
record RelyingParty(String id, String name, Set<String> origins, boolean membersMayUse) {

    static RelyingParty from(Config config, boolean membersNeedDigid) {
        String publicUrl = PublicUrl.of(config);
        Set<String> origins = new LinkedHashSet<>();
        origins.add(origin(publicUrl));
        config.get("http.allowed-origins").asList(String.class).orElse(List.of()).forEach(it -> origins.add(origin(it)));
        return new RelyingParty(URI.create(publicUrl).getHost(),
                                config.get("passkeys.rp-name").asString().orElse("Familiecontact"),
                                Set.copyOf(origins),
                                !membersNeedDigid);
    }

    /** What webauthn4j checks a browser's answer against: origin, RP id (hash) and the challenge. */
    ServerProperty property(byte[] challenge) {
        Set<Origin> allowed = new LinkedHashSet<>();
        origins.forEach(origin -> allowed.add(new Origin(origin)));
        return new ServerProperty(allowed, id, new DefaultChallenge(challenge));
    }

    private static String origin(String url) {
        URI uri = URI.create(url.strip());
        return uri.getScheme() + "://" + uri.getHost() + (uri.getPort() == -1 ? "" : ":" + uri.getPort());
    }
}
