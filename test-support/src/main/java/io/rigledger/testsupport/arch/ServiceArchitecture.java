package io.rigledger.testsupport.arch;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaMember;
import com.tngtech.archunit.core.domain.JavaMethod;
import com.tngtech.archunit.core.domain.PackageMatcher;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;

import java.util.List;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.methods;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/**
 * The architecture rules every RigLedger service keeps (after ddd-by-examples/library's
 * hexagonal architecture test), written once and applied by each service's ArchitectureTest:
 * <ol>
 *   <li>{@link #entitiesNeverLeaveAResource()}: no resource's field, method or constructor has a JPA
 *       entity in its signature (entities are mapped to records before they go on the wire).</li>
 *   <li>{@link #onlyUpstreamTouchesGeneratedClients()}: the clients generated from the neighbours'
 *       contracts ({@code <service>.upstream.<neighbour>..}) and any {@code @RegisterRestClient} are used
 *       only inside {@code <service>.upstream..}, whose adapters translate them into the service's terms.</li>
 *   <li>{@link #noTransactionIsOpenWhileANeighbourIsCalled()}: no {@code @Transactional} method (or method of
 *       a {@code @Transactional} class) reaches, through any chain of calls in the service, code in
 *       {@code upstream}: a remote call inside a transaction holds a database connection and locks for
 *       as long as the neighbour takes.</li>
 * </ol>
 * Annotations are matched by name, so this module needs neither JPA nor JAX-RS on its classpath.
 */
public final class ServiceArchitecture {

    static final String ENTITY = "jakarta.persistence.Entity";
    static final String EMBEDDABLE = "jakarta.persistence.Embeddable";
    static final String MAPPED_SUPERCLASS = "jakarta.persistence.MappedSuperclass";
    static final String PATH = "jakarta.ws.rs.Path";
    static final List<String> HTTP_METHODS = List.of("jakarta.ws.rs.GET", "jakarta.ws.rs.POST", "jakarta.ws.rs.PUT",
            "jakarta.ws.rs.DELETE", "jakarta.ws.rs.PATCH", "jakarta.ws.rs.HEAD", "jakarta.ws.rs.OPTIONS");
    static final String REST_CLIENT = "org.eclipse.microprofile.rest.client.inject.RegisterRestClient";
    static final String UPSTREAM = "..upstream..";
    static final String GENERATED_CLIENTS = "..upstream.*..";

    private ServiceArchitecture() {
    }

    /** A service's own production classes (not its tests, not its libraries). */
    public static JavaClasses classesOf(String basePackage) {
        return new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_JARS)
                .importPackages(basePackage);
    }

    /** Every rule, for a service that checks them in one go. */
    public static List<ArchRule> all() {
        return List.of(entitiesNeverLeaveAResource(), onlyUpstreamTouchesGeneratedClients(),
                noTransactionIsOpenWhileANeighbourIsCalled());
    }

    /** Resources (JAX-RS: {@code @Path} or an HTTP method annotation) expose no JPA entity in any signature. */
    public static ArchRule entitiesNeverLeaveAResource() {
        return classes().that(areResources())
                .should(SignatureCondition.notMention(areEntities()))
                .as("entities never leave a resource: no field, method or constructor of a resource has a JPA "
                        + "entity in its signature (map it to a record)");
    }

    /** Only {@code upstream} depends on generated clients and their models. */
    public static ArchRule onlyUpstreamTouchesGeneratedClients() {
        return noClasses().that().resideOutsideOfPackage(UPSTREAM)
                .should().dependOnClassesThat(areGeneratedClients())
                .as("only the upstream package touches the generated clients (" + GENERATED_CLIENTS
                        + " and @RegisterRestClient interfaces); others use upstream's adapters");
    }

    /** No transactional method reaches upstream code through the service's own calls. */
    public static ArchRule noTransactionIsOpenWhileANeighbourIsCalled() {
        return methods().that(areTransactional())
                .should(new NeighbourCallCondition(UPSTREAM))
                .as("no transaction is open while a neighbour is called: no @Transactional method reaches code "
                        + "in the upstream package (call neighbours first, then store in a short transaction)");
    }

    static DescribedPredicate<JavaClass> areEntities() {
        return DescribedPredicate.describe("JPA entities",
                c -> c.isAnnotatedWith(ENTITY) || c.isAnnotatedWith(EMBEDDABLE) || c.isAnnotatedWith(MAPPED_SUPERCLASS));
    }

    static DescribedPredicate<JavaClass> areResources() {
        return DescribedPredicate.describe("JAX-RS resources", c -> !c.isInterface()
                && (c.isAnnotatedWith(PATH) || c.getMethods().stream().anyMatch(ServiceArchitecture::isHttpMethod)));
    }

    static DescribedPredicate<JavaClass> areGeneratedClients() {
        return DescribedPredicate.describe("generated clients",
                c -> c.isAnnotatedWith(REST_CLIENT) || PackageMatcher.of(GENERATED_CLIENTS).matches(c.getPackageName()));
    }

    static DescribedPredicate<JavaMethod> areTransactional() {
        return DescribedPredicate.describe("@Transactional", ServiceArchitecture::opensTransaction);
    }

    private static boolean isHttpMethod(JavaMethod method) {
        return HTTP_METHODS.stream().anyMatch(method::isAnnotatedWith);
    }

    /**
     * Annotated {@code @Transactional} itself or through its class, with a type that runs inside a
     * transaction (REQUIRED, REQUIRES_NEW, MANDATORY, SUPPORTS; not NOT_SUPPORTED or NEVER).
     */
    static boolean opensTransaction(JavaMember member) {
        if (member.isAnnotatedWith(Transactions.ANNOTATION)) {
            return Transactions.runsInside(member.getAnnotationOfType(Transactions.ANNOTATION));
        }
        JavaClass owner = member.getOwner();
        return owner.isAnnotatedWith(Transactions.ANNOTATION)
                && Transactions.runsInside(owner.getAnnotationOfType(Transactions.ANNOTATION));
    }
}
