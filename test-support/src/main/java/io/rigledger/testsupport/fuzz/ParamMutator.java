package io.rigledger.testsupport.fuzz;

import io.swagger.v3.oas.models.media.Schema;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Bad path and query parameters: each parameter given each bad value its schema implies (type,
 * bounds, length, pattern, format, enum, items), percent-encoded control characters and invalid
 * UTF-8, digits of other scripts, and cursors the service never issued. The rest of the request
 * (other parameters, the body) is good.
 */
final class ParamMutator {

    private final FuzzOperation op;
    private final String goodBody;

    ParamMutator(FuzzOperation op) {
        this.op = op;
        this.goodBody = op.hasBody() ? JsonValues.write(op.bodyExample()) : null;
    }

    boolean hasParams() {
        return !params().isEmpty();
    }

    private List<FuzzOperation.Param> params() {
        return op.parameters().stream().filter(p -> "path".equals(p.in()) || "query".equals(p.in())).toList();
    }

    List<BadRequest> systematic() {
        List<BadRequest> out = new ArrayList<>();
        for (FuzzOperation.Param p : params()) {
            for (Map.Entry<String, List<byte[]>> kind : values(p).entrySet()) {
                for (byte[] value : kind.getValue()) {
                    BadRequest r = request(p, kind.getKey(), value, BadRequest.Rule.CONTRACT);
                    if (r != null) {
                        out.add(r);
                    }
                }
            }
            if ("cursor".equals(p.name())) {
                for (String forged : forgedCursors()) {
                    out.add(request(p, "cursor.notIssued", forged.getBytes(StandardCharsets.UTF_8), BadRequest.Rule.PLATFORM));
                }
            }
        }
        return out;
    }

    /** One random bad parameter value; null when the draw is an empty path segment. */
    BadRequest random(Random r) {
        FuzzOperation.Param p = RandomValues.pick(params(), r);
        if ("cursor".equals(p.name()) && r.nextBoolean()) {
            byte[] raw = new byte[1 + r.nextInt(60)];
            r.nextBytes(raw);
            String forged = Base64.getUrlEncoder().withoutPadding().encodeToString(raw);
            return request(p, "cursor.notIssued", forged.getBytes(StandardCharsets.UTF_8), BadRequest.Rule.PLATFORM);
        }
        String good = p.validValue() == null ? JsonValues.goodText(p.schema()) : p.validValue();
        String type = JsonValues.type(p.schema());
        String value = switch (r.nextInt(4)) {
            case 0 -> RandomValues.mangle(good, r);
            case 1 -> RandomValues.insert(good, RandomValues.text(r, 1 + r.nextInt(6)), r);
            case 2 -> "integer".equals(type) && p.schema().getMaximum() != null
                    ? p.schema().getMaximum().add(BigDecimal.valueOf(1 + r.nextInt(Integer.MAX_VALUE))).toPlainString()
                    : RandomValues.text(r, 1 + r.nextInt(Math.max(1, maxLength(p.schema()) * 2)));
            default -> RandomValues.text(r, maxLength(p.schema()) + 1 + r.nextInt(64));
        };
        return request(p, "param.random", value.getBytes(StandardCharsets.UTF_8), BadRequest.Rule.CONTRACT);
    }

    /** The request with the parameter set to the value; null for an empty path segment (another route, not a bad value). */
    private BadRequest request(FuzzOperation.Param p, String kind, byte[] value, BadRequest.Rule rule) {
        if ("path".equals(p.in()) && value.length == 0) {
            return null;
        }
        String encoded = encodeForPath(p, value);
        String uri = "path".equals(p.in()) ? op.path(p.name(), encoded) : op.validPath() + "?" + p.name() + "=" + encoded;
        return BadRequest.uri(op, kind, p.name(), rule, uri, goodBody);
    }

    /** Percent-encoded; a path segment of dots alone would be read as a relative step, so its dots are encoded too. */
    private static String encodeForPath(FuzzOperation.Param p, byte[] value) {
        String encoded = UriText.encode(value);
        if ("path".equals(p.in()) && encoded.matches("\\.*")) {
            return encoded.replace(".", "%2E");
        }
        return encoded;
    }

