package nl.familyliaison.support;

import java.util.function.UnaryOperator;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * One running service for a test class: {@code @RegisterExtension static final RunningService service = …}.
 * Started before the class's first test, stopped after its last.
 */
public final class RunningService implements BeforeAllCallback, AfterAllCallback {

    private final UnaryOperator<TestService.Builder> settings;
    private TestService service;
    private People people;

    public RunningService() {
        this(UnaryOperator.identity());
    }

    /** With settings of its own, for example {@code builder -> builder.set("key", "value")}. */
    public RunningService(UnaryOperator<TestService.Builder> settings) {
        this.settings = settings;
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        service = settings.apply(TestService.builder()).start();
        people = new People(service);
    }

    @Override
    public void afterAll(ExtensionContext context) {
        if (service != null) {
            service.close();
        }
    }

    public TestService service() {
        return service;
    }

    public Api api() {
        return service.api();
    }

    public People people() {
        return people;
    }

    public TestClock clock() {
        return service.clock();
    }

    public nl.familyliaison.Main.RunningService running() {
        return service.running();
    }
}
