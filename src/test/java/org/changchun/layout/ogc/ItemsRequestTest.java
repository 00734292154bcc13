package org.changchun.layout.ogc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import org.changchun.layout.geo.ApiCrs;
import org.changchun.layout.query.Expression;
import org.changchun.layout.query.Filter;
import org.changchun.layout.query.InvalidQueryException;
import org.changchun.layout.feature.FieldSpec;
import org.changchun.layout.feature.FieldType;
import org.changchun.layout.feature.LayerDescription;
import org.changchun.layout.feature.LayerInfo;
import org.changchun.layout.feature.LayerKind;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Envelope;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

class ItemsRequestTest {

    private static final LayerInfo WITH_DATE = layer(List.of(
            new FieldSpec("name_zh", FieldType.STRING, null, null),
            new FieldSpec("approved_on", FieldType.DATE, null, null)));
    private static final LayerInfo WITHOUT_DATE = layer(List.of(new FieldSpec("name_zh", FieldType.STRING, null, null)));

    @Test
    void datetimeFiltersOnTheFirstDateField() {
        Expression date = new Expression.Property("approved_on");
        assertThat(parse(WITH_DATE, "datetime", "2023-05-01").query().filter()).isEqualTo(new Filter.And(List.of(
                new Filter.Comparison(date, Filter.ComparisonOperator.GREATER_OR_EQUAL,
                        new Expression.Literal(LocalDate.of(2023, 5, 1))),
                new Filter.Comparison(date, Filter.ComparisonOperator.LESS_OR_EQUAL,
                        new Expression.Literal(LocalDate.of(2023, 5, 1))))));
        assertThat(parse(WITH_DATE, "datetime", "../2022-12-31T10:00:00Z").query().filter()).isEqualTo(new Filter.And(
                List.of(new Filter.Comparison(date, Filter.ComparisonOperator.LESS_OR_EQUAL,
                        new Expression.Literal(LocalDate.of(2022, 12, 31))))));
        assertThat(parse(WITHOUT_DATE, "datetime", "2023-05-01").query().filter()).isNull();
        assertThatThrownBy(() -> parse(WITH_DATE, "datetime", "2023/05/01/x")).isInstanceOf(InvalidQueryException.class);
        assertThatThrownBy(() -> parse(WITH_DATE, "datetime", "..")).isInstanceOf(InvalidQueryException.class);
    }

    @Test
    void readsBoxesInTheirCrsAndAxisOrder() {
        assertThat(parse(WITHOUT_DATE, "bbox", "125,43,126,44").query().bbox()).contains(new Envelope(125, 126, 43, 44));
        ItemsRequest latLon = parse(WITHOUT_DATE, "bbox", "43,125,44,126", "bbox-crs", ApiCrs.CGCS2000.uri());
        assertThat(latLon.query().bbox()).contains(new Envelope(125, 126, 43, 44));
        Envelope mercator = parse(WITHOUT_DATE, "bbox", "13914936.35,5311971.85,14026255.84,5465442.18",
                "bbox-crs", ApiCrs.WEB_MERCATOR.uri()).query().bbox().orElseThrow();
        assertThat(mercator.getMinX()).isCloseTo(125, org.assertj.core.data.Offset.offset(1e-6));
        assertThat(mercator.getMaxY()).isCloseTo(44, org.assertj.core.data.Offset.offset(1e-6));
        assertThat(parse(WITHOUT_DATE, "bbox", "125,43,0,126,44,100").query().bbox()).contains(new Envelope(125, 126, 43, 44));
    }

    @Test
    void refusesBoxesOutsideTheirCrsValidArea() {
        assertThat(refusal("bbox", "-1e308,-1e308,1e308,1e308", "bbox-crs", ApiCrs.WEB_MERCATOR.uri()).messageEn())
                .isEqualTo("invalid bbox '-1e308,-1e308,1e308,1e308': it is outside the valid area of bbox-crs "
                        + "EPSG:3857: x and y within ±20037508.34 metres");
        assertThat(refusal("bbox", "125,43,181,44").messageEn())
                .endsWith("outside the valid area of bbox-crs CRS84: longitude -180..180, latitude -90..90");
        assertThat(refusal("bbox", "125,43,126,44", "bbox-crs", ApiCrs.WGS84_LAT_LON.uri()).messageEn())
                .endsWith("EPSG:4326 (latitude first): latitude -90..90, longitude -180..180");
        assertThat(refusal("bbox", "125,43,NaN,44").messageEn()).isEqualTo("parameter 'bbox' must be a finite number, got 'NaN'");
        assertThat(parse(WITHOUT_DATE, "bbox", "-20037508.34,-20037508.34,20037508.34,20037508.34",
                "bbox-crs", ApiCrs.WEB_MERCATOR.uri()).query().bbox()).isPresent();
    }

    @Test
    void refusesFilterLiteralsOutsideTheFilterCrs() {
        String polygon = "S_INTERSECTS(geometry, POLYGON((0 0, 1e308 0, 1e308 1e308, 0 0)))";
        assertThat(refusal("filter", polygon).messageEn()).contains("(1e308 0)", "CRS84");
        assertThat(parse(WITHOUT_DATE, "filter", "S_INTERSECTS(geometry, POINT(13914936.35 5311971.85))",
                "filter-crs", ApiCrs.WEB_MERCATOR.uri()).query().filter()).isNotNull();
        assertThat(refusal("filter", "S_INTERSECTS(geometry, POINT(125.3 43.9))",
                "filter-crs", ApiCrs.CGCS2000.uri()).messageEn()).contains("(125.3 43.9)", "EPSG:4490");
    }

    @Test
    void turnsQueryablesIntoEqualityFilters() {
        assertThat(parse(WITHOUT_DATE, "name_zh", "双阳区").query().filter()).isEqualTo(new Filter.Comparison(
                new Expression.Property("name_zh"), Filter.ComparisonOperator.EQUAL, new Expression.Literal("双阳区")));
    }

    private static InvalidQueryException refusal(String... namesAndValues) {
        try {
            ItemsRequest request = parse(WITHOUT_DATE, namesAndValues);
            throw new AssertionError("not refused: " + request);
        } catch (InvalidQueryException e) {
            return e;
        }
    }

    private static ItemsRequest parse(LayerInfo layer, String... namesAndValues) {
        MultiValueMap<String, String> parameters = new LinkedMultiValueMap<>();
        for (int i = 0; i + 1 < namesAndValues.length; i += 2) {
            parameters.add(namesAndValues[i], namesAndValues[i + 1]);
        }
        return ItemsRequest.parse(layer, parameters, "application/geo+json",
                new org.changchun.layout.limits.LimitsProperties(40, 20_000, org.springframework.util.unit.DataSize.ofMegabytes(16)));
    }

    private static LayerInfo layer(List<FieldSpec> fields) {
        return new LayerInfo(new LayerDescription("test", LayerKind.IMPORTED, "测试", "Test", null, null, null, null,
                null), 1, 1, "Point", 0, new Envelope(), fields, null, null, null, null);
    }
}
