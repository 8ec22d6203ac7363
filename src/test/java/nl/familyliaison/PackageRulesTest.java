package nl.familyliaison;

import java.util.Set;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaMethodCall;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import io.helidon.dbclient.DbExecute;
import io.helidon.webserver.http.ServerRequest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * The allowed package graph, checked on the compiled classes of src/main: a wrong import fails here rather than in
 * a reviewer's head. The rules hold without known exceptions: a class that breaks one is changed, not listed.
 */
class PackageRulesTest {

    private static final String OURS = "nl.familyliaison..";
    private static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("nl.familyliaison");
    }

    /** Platform is the ground every feature stands on: it knows none of them. */
    @Test
    void platformDependsOnNothingOfOurs() {
        noClasses().that().resideInAPackage("nl.familyliaison.platform..")
                .should().dependOnClassesThat(resideInAPackage(OURS)
                                                      .and(DescribedPredicate.not(
                                                              resideInAPackage("nl.familyliaison.platform.."))))
                .check(classes);
    }

    /**
     * Features form a directed graph; the root package (Main, Features) wires them and is not a slice. The sign-in
     * flows live in signin, apart from the decision core in access, so notify and ratelimit can use the core.
     */
    @Test
    void noCyclesBetweenFeatures() {
        slices().matching("nl.familyliaison.(*)..").should().beFreeOfCycles().check(classes);
    }

    /** Notification and rate limits stand below the sign-in flows: they may use the access decision core only. */
    @Test
    void notifyAndRateLimitUseOnlyTheAccessCore() {
        noClasses().that().resideInAnyPackage("nl.familyliaison.notify..", "nl.familyliaison.ratelimit..")
                .should().dependOnClassesThat().resideInAPackage("nl.familyliaison.signin..")
                .check(classes);
    }

    /** SQL lives in statement files and only repositories run it. */
    @Test
    void onlyRepositoriesCallNamedStatements() {
        noClasses().that().haveSimpleNameNotEndingWith("Repository")
                .should().callMethodWhere(namedStatement())
                .check(classes);
    }

    /** Requests are read by HTTP services and the platform's filters; below them, features take plain values. */
    @Test
    void onlyHttpServicesAndFiltersSeeTheRequest() {
        Set<String> filters = Set.of("nl.familyliaison.access.Authentication",
                                     "nl.familyliaison.access.CrossSiteGuard",
                                     "nl.familyliaison.ratelimit.ApiClientLimit");
        ArchRule rule = noClasses().that().resideOutsideOfPackage("nl.familyliaison.platform..")
                .and(DescribedPredicate.not(partOfAnHttpService()))
                .and(DescribedPredicate.not(named(filters)))
                .should().dependOnClassesThat().areAssignableTo(ServerRequest.class);
        rule.check(classes);
    }

    /** An HTTP service (named *Service) or a type nested in one, which belongs to its request mapping. */
    private static DescribedPredicate<JavaClass> partOfAnHttpService() {
        return DescribedPredicate.describe("part of an HTTP service",
                                           type -> type.getName().replaceAll("\\$.*", "").endsWith("Service"));
    }

    /** A class or one of its nested classes is among {@code names}. */
    private static DescribedPredicate<JavaClass> named(Set<String> names) {
        return DescribedPredicate.describe("one of " + names,
                                           type -> names.contains(type.getName().replaceAll("\\$.*", "")));
    }

    private static DescribedPredicate<JavaMethodCall> namedStatement() {
        return DescribedPredicate.describe(
                "a named statement of the database client",
                call -> call.getTargetOwner().isAssignableTo(DbExecute.class)
                        && call.getName().matches("(create)?[nN]amed.*"));
    }
}
