package io.rigledger.testsupport.fuzz;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * Bad bodies that are JSON (or nearly): each field of the body set to each bad value its schema
 * implies, each required field left out, an unknown property added to each object, and the body
 * itself replaced by the wrong type. Bytes-level faults (UTF-8, truncation, nesting, duplicate
 * keys, media types) are {@link RawBodies}.
 */
final class BodyMutator {

    /** Kinds with many variants per field: each field gets every third, a different third for the next field. */
    static final Set<String> ROTATED = Set.of("string.control", "string.surrogate", "json.badEscape", "json.rawControl",
            "json.badNumber", "json.badLiteral", "json.badArray", "json.badObject", "number.huge", "date.malformed",
            "date.outOfRange", "uuid.malformed", "type.notBoolean", "array.badItem", "type.notArray", "type.notObject",
            "string.pattern", "string.enum");

    private final FuzzOperation op;
    private final BodySlots slots;

    BodyMutator(FuzzOperation op) {
        this.op = op;
        this.slots = new BodySlots(op.bodySchema(), op.bodyExample());
    }

    BodySlots slots() {
        return slots;
    }

    /** Every systematic bad body (rules not yet checked against the contract). */
    List<BadRequest> systematic() {
        List<BadRequest> out = new ArrayList<>();
        for (Mutant m : JsonValues.of(op.bodySchema(), slots.example())) {
            out.add(BadRequest.json(op, "body." + m.kind(), "body", m.rule(), m.raw()));
        }
        int strings = 0;
        int arrays = 0;
        for (int i = 0; i < slots.slots().size(); i++) {
            BodySlots.Slot slot = slots.slots().get(i);
            if (slot.required()) {
                out.add(BadRequest.json(op, "required.missing", slot.field(), BadRequest.Rule.CONTRACT, slots.without(slot)));
            }
            String type = JsonValues.type(slot.schema());
            // the huge values (1M characters, 10k items) for the first fields of their type only
            boolean huge = "string".equals(type) ? strings++ < 2 : !"array".equals(type) || arrays++ < 1;
            Map<String, Integer> seen = new HashMap<>();
            for (Mutant m : huge ? JsonValues.of(slot.schema(), slot.current()) : JsonValues.small(slot.schema(), slot.current())) {
                int n = seen.merge(m.kind(), 1, Integer::sum);
                if (!ROTATED.contains(m.kind()) || (n + i) % 3 == 0) {
                    out.add(BadRequest.json(op, m.kind(), slot.field(), m.rule(), slots.with(slot, m.raw())));
                }
            }
        }
        for (BodySlots.Obj object : slots.objects()) {
            for (String name : List.of("unknownField", "id", "__proto__", "")) {
                if (!object.declares(name)) {
                    out.add(BadRequest.json(op, "object.unknownProperty", BodySlots.name(object.at()),
                            BadRequest.Rule.PLATFORM, slots.withUnknownProperty(object.at(), name)));
                }
            }
        }
        return out;
    }

    /** One random bad body: a random field given a random bad value. */
    BadRequest random(Random random) {
        if (slots.slots().isEmpty()) {
            Mutant m = RandomValues.of(op.bodySchema(), slots.example(), random);
            return BadRequest.json(op, "body." + m.kind(), "body", m.rule(), m.raw());
        }
        BodySlots.Slot slot = RandomValues.pick(slots.slots(), random);
        if (slot.required() && random.nextInt(10) == 0) {
            return BadRequest.json(op, "required.missing", slot.field(), BadRequest.Rule.CONTRACT, slots.without(slot));
        }
        Mutant m = RandomValues.of(slot.schema(), slot.current(), random);
        return BadRequest.json(op, m.kind(), slot.field(), m.rule(), slots.with(slot, m.raw()));
    }
}
