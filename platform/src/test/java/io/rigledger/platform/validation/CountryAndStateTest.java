package io.rigledger.platform.validation;

import io.rigledger.platform.problem.InputMappers;
import io.rigledger.platform.problem.Problem;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Valid;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.ws.rs.core.UriInfo;
import org.hibernate.validator.messageinterpolation.ParameterMessageInterpolator;
import org.jboss.resteasy.reactive.RestResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.lang.reflect.Proxy;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@link CountryCode} and {@link UsState}: what each accepts, and the 400 a refusal becomes. */
class CountryAndStateTest {

    record Rig(@CountryCode String originCountry) {
    }

    record Site(@UsState String state, @CountryCode String country) {
    }

    record Batch(List<@Valid Rig> rigs) {
    }

    private static final Validator VALIDATOR = Validation.byDefaultProvider().configure()
            .messageInterpolator(new ParameterMessageInterpolator()).buildValidatorFactory().getValidator();

    @ParameterizedTest
    @ValueSource(strings = {"US", "CN", "MY", "TH", "ID", "VN", "DE", "SG"})
    void assignedIsoCodesAreCountries(String code) {
        assertTrue(VALIDATOR.validate(new Rig(code)).isEmpty());
    }

    @ParameterizedTest
    @ValueSource(strings = {"XX", "ZZ", "AA", "QM", "XK", "us", "Us", "USA", "U", "", " US", "US ", "U\u0000", "\uff35\uff33"})
    void userAssignedCodesLowerCaseAndOtherShapesAreNot(String code) {
        Set<ConstraintViolation<Rig>> violations = VALIDATOR.validate(new Rig(code));
        assertEquals(1, violations.size(), code);
        assertEquals("must be an ISO 3166-1 alpha-2 country code in upper case, such as US, CN or MY",
                violations.iterator().next().getMessage());
    }

    @Test
    void everyCodeTheJdkAssignsIsAcceptedAndNothingElseOfTwoLetters() {
        Set<String> assigned = Locale.getISOCountries(Locale.IsoCountryCode.PART1_ALPHA2);
        for (char a = 'A'; a <= 'Z'; a++) {
            for (char b = 'A'; b <= 'Z'; b++) {
                String code = "" + a + b;
                assertEquals(assigned.contains(code), CountryCodeValidator.isCountryCode(code), code);
            }
        }
        assertTrue(assigned.size() > 240, "the JDK's list holds every assigned code");
    }

    @Test
    void nullIsLeftToNotNull() {
        assertTrue(VALIDATOR.validate(new Site(null, null)).isEmpty());
    }

    @ParameterizedTest
    @ValueSource(strings = {"TX", "WY", "NY", "AK", "HI", "DC", "PR", "GU", "VI", "AS", "MP"})
    void statesDistrictAndTerritoriesAreStates(String code) {
        assertTrue(VALIDATOR.validate(new Site(code, "US")).isEmpty());
    }

    @ParameterizedTest
    @ValueSource(strings = {"XX", "ZZ", "tx", "Tx", "AA", "AE", "AP", "FM", "MH", "PW", "TEX", "T", "", " TX"})
    void anythingElseIsNotAState(String code) {
        Set<ConstraintViolation<Site>> violations = VALIDATOR.validate(new Site(code, "US"));
        assertEquals(1, violations.size(), code);
        assertTrue(violations.iterator().next().getMessage().contains("DC, PR, GU, VI, AS or MP"));
    }

    @Test
    void fiftyStatesAndSixMore() {
        assertEquals(50, UsStateValidator.STATES.size());
        assertEquals(6, UsStateValidator.DISTRICT_AND_TERRITORIES.size());
        assertTrue(UsStateValidator.DISTRICT_AND_TERRITORIES.stream().noneMatch(UsStateValidator.STATES::contains));
    }

    @Test
    void aRefusedCountryIs400ProblemNamingTheFieldAsTheClientWroteIt() {
        Batch batch = new Batch(List.of(new Rig("CN"), new Rig("US"), new Rig("XX")));
        Set<ConstraintViolation<Batch>> violations = VALIDATOR.validate(batch);
        RestResponse<Problem> answer = new InputMappers()
                .constraintViolation(new ConstraintViolationException(Set.copyOf(violations)), uri("/api/rigs/batch"));
        assertEquals(400, answer.getStatus());
        Problem problem = answer.getEntity();
        assertEquals("/api/rigs/batch", problem.instance());
        assertEquals(1, problem.violations().size());
        assertEquals("rigs[2].originCountry", problem.violations().get(0).field());
        assertTrue(problem.detail().contains("rigs[2].originCountry"), problem.detail());
        assertFalse(problem.detail().contains("ConstraintViolation"));
    }

    @Test
    void aRefusedStateIs400ProblemNamingTheField() {
        Set<ConstraintViolation<Site>> violations = VALIDATOR.validate(new Site("ZZ", "US"));
        RestResponse<Problem> answer = new InputMappers()
                .constraintViolation(new ConstraintViolationException(Set.copyOf(violations)), uri("/api/sites/x"));
        assertEquals(400, answer.getStatus());
        assertEquals("state", answer.getEntity().violations().get(0).field());
    }

    private static UriInfo uri(String path) {
        return (UriInfo) Proxy.newProxyInstance(UriInfo.class.getClassLoader(), new Class<?>[] {UriInfo.class},
                (proxy, method, args) -> switch (method.getName()) {
                    case "getPath" -> path;
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }
}
