package org.changchun.layout.formats;

import java.nio.file.Path;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.geojson.GeoJsonReader;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A GeoJSON FeatureCollection (RFC 7946, or the 2008 form with a {@code crs} member naming an
 * EPSG code, as GDAL writes for projected data), streamed: one feature in memory at a time, in
 * two passes, the first for the fields, geometry type, extent and count. The feature {@code id}
 * is not kept: features are numbered by their place, as a shapefile's records are.
 */
public final class GeoJsonSource extends InferredSource {

    /** Reads one feature at a time from a parser that goes on past it. */
    private static final JsonMapper JSON = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS).build();
    private static final Pattern EPSG = Pattern.compile("(?i)(?:urn:ogc:def:crs:EPSG:[0-9.]*:|EPSG:+)([0-9]{4,5})");
    private static final Pattern CRS84 = Pattern.compile("(?i)urn:ogc:def:crs:OGC:[0-9.]*:CRS84|.*/OGC/1\\.3/CRS84");

    private final Path file;
    private DeclaredCrs crs;
    /** The parser of the latest pass, closed with the source when the pass was left unfinished. */
    private JsonParser reading;

    private GeoJsonSource(Path file) {
        super(false);
        this.file = file;
    }

    /** Reads the file once to learn its fields, geometry type, extent, count and coordinate system. */
    public static GeoJsonSource open(Path file) {
        GeoJsonSource source = new GeoJsonSource(file);
        source.crs = DeclaredCrs.epsg(4326, "GeoJSON 没有 crs 成员：按 RFC 7946 为 WGS 84 经纬度",
                "the GeoJSON has no crs member: WGS 84 lon/lat, as RFC 7946 says");
        source.pass(new Visitor() {
            @Override
            public void crs(JsonNode member) {
                source.crs = declared(member);
            }

            @Override
            public void feature(int index, Geometry geometry, Map<String, Object> properties) {
                source.count++;
                source.geometry.observe(geometry);
                properties.forEach(source.fields::observe);
            }
        });
        return source;
    }

    /** What the file says of its coordinates: its crs member, or RFC 7946's WGS 84 when it has none. */
    public DeclaredCrs crs() {
        return crs;
    }





    @Override
    public Iterator<SourceRecord> records() {
        startReading();
        reading = JSON.createParser(file.toFile());
        return new Cursor(reading);
    }


    @Override
    public void close() {
        if (reading != null) {
            reading.close();
        }
    }

    private interface Visitor {
        void crs(JsonNode member);

        void feature(int index, Geometry geometry, Map<String, Object> properties);
    }

    /** For the second pass, which knows the collection's members from the first. */
    private static final Visitor IGNORE = new Visitor() {
        @Override
        public void crs(JsonNode member) {
        }

        @Override
        public void feature(int index, Geometry geometry, Map<String, Object> properties) {
        }
    };

    private void pass(Visitor visitor) {
        try (JsonParser parser = JSON.createParser(file.toFile())) {
            toFeatures(parser, visitor);
            int index = 0;
            while (parser.nextToken() == JsonToken.START_OBJECT) {
                JsonNode feature = JSON.readTree(parser);
                visitor.feature(index, geometryOf(feature, index), properties(feature));
                index++;
            }
            // members after the features (a crs written last) still count
            while (parser.nextToken() == JsonToken.PROPERTY_NAME) {
                member(parser, visitor);
            }
        } catch (JacksonException e) {
            throw unreadable(e);
        }
    }

    /** Moves the parser into the features array, reading the members before it. */
    private static void toFeatures(JsonParser parser, Visitor visitor) {
        if (parser.nextToken() != JsonToken.START_OBJECT) {
            throw notACollection();
        }
        while (parser.nextToken() == JsonToken.PROPERTY_NAME) {
            if ("features".equals(parser.currentName())) {
                if (parser.nextToken() != JsonToken.START_ARRAY) {
                    throw notACollection();
                }
                return;
            }
            member(parser, visitor);
        }
        throw notACollection();
    }

    private static void member(JsonParser parser, Visitor visitor) {
        String name = parser.currentName();
        parser.nextToken();
        if ("crs".equals(name)) {
            visitor.crs(JSON.readTree(parser));
        } else if ("type".equals(name) && !"FeatureCollection".equals(parser.getString())) {
            throw notACollection();
        } else {
            parser.skipChildren();
        }
    }

    private final class Cursor implements Iterator<SourceRecord> {

        private final JsonParser parser;
        private boolean started;
        private SourceRecord pending;
        private int index;

        Cursor(JsonParser parser) {
            this.parser = parser;
        }

        @Override
        public boolean hasNext() {
            if (pending != null) {
                return true;
            }
            try {
                if (!started) {
                    started = true;
                    toFeatures(parser, IGNORE);
                }
                if (parser.isClosed() || parser.nextToken() != JsonToken.START_OBJECT) {
                    parser.close();
                    return false;
                }
                JsonNode feature = JSON.readTree(parser);
                pending = new SourceRecord(index, geometry.fit(geometryOf(feature, index)),
                        fields.values(properties(feature)));
                index++;
                return true;
            } catch (JacksonException e) {
                parser.close();
                throw unreadable(e);
            }
        }

        @Override
        public SourceRecord next() {
            if (!hasNext()) {
                throw new NoSuchElementException();
            }
            SourceRecord record = pending;
            pending = null;
            return record;
        }
    }

    private static Geometry geometryOf(JsonNode feature, int index) {
        JsonNode node = feature.get("geometry");
        if (node == null || node.isNull()) {
            return null;
        }
        try {
            return new GeoJsonReader(new GeometryFactory()).read(node.toString());
        } catch (ParseException | RuntimeException e) {
            throw new UnreadableSourceException("第 " + (index + 1) + " 个要素的几何无法读取：" + e.getMessage(),
                    "the geometry of feature " + (index + 1) + " cannot be read: " + e.getMessage());
        }
    }

    private static Map<String, Object> properties(JsonNode feature) {
        Map<String, Object> values = new LinkedHashMap<>();
        JsonNode properties = feature.get("properties");
        if (properties == null || !properties.isObject()) {
            return values;
        }
        for (Map.Entry<String, JsonNode> property : properties.properties()) {
            JsonNode value = property.getValue();
            Object plain;
            if (value.isNull()) {
                plain = null;
            } else if (value.isBoolean()) {
                plain = value.booleanValue();
            } else if (value.isIntegralNumber() && value.canConvertToLong()) {
                plain = value.longValue();
            } else if (value.isNumber()) {
                plain = value.doubleValue();
            } else if (value.isString()) {
                plain = value.stringValue();
            } else {
                plain = value.toString();
            }
            values.put(property.getKey(), plain);
        }
        return values;
    }

    /** The 2008 GeoJSON crs member: a name such as "EPSG:4530" or its URN, or the older {"type":"EPSG"} form. */
    private static DeclaredCrs declared(JsonNode member) {
        JsonNode properties = member.path("properties");
        String name = properties.path("name").asString("");
        if ("EPSG".equalsIgnoreCase(member.path("type").asString("")) && properties.path("code").canConvertToInt()) {
            name = "EPSG:" + properties.path("code").asInt();
        }
        String whereZh = "GeoJSON 的 crs 成员写明“" + name + "”";
        String whereEn = "the GeoJSON's crs member names \"" + name + "\"";
        if (CRS84.matcher(name).matches()) {
            return DeclaredCrs.epsg(4326, whereZh, whereEn);
        }
        Matcher epsg = EPSG.matcher(name);
        if (epsg.matches()) {
            return DeclaredCrs.epsg(Integer.parseInt(epsg.group(1)), whereZh, whereEn);
        }
        return DeclaredCrs.none(whereZh + "，无法识别", whereEn + ", which is not a coordinate system this service recognises");
    }

    private static UnreadableSourceException notACollection() {
        return new UnreadableSourceException("不是 GeoJSON 要素集合（须为 {\"type\": \"FeatureCollection\", \"features\": [...]}）",
                "not a GeoJSON FeatureCollection ({\"type\": \"FeatureCollection\", \"features\": [...]} is needed)");
    }

    private static UnreadableSourceException unreadable(JacksonException e) {
        String where = e.getLocation() == null ? "" : "（第 " + e.getLocation().getLineNr() + " 行，第 "
                + e.getLocation().getColumnNr() + " 列）";
        String whereEn = e.getLocation() == null ? "" : " (line " + e.getLocation().getLineNr() + ", column "
                + e.getLocation().getColumnNr() + ")";
        return new UnreadableSourceException("GeoJSON 无法解析" + where + "：" + e.getOriginalMessage(),
                "the GeoJSON cannot be parsed" + whereEn + ": " + e.getOriginalMessage());
    }
}
