package org.changchun.layout.tiles.serving;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;

class IfNoneMatchTest {

    private static final String ETAG = "\"0a1b2c3d4e5f60718293a4b5-10-372-868\"";

    @Test
    void theTileItselfMatches() {
        assertThat(IfNoneMatch.matches(request(ETAG), ETAG)).isTrue();
    }

    @Test
    void noHeaderOrAnotherTagDoesNot() {
        assertThat(IfNoneMatch.matches(request(), ETAG)).isFalse();
        assertThat(IfNoneMatch.matches(request("\"0a1b2c3d4e5f60718293a4b5-10-372-869\""), ETAG)).isFalse();
    }

    @Test
    void aListOrARepeatedHeaderMatchesWhenAnyOfItsTagsDoes() {
        // a cache holding several versions of the tile sends all their tags
        assertThat(IfNoneMatch.matches(request("\"old-1\", " + ETAG + ", \"old-2\""), ETAG)).isTrue();
        assertThat(IfNoneMatch.matches(request("\"old-1\"", ETAG), ETAG)).isTrue();
        assertThat(IfNoneMatch.matches(request("\"old-1\", \"old-2\""), ETAG)).isFalse();
    }

    @Test
    void comparisonIsWeakAndStarMatchesAnyTile() {
        assertThat(IfNoneMatch.matches(request("W/" + ETAG), ETAG)).isTrue();
        assertThat(IfNoneMatch.matches(request("*"), ETAG)).isTrue();
    }

    @Test
    void anUnquotedOrGarbledHeaderIsNoMatchNotAFailure() {
        assertThat(IfNoneMatch.matches(request("0a1b2c3d"), ETAG)).isFalse();
        assertThat(IfNoneMatch.matches(request("\"unterminated"), ETAG)).isFalse();
        assertThat(IfNoneMatch.matches(request(""), ETAG)).isFalse();
    }

    /** The {@code If-None-Match} values of a request with these header lines, read as the API port reads them. */
    private static List<String> request(String... ifNoneMatch) {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/ogc/tiles/WebMercatorQuad/10/372/868");
        for (String value : ifNoneMatch) {
            request.addHeader("If-None-Match", value);
        }
        return ServletRequestView.INSTANCE.headers(request, "If-None-Match");
    }
}
