package io.rigledger.platform.problem;

import jakarta.validation.Valid;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import org.hibernate.validator.messageinterpolation.ParameterMessageInterpolator;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;

class FieldPathsTest {

    record Line(@NotNull @Min(1) Integer quantity) {
    }

    record Order(@NotBlank String supplier, @NotNull List<@NotNull @Valid Line> lines) {
    }

    public static class Resource {
        public void create(@NotNull @Valid Order body, @Min(1) int limit) {
            // only its parameters matter
        }
    }

    private static final Validator VALIDATOR = Validation.byDefaultProvider().configure()
            .messageInterpolator(new ParameterMessageInterpolator()).buildValidatorFactory().getValidator();

    @Test
    void violationsInsideABodyAreNamedAsTheClientWroteThem() throws Exception {
        Order order = new Order(" ", java.util.Arrays.asList(new Line(1), new Line(0), null));
        Set<String> fields = VALIDATOR.forExecutables()
                .validateParameters(new Resource(), Resource.class.getMethod("create", Order.class, int.class),
                        new Object[] {order, 0})
                .stream().map(FieldPaths::of).collect(Collectors.toSet());
        assertEquals(Set.of("supplier", "lines[1].quantity", "lines[2]", "limit"), fields);
    }

    @Test
    void aMissingBodyIsNamedBody() throws Exception {
        Set<String> fields = VALIDATOR.forExecutables()
                .validateParameters(new Resource(), Resource.class.getMethod("create", Order.class, int.class),
                        new Object[] {null, 1})
                .stream().map(FieldPaths::of).collect(Collectors.toSet());
        assertEquals(Set.of("body"), fields);
    }
}
