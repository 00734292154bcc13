package org.changchun.layout.http;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.changchun.layout.query.InvalidQueryException;

/**
 * The response-format parameter of an endpoint: its name ({@code format}, {@code f}), the formats
 * the endpoint offers (every constant of {@code F}) and the one it answers in when the parameter is
 * absent. Values are compared ignoring case; an absent, empty or blank value means the default;
 * any other value is an {@link InvalidQueryException} (a 400) naming the parameter, the value and
 * the values offered. Immutable, so endpoints hold one in a constant.
 *
 * @param <F> the formats the endpoint offers
 */
public final class FormatParameter<F extends Enum<F> & ResponseFormat> {

    private final String name;
    private final F fallback;
    private final Map<String, F> byCode = new HashMap<>();
    /** Each format's first code, in declaration order, as errors list them. */
    private final List<String> offered = new ArrayList<>();

    private FormatParameter(String name, Class<F> formats, F fallback) {
        this.name = name;
        this.fallback = fallback;
        for (F format : EnumSet.allOf(formats)) {
            offered.add(format.codes().get(0));
            for (String code : format.codes()) {
                if (byCode.put(code.toLowerCase(Locale.ROOT), format) != null) {
                    throw new IllegalArgumentException("two formats of " + formats + " answer to '" + code + "'");
                }
            }
        }
    }

    /**
     * @param name     the query parameter, as errors name it
     * @param formats  the formats offered
     * @param fallback the format of an answer to a request without the parameter
     */
    public static <F extends Enum<F> & ResponseFormat> FormatParameter<F> of(String name, Class<F> formats,
                                                                             F fallback) {
        return new FormatParameter<>(name, formats, fallback);
    }

    /** The format the value asks for, or the default when it is absent or blank. */
    public F parse(String value) {
        return given(value).orElse(fallback);
    }

    /**
     * The format the value asks for, or empty when it is absent or blank: for endpoints that then
     * look elsewhere, such as at the Accept header.
     */
    public Optional<F> given(String value) {
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        F format = byCode.get(value.toLowerCase(Locale.ROOT));
        if (format == null) {
            throw new InvalidQueryException(
                    "不支持的格式：" + name + "=" + value + "（可用：" + String.join("、", offered) + "）",
                    "unsupported format: " + name + "=" + value + "; use one of " + String.join(", ", offered));
        }
        return Optional.of(format);
    }
}
