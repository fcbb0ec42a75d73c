package io.rigledger.console;

import com.tngtech.archunit.core.domain.JavaClasses;
import io.rigledger.testsupport.arch.ServiceArchitecture;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/**
 * The console's architecture: only {@code upstream} calls the services (the generated API interfaces,
 * the downloads); pages get what the services answered from its adapters. Unlike a service, the
 * console's pages do render the generated models themselves: a page shows a service's answer as it is,
 * and a copy of every model in records of its own would be a second shape that could drift from the
 * contract the models are generated from.
 */
class ArchitectureTest {

    private static final JavaClasses CONSOLE = ServiceArchitecture.classesOf("io.rigledger.console");

    @Test
    void onlyUpstreamCallsTheServices() {
        noClasses().that().resideOutsideOfPackage("..upstream..")
                .should().dependOnClassesThat().resideInAPackage("..upstream.*.api..")
                .as("only upstream calls the services' generated clients")
                .check(CONSOLE);
    }
}
