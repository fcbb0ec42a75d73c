package io.rigledger.testsupport.arch;

import com.tngtech.archunit.core.domain.AccessTarget;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaCodeUnit;
import com.tngtech.archunit.core.domain.JavaCodeUnitAccess;
import com.tngtech.archunit.core.domain.JavaMethod;
import com.tngtech.archunit.core.domain.PackageMatcher;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A method that reaches no code in the upstream packages through any chain of calls and method
 * references (a call on an interface or superclass also follows every override in the imported
 * classes, as a CDI bean would dispatch it). A violation names the whole chain, so the fix is plain.
 */
final class NeighbourCallCondition extends ArchCondition<JavaMethod> {

    private final String upstream;
    private final PackageMatcher upstreamMatcher;

    NeighbourCallCondition(String upstreamPackages) {
        super("not reach code in " + upstreamPackages + " through any chain of calls");
        this.upstream = upstreamPackages;
        this.upstreamMatcher = PackageMatcher.of(upstreamPackages);
    }

    @Override
    public void check(JavaMethod method, ConditionEvents events) {
        chainToUpstream(method).ifPresent(chain -> events.add(SimpleConditionEvent.violated(method,
                method.getFullName() + " runs in a transaction and reaches " + upstream + ": "
                        + String.join(" -> ", chain))));
    }

    /** Breadth first, so the chain reported is a shortest one. */
    private Optional<List<String>> chainToUpstream(JavaCodeUnit start) {
        if (inUpstream(start.getOwner())) {
            return Optional.of(List.of(start.getFullName()));
        }
        Map<JavaCodeUnit, JavaCodeUnit> cameFrom = new HashMap<>();
        cameFrom.put(start, start);
        Deque<JavaCodeUnit> queue = new ArrayDeque<>(List.of(start));
        while (!queue.isEmpty()) {
            JavaCodeUnit unit = queue.removeFirst();
            for (JavaCodeUnitAccess<?> access : accessesFrom(unit)) {
                AccessTarget.CodeUnitAccessTarget target = access.getTarget();
                if (inUpstream(access.getTargetOwner())) {
                    List<String> chain = chain(cameFrom, unit);
                    chain.add(target.getFullName());
                    return Optional.of(chain);
                }
                for (JavaCodeUnit next : dispatchTargets(target)) {
                    if (!cameFrom.containsKey(next)) {
                        cameFrom.put(next, unit);
                        queue.addLast(next);
                    }
                }
            }
        }
        return Optional.empty();
    }

    private static List<JavaCodeUnitAccess<?>> accessesFrom(JavaCodeUnit unit) {
        List<JavaCodeUnitAccess<?>> accesses = new ArrayList<>(unit.getCallsFromSelf());
        accesses.addAll(unit.getCodeUnitReferencesFromSelf());
        return accesses;
    }

    /** The code unit itself and, for a method, every override of it in the imported subclasses. */
    private static List<JavaCodeUnit> dispatchTargets(AccessTarget.CodeUnitAccessTarget target) {
        Optional<? extends JavaCodeUnit> resolved = target.resolveMember();
        if (resolved.isEmpty()) {
            return List.of();
        }
        List<JavaCodeUnit> targets = new ArrayList<>(List.of(resolved.get()));
        if (resolved.get() instanceof JavaMethod method) {
            String[] parameters = method.getRawParameterTypes().stream().map(JavaClass::getName).toArray(String[]::new);
            for (JavaClass sub : method.getOwner().getAllSubclasses()) {
                sub.tryGetMethod(method.getName(), parameters).ifPresent(targets::add);
            }
        }
        return targets;
    }

    private static List<String> chain(Map<JavaCodeUnit, JavaCodeUnit> cameFrom, JavaCodeUnit last) {
        List<String> chain = new ArrayList<>();
        JavaCodeUnit unit = last;
        while (true) {
            chain.add(unit.getFullName());
            JavaCodeUnit previous = cameFrom.get(unit);
            if (previous == unit) {
                break;
            }
            unit = previous;
        }
        Collections.reverse(chain);
        return chain;
    }

    private boolean inUpstream(JavaClass owner) {
        return upstreamMatcher.matches(owner.getPackageName());
    }
}