    /** Bad values by kind for one parameter, as the bytes the server decodes. */
    private static Map<String, List<byte[]>> values(FuzzOperation.Param p) {
        Schema<?> s = p.schema();
        String good = p.validValue() == null ? JsonValues.goodText(s) : p.validValue();
        Map<String, List<byte[]>> out = new LinkedHashMap<>();
        String type = JsonValues.type(s);
        if ("integer".equals(type) || "number".equals(type)) {
            List<String> bad = new ArrayList<>(List.of("-1", "0", "2147483648", "9223372036854775808",
                    "99999999999999999999999", "1e3", "1.5", "1.0", "ten", "", " 1", "1 ", "+1", "0x10", "1_0", "1,5",
                    "NaN", "-0", "\uff11", "\uff10\uff11", "\u0661\u0660", "\u0967", "1\u0000"));
            if (s.getMinimum() != null) {
                bad.add(s.getMinimum().subtract(BigDecimal.ONE).toPlainString());
            }
            if (s.getMaximum() != null) {
                bad.add(s.getMaximum().add(BigDecimal.ONE).toPlainString());
                bad.add(s.getMaximum().toBigInteger().shiftLeft(1).toString());
            }
            out.put("param.number", utf8(bad));
        } else if ("array".equals(type)) {
            Schema<?> items = s.getItems();
            String item = items != null && items.getEnum() != null ? String.valueOf(items.getEnum().get(0)) : good;
            List<String> bad = new ArrayList<>(List.of("unknown", item + ",unknown", item.toUpperCase(), ",", item + ",",
                    item + "," + item));
            if (s.getMaxItems() != null && items != null && items.getEnum() != null) {
                List<String> all = new ArrayList<>(items.getEnum().stream().map(String::valueOf).toList());
                while (all.size() <= s.getMaxItems()) {
                    all.add(item);
                }
                bad.add(String.join(",", all));
            }
            out.put("param.array", utf8(bad));
        } else {
            List<String> bad = new ArrayList<>(List.of("", " ", good + "!", " " + good, "\u00e9" + good, good + "\u0000",
                    good + "\u001b", "\u007f" + good, good + "\u0085", good + "\ud83d\ude00"));
            if (!good.toLowerCase().equals(good)) {
                bad.add(good.toLowerCase());
            } else if (!good.toUpperCase().equals(good)) {
                bad.add(good.toUpperCase());
            }
            if (s.getMaxLength() != null) {
                bad.add(JsonValues.fill(good, s.getMaxLength() + 1));
            }
            if (s.getEnum() != null && !s.getEnum().isEmpty()) {
                bad.add(String.valueOf(s.getEnum().get(0)).toLowerCase());
                bad.add(s.getEnum().get(0) + "_X");
            }
            if ("uuid".equals(s.getFormat())) {
                bad.addAll(List.of("not-a-uuid", good.replace("-", ""), good + "0", good.substring(1), "g" + good.substring(1),
                        "{" + good + "}", "urn:uuid:" + good, "0", "-1", good.replace('-', '_')));
            }
            out.put("param.string", utf8(bad));
            if (s.getMaxLength() != null && s.getMaxLength() < JsonValues.TEN_K) {
                out.put("param.10k", utf8(List.of(JsonValues.fill(good, JsonValues.TEN_K))));
                out.put("param.1M", utf8(List.of(JsonValues.fill(good, JsonValues.ONE_M))));
            }
        }
        List<byte[]> invalid = new ArrayList<>();
        for (String hex : RawBodies.INVALID_UTF8.values()) {
            invalid.add(RawBodies.concat(good.getBytes(StandardCharsets.UTF_8), HexFormat.of().parseHex(hex)));
        }
        out.put("param.utf8", invalid);
        return out;
    }

    /** Cursors of the right shape (base64url) that no list issued: not v1, a wrong checksum, too few parts. */
    private static List<String> forgedCursors() {
        List<String> texts = List.of("v1", "v1|", "v1|x|00000000", "v2|a|b|00000000", "v1|2026-01-01|abc|ffffffff",
                "|||", "v1|\u0000|00000000");
        List<String> out = new ArrayList<>();
        for (String t : texts) {
            out.add(Base64.getUrlEncoder().withoutPadding().encodeToString(t.getBytes(StandardCharsets.UTF_8)));
        }
        out.add("AAAA");
        out.add("____");
        out.add("djF8");
        out.add(Base64.getUrlEncoder().withoutPadding().encodeToString(HexFormat.of().parseHex("C0AFFFFE")));
        return out;
    }

    private static int maxLength(Schema<?> s) {
        return s.getMaxLength() == null ? 64 : s.getMaxLength();
    }

    private static List<byte[]> utf8(List<String> values) {
        return values.stream().map(v -> v.getBytes(StandardCharsets.UTF_8)).toList();
    }
}
