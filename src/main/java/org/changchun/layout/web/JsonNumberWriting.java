package org.changchun.layout.web;

import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.stereotype.Component;
import tools.jackson.core.StreamWriteFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Decimal numbers in the service's JSON are written with Jackson's Schubfach writer instead of the
 * JDK's {@code Double.toString}. A page of a thousand features has a thousand or more decimal
 * properties (investment, area, length), and the JDK's conversion was the largest single cost of
 * writing one: a tenth of the request thread's time for a page of points (JFR, docs/benchmarks.md,
 * "OGC API items"). Both write the shortest digits that read back as the same double, in the same
 * notation (JDK 17's {@code Double.toString} now and then one digit more).
 */
@Component
class JsonNumberWriting implements JsonMapperBuilderCustomizer {

    @Override
    public void customize(JsonMapper.Builder builder) {
        builder.enable(StreamWriteFeature.USE_FAST_DOUBLE_WRITER);
    }
}
