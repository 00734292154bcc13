package org.changchun.layout.tiles.serving;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;

class AcceptEncodingTest {

    @Test
    void whatBrowsersQgisAndGdalSendAllowsGzip() {
        assertThat(allowsGzip("gzip, deflate, br, zstd")).isTrue();
        assertThat(allowsGzip("gzip, deflate")).isTrue();
        assertThat(allowsGzip("deflate, gzip")).isTrue();
        assertThat(allowsGzip("GZIP")).isTrue();
        assertThat(allowsGzip("x-gzip")).isTrue();
        assertThat(allowsGzip(" br ;q=1.0 , gzip ; q=0.5")).isTrue();
    }

    @Test
    void noHeaderOrOtherCodingsOnlyDoNot() {
        assertThat(allowsGzip()).isFalse();
        assertThat(allowsGzip("identity")).isFalse();
        assertThat(allowsGzip("br, deflate")).isFalse();
        assertThat(allowsGzip("")).isFalse();
    }

    @Test
    void aZeroWeightRefusesGzipEvenWhenStarAllowsTheRest() {
        assertThat(allowsGzip("gzip;q=0")).isFalse();
        assertThat(allowsGzip("gzip;q=0.000, br")).isFalse();
        assertThat(allowsGzip("*, gzip;q=0")).isFalse();
        assertThat(allowsGzip("gzip;q=0", "*")).as("over two header lines").isFalse();
    }

    @Test
    void starStandsForGzipWhenGzipIsNotNamed() {
        assertThat(allowsGzip("*")).isTrue();
        assertThat(allowsGzip("br, *;q=0.1")).isTrue();
        assertThat(allowsGzip("*;q=0")).isFalse();
        assertThat(allowsGzip("br", "gzip")).as("over two header lines").isTrue();
    }

    @Test
    void anUnreadableWeightRefusesTheCodingRatherThanFailing() {
        assertThat(allowsGzip("gzip;q=high")).isFalse();
        assertThat(allowsGzip("gzip;level=9")).as("a parameter that is not a weight").isTrue();
    }

    /** Whether a request with these {@code Accept-Encoding} lines, read as the API port reads it, allows gzip. */
    private static boolean allowsGzip(String... headers) {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/ogc/tiles/WebMercatorQuad/10/372/868");
        for (String header : headers) {
            request.addHeader("Accept-Encoding", header);
        }
        return AcceptEncoding.allowsGzip(ServletRequestView.INSTANCE.headers(request, "Accept-Encoding"));
    }
}
