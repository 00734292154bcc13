package org.changchun.layout.http;

import java.util.List;
import java.util.Locale;

/**
 * A format an endpoint can answer in, as its format parameter ({@code format=}, {@code f=}) names
 * it. Implemented by enums, one per endpoint or family of endpoints, holding exactly the formats
 * offered there, so a {@code switch} over the parsed value needs no branch for the rest.
 */
public interface ResponseFormat {

    /** The constant's name; an enum implements this itself. */
    String name();

    /**
     * The parameter values that ask for this format, in lower case; the first is the one
     * documentation and error messages show. By default the constant's name in lower case.
     */
    default List<String> codes() {
        return List.of(name().toLowerCase(Locale.ROOT));
    }
}
