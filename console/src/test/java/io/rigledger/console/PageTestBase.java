package io.rigledger.console;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.quarkus.test.oidc.server.OidcWireMock;
import io.rigledger.console.fakes.FakeApis;
import io.rigledger.console.fakes.InjectFakeApis;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * What every page test of the console shares: the OIDC server a person signs in with ({@link SignIn}),
 * the fakes of the three services, forgotten before each test (a subclass's own {@code @BeforeEach}
 * runs after that, e.g. to sign its person in), and after each test the check that neither the console
 * nor a fake broke the services' contracts.
 */
public abstract class PageTestBase {

    @OidcWireMock
    protected WireMockServer oidc;

    @InjectFakeApis
    protected FakeApis apis;

    @BeforeEach
    void forgetTheLastTestsCalls() {
        apis.reset();
    }

    @AfterEach
    void keptToTheContracts() {
        assertEquals(List.of(), apis.contractBreaches());
    }
}
