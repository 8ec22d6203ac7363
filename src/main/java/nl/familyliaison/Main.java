package nl.familyliaison;

import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.logging.Logger;

import io.helidon.config.Config;
import io.helidon.http.DirectHandler;
import io.helidon.http.Method;
import io.helidon.http.media.MediaContext;
import io.helidon.http.media.jackson.JacksonSupport;
import io.helidon.logging.common.LogConfig;
import io.helidon.openapi.OpenApiFeature;
import io.helidon.webserver.WebServer;
import io.helidon.webserver.WebServerConfig;
import io.helidon.webserver.http.DirectHandlers;
import io.helidon.webserver.http.HttpRouting;
import io.helidon.webserver.staticcontent.StaticContentFeature;
import nl.familyliaison.platform.ApiRoutes;
import nl.familyliaison.platform.Database;
import nl.familyliaison.platform.DatabaseReadiness;
import nl.familyliaison.platform.DrainingHttp1;
import nl.familyliaison.platform.ErrorMapping;
import nl.familyliaison.platform.Json;
import nl.familyliaison.platform.Management;
import nl.familyliaison.platform.Migrations;
import nl.familyliaison.platform.RequestLog;
import nl.familyliaison.platform.Settings;
import nl.familyliaison.platform.Shutdown;
import nl.familyliaison.platform.TransportErrors;

/**
 * Reads the configuration, opens the database, brings the schema up to date, builds each feature with its
 * dependencies, registers the routes and starts the web server. Everything is wired here, by factory (Features).
 */
public final class Main {

    private static final Logger LOG = Logger.getLogger(Main.class.getName());

    private Main() {
    }

    public static void main(String[] args) {
        LogConfig.configureRuntime();
        List<String> command = Commands.words(args);
        if (!command.isEmpty()) {
            System.exit(Commands.run(command, Settings.load(), Clock.systemUTC(), System.out));
        }
        RunningService service = start(Settings.load(), Clock.systemUTC());
        Shutdown.onSignals(service::stop);
        LOG.info("Family Liaison is ready at http://" + service.host() + ":" + service.port() + "/");
    }

    /** Starts the whole service; the caller stops it with {@link RunningService#stop()}. */
    public static RunningService start(Config config, Clock clock) {
        return start(config, clock, routes -> { });
    }

    /**
     * Starts the whole service with {@code moreRoutes} registered after the service's own (tests use this for
     * fixture routes that exercise the shared error mapping).
     */
    public static RunningService start(Config config, Clock clock, Consumer<ApiRoutes> moreRoutes) {
        Thread.ofPlatform().name("start-warm-up").daemon().start(Main::loadSlowLibraries);
        Database database = Database.open(config.get("db"), dataDir(config));
        try {
            migrate(config, database);
            Features features = Features.build(config, database, clock, dataDir(config));
            features.startBackground();
            try {
                AtomicReference<ApiRoutes> routes = new AtomicReference<>();
                WebServer server = server(config, database, features, api -> {
                    moreRoutes.accept(api);
                    routes.set(api);
                }).start();
                return new RunningService(server, features, routes.get(), database);
            } catch (RuntimeException e) {
                features.stopBackground();
                throw e;
            }
        } catch (RuntimeException e) {
            database.close();
            throw e;
        }
    }

    /**
     * Loads the libraries that take longest to set up (the metrics registry, the JSON mapper) while the main thread
     * opens the database and checks the schema: on two cores that takes the better part of a second off the start.
     */
    private static void loadSlowLibraries() {
        io.helidon.metrics.api.Metrics.globalRegistry();
        Json.mapper();
    }

    /** Brings the schema up to date from migrations/. */
    static void migrate(Config config, Database database) {
        int applied = Migrations.apply(database.dataSource(),
                                       Path.of(config.get("db.migrations").asString().orElse("migrations")));
        LOG.info("Database schema is up to date (" + applied + " migration(s) applied now)");
    }

    private static WebServer server(Config config, Database database, Features features,
                                    Consumer<ApiRoutes> moreRoutes) {
        WebServerConfig.Builder builder = WebServer.builder()
                .config(config.get("server"))
                .shutdownHook(false)
                .mediaContext(MediaContext.builder()
                                      .addMediaSupport(JacksonSupport.create(Json.mapper()))
                                      .build())
                .directHandlers(transportErrors())
                .addConnectionSelector(DrainingHttp1.forServer(config.get("server")))
                .addFeature(OpenApiFeature.builder()
                                    .staticFile(config.get("openapi.file").asString().orElse("openapi.yaml"))
                                    .build())
                .addFeature(StaticContentFeature.builder()
                                    .addClasspath(web -> web.location("web").context("/").welcome("index.html"))
                                    .build());
        Management.configure(builder, config.get("server.management"),
                             List.of(new DatabaseReadiness(database), features.sealer().headFileHealth()));
        builder.routing(routing -> moreRoutes.accept(routing(routing, features)));
        return builder.build();
    }

    /** The service's filters, routes and error mapping. */
    static ApiRoutes routing(HttpRouting.Builder routing, Features features) {
        ApiRoutes api = features.register(routing);
        routing.error(Throwable.class, new ErrorMapping(api, features.requestLog()));
        api.served(Method.GET, "/observe/health")
                .served(Method.GET, "/observe/health/live")
                .served(Method.GET, "/observe/health/ready")
                .served(Method.GET, "/openapi");
        return api;
    }

    private static DirectHandlers transportErrors() {
        TransportErrors handler = new TransportErrors();
        DirectHandlers.Builder handlers = DirectHandlers.builder();
        for (DirectHandler.EventType type : DirectHandler.EventType.values()) {
            handlers.addHandler(type, handler);
        }
        return handlers.build();
    }

    private static Path dataDir(Config config) {
        return Path.of(config.get("data.dir").asString().orElse("data"));
    }

    /** A started service. */
    public record RunningService(WebServer server, Features features, ApiRoutes routes, Database database) {

        public int port() {
            return server.port();
        }

        /** The management port: health details and metrics (127.0.0.1 by default). */
        public int managementPort() {
            return server.port(Management.SOCKET);
        }

        public String host() {
            return server.prototype().host();
        }

        /** Stops taking requests, lets running ones finish, closes the pool, stops an embedded database. */
        public void stop() {
            LOG.info("Family Liaison is stopping");
            try {
                server.stop();
                RequestLog.flush();
                features.stopBackground();
            } finally {
                database.close();
            }
            LOG.info("Family Liaison has stopped");
        }
    }
}
