package io.rigledger.local;

import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Starts the local stack (the launcher of ./run.sh: embedded PostgreSQL, real Keycloak, the three
 * packaged services) once for every end-to-end test class of a run, and stops it when the run ends:
 * it lives in the root context's store, which closes it. Test methods and lifecycle methods get it
 * as a {@link LocalStack} parameter. A failed start is remembered, so the next class fails at once
 * with the same report instead of starting everything again.
 */
final class LocalStackExtension implements BeforeAllCallback, ParameterResolver {

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(LocalStackExtension.class);
    /**
     * {@code -Drigledger.stack.attach=true}: use the stack already running on the settings' ports
     * (./run.sh) instead of starting one, to iterate on a test quickly; tests that kill or restart
     * parts need the stack started here and fail in this mode.
     */
    static final String ATTACH = "rigledger.stack.attach";
    private static final System.Logger LOG = System.getLogger(LocalStackExtension.class.getName());

    /** The stack, or why it could not start; closing it stops the stack. */
    private record Running(LocalStack stack, String failure) implements AutoCloseable {

        static Running start() {
            try {
                if (Boolean.getBoolean(ATTACH)) {
                    return new Running(LocalStack.attach(StackSettings.fromEnvironment()), null);
                }
                LocalStack stack = LocalStack.start(StackSettings.fromEnvironment());
                LOG.log(System.Logger.Level.INFO, stack.summary());
                return new Running(stack, null);
            } catch (StartupFailure e) {
                return new Running(null, e.report());
            }
        }

        LocalStack get() {
            if (stack == null) {
                throw new IllegalStateException("the local stack did not start: " + failure);
            }
            return stack;
        }

        @Override
        public void close() {
            if (stack != null) {
                stack.close();
            }
        }
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        running(context).get();
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == LocalStack.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return running(context).get();
    }

    private static Running running(ExtensionContext context) {
        return context.getRoot().getStore(NAMESPACE).computeIfAbsent(Running.class, key -> Running.start(), Running.class);
    }
}
