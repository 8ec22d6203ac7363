package nl.familyliaison.platform;

import static nl.familyliaison.support.Problems.assertProblem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.Socket;
import java.net.SocketException;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import nl.familyliaison.support.Api;
import nl.familyliaison.support.Reply;
import nl.familyliaison.support.TestService;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Metrics and health details are not public: the public port (here listening on every interface, as behind a load
 * balancer) only says alive / ready, without details; the details and the metrics are on the management port, which
 * listens on 127.0.0.1 only.
 */
class ManagementPortTest {

    private static TestService service;

    @BeforeAll
    static void start() {
        service = TestService.builder().set("server.host", "0.0.0.0").start();
    }

    @AfterAll
    static void stop() {
        service.close();
    }

    @Test
    void thePublicPortSaysAliveAndReadyWithoutDetails() {
        Api api = service.api();
        for (String path : new String[] {"/observe/health", "/observe/health/live", "/observe/health/ready"}) {
            Reply reply = api.get(path);
            assertEquals(204, reply.status(), path);
            assertEquals("", reply.body(), path + " has no details");
        }
    }

    @Test
    void thePublicPortHasNoMetrics() {
        Reply reply = service.api().unchecked().get("/observe/metrics", "Accept", "text/plain");
        assertProblem(reply, 404, "not-found");
        assertTrue(!reply.body().contains("outbox_depth"), reply.body());
    }

    @Test
    void theManagementPortHasTheDetailsAndTheMetrics() {
        Api management = service.management();
        assertNotEquals(service.running().port(), service.running().managementPort());
        JsonNode health = management.get("/observe/health").json();
        assertEquals("UP", health.path("status").asText());
        assertEquals("database", health.path("checks").path(0).path("name").asText(), health.toString());
        Reply metrics = management.get("/observe/metrics", "Accept", "text/plain");
        assertEquals(200, metrics.status());
        assertTrue(metrics.body().contains("outbox_depth"), metrics.body());
    }

    @Test
    void theManagementPortListensOnLoopbackOnly() throws IOException {
        assertEquals("127.0.0.1", service.running().server().prototype().sockets().get(Management.SOCKET).host());
        Optional<InetAddress> outside = nonLoopbackAddress();
        if (outside.isPresent()) {
            InetAddress address = outside.get();
            try (Socket reachable = new Socket()) {
                reachable.connect(new InetSocketAddress(address, service.running().port()), 2000);
            }
            assertThrows(IOException.class, () -> {
                try (Socket refused = new Socket()) {
                    refused.connect(new InetSocketAddress(address, service.running().managementPort()), 2000);
                }
            }, "the management port is not reachable on " + address);
        }
    }

    private static Optional<InetAddress> nonLoopbackAddress() throws SocketException {
        return NetworkInterface.networkInterfaces()
                .filter(it -> {
                    try {
                        return it.isUp() && !it.isLoopback();
                    } catch (SocketException e) {
                        return false;
                    }
                })
                .flatMap(NetworkInterface::inetAddresses)
                .filter(it -> it instanceof Inet4Address)
                .findFirst();
    }
}
