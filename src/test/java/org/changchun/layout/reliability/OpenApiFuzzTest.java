package org.changchun.layout.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.changchun.layout.support.Http;
import org.changchun.layout.support.OpenApiContract;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * Requests generated from the OpenAPI document, a bounded number per operation with a fixed
 * seed so a failure can be replayed: each documented parameter present or not, with a value
 * that fits its schema, one at its bounds or beyond, or garbage; any caller from anonymous to
 * admin; bodies of each documented type, broken ones and ones of the wrong type. Never a server
 * error, and every answer one the document declares for that operation: status, media type,
 * headers and body. Run on each store by the subclasses.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "plan.security.users[0].name=editor",
    "plan.security.users[0].password={noop}editor-secret",
    "plan.security.users[0].roles=EDITOR",
    "plan.security.users[1].name=admin",
    "plan.security.users[1].password={noop}admin-secret",
    "plan.security.users[1].roles=ADMIN",
    "plan.security.users[2].name=reader",
    "plan.security.users[2].password={noop}reader-secret",
    "plan.security.users[2].roles=READER",
    "plan.limits.max-body=64KB"})
abstract class OpenApiFuzzTest {

    private static final long SEED = 20261206L;
    private static final int REQUESTS_PER_OPERATION = 24;

    private static final String EDITOR = Http.basic("editor", "editor-secret");
    private static final String ADMIN = Http.basic("admin", "admin-secret");
    private static final List<String> CALLERS = List.of("", "", "", "", "", EDITOR, EDITOR, ADMIN, ADMIN,
            Http.basic("reader", "reader-secret"), Http.basic("editor", "wrong"), "Basic !!!", "Bearer nothing");
    private static final List<String> ACCEPTS = List.of("application/json", "application/geo+json", "text/html",
            "*/*", "text/csv", "image/png", "application/problem+json", "text/html;q=0.1, application/json");
    private static final List<String> CRS = List.of("http://www.opengis.net/def/crs/OGC/1.3/CRS84",
            "http://www.opengis.net/def/crs/EPSG/0/4326", "http://www.opengis.net/def/crs/EPSG/0/4490",
            "http://www.opengis.net/def/crs/EPSG/0/3857", "EPSG:4326", "http://www.opengis.net/def/crs/EPSG/0/9999");
    private static final List<String> FILTERS = List.of("name_zh LIKE '%区'", "adcode = '220102'",
            "S_INTERSECTS(geometry, POLYGON((125 43, 126 43, 126 44, 125 43)))", "start_year BETWEEN 2020 AND 2025",
            "CASEI(name_en) = 'nanguan district'", "S_WITHIN(geometry, BBOX(124, 43, 127, 46)) OR id IS NULL",
            "name_zh IN ('双阳区', '九台区')", "nothing = 1", "start_year > 'text'", "((((", "S_CROSSES(geometry, POINT(1e400 2))");
    private static final List<String> POLYGONS = List.of(
            "{\"type\":\"Polygon\",\"coordinates\":[[[125.2,43.8],[125.4,43.8],[125.4,43.95],[125.2,43.95],[125.2,43.8]]]}",
            "{\"type\":\"Feature\",\"properties\":{},\"geometry\":{\"type\":\"MultiPolygon\",\"coordinates\":"
                    + "[[[[125,43.5],[126,43.5],[126,44.5],[125,43.5]]]]}}",
            "{\"type\":\"Polygon\",\"coordinates\":[[[125,43],[126,44],[125,44],[126,43],[125,43]]]}",
            "{\"type\":\"Point\",\"coordinates\":[125.3,43.9]}", "{\"type\":\"Polygon\",\"coordinates\":[]}",
            "{\"type\":\"Polygon\",\"coordinates\":[[[500,43],[126,95],[125,44],[500,43]]]}", "[]", "null", "{");

    @LocalServerPort
    int port;

    Http http;
    OpenApiContract contract;

    /** Real values of the running service, so that a good share of requests reach past the 404s. */
    final Map<String, List<String>> known = new LinkedHashMap<>();

    @BeforeEach
    void client() {
        http = new Http(port);
        contract = OpenApiContract.of(http);
        known.put("layer", List.of("districts", "agri-belts", "major-zones", "corridors", "dev-zones",
                "regional-zones", "regional-corridors", "sites", "eco-redline-sample", "projects"));
        known.put("city", List.of("automobile", "agriculture", "dual-carbon", "sci-tech", "consumption", "culture"));
        known.put("district", ids("districts"));
        known.put("project", ids("projects"));
        known.put("zone", ids("dev-zones"));
        List<String> indicators = new ArrayList<>();
        http.get("/api/indicators").json().get("indicators").forEach(i -> indicators.add(i.get("id").asString()));
        known.put("indicator", indicators);
    }

    @Test
    void generatedRequestsGetDocumentedAnswersAndNeverAServerError() {
        Random random = new Random(SEED);
        byte[] shapefiles = http.get("/api/layers/dev-zones/export?format=shp").bytes();
        List<OpenApiContract.Operation> operations = new ArrayList<>(contract.operations());
        operations.sort(Comparator.comparing(OpenApiContract.Operation::toString));
        List<String> failures = new ArrayList<>();
        Map<Integer, Integer> statuses = new TreeMap<>();
        int requests = 0;
        long started = System.nanoTime();
        for (OpenApiContract.Operation operation : operations) {
            for (int i = 0; i < REQUESTS_PER_OPERATION; i++) {
                Generated request = generate(operation, random, shapefiles);
                Http.Response response = request.send(http);
                requests++;
                statuses.merge(response.status(), 1, Integer::sum);
                String replay = operation + " #" + i + ": " + request + " → " + response.status() + " "
                        + response.contentType();
                if (response.status() >= 500) {
                    failures.add(replay + ": server error " + response.body());
                }
                List<String> problems = contract.problems(operation.method(), request.path(), response);
                if (!problems.isEmpty()) {
                    failures.add(replay + ": " + problems);
                }
            }
        }
        System.out.printf("OpenAPI fuzz: %d requests over %d operations in %d s, by status %s%n", requests,
                operations.size(), (System.nanoTime() - started) / 1_000_000_000L, statuses);
        assertThat(failures).as("answers that are server errors or that the document does not declare").isEmpty();
    }

    // --- generating requests ---------------------------------------------------------------------

    /** A request as generated, enough to send and to replay it. */
    record Generated(String method, String path, String query, Map<String, String> headers, String body,
                     String contentType, byte[] upload, Map<String, String> fields) {

        Http.Response send(Http http) {
            String target = query.isEmpty() ? path : path + "?" + query;
            List<String> pairs = new ArrayList<>();
            headers.forEach((name, value) -> {
                pairs.add(name);
                pairs.add(value);
            });
            String[] headerPairs = pairs.toArray(String[]::new);
            if (upload != null) {
                return http.upload(target, "fuzz.zip", upload, fields, headerPairs);
            }
            return http.send(method, target, body, contentType, headerPairs);
        }

        @Override
        public String toString() {
            return method + " " + path + (query.isEmpty() ? "" : "?" + query) + " " + headers
                    + (contentType == null ? "" : " [" + contentType + "] ")
                    + (body == null ? "" : body.length() > 200 ? body.substring(0, 200) + "…" : body)
                    + (upload == null ? "" : " upload of " + upload.length + " bytes " + fields);
        }
    }

    private Generated generate(OpenApiContract.Operation operation, Random random, byte[] shapefiles) {
        String path = operation.path();
        List<String> query = new ArrayList<>();
        Map<String, String> headers = new LinkedHashMap<>();
        for (JsonNode parameter : operation.parameters()) {
            String name = parameter.get("name").asString();
            String in = parameter.get("in").asString();
            boolean required = parameter.path("required").asBoolean(false);
            switch (in) {
                case "path" -> path = path.replace("{" + name + "}",
                        encodePath(pathValue(operation, name, random)));
                case "query" -> {
                    if (required ? random.nextInt(10) > 0 : random.nextBoolean()) {
                        if (name.equals("queryables")) {
                            query.add(queryables(random));
                        } else {
                            query.add(encode(name) + "=" + encode(queryValue(name, parameter.get("schema"), random)));
                        }
                    }
                }
                case "header" -> {
                    if (!name.equalsIgnoreCase("Accept") && random.nextBoolean()) {
                        headers.put(name, name.equals("Content-Crs") ? "<" + pick(CRS, random) + ">" : headerGarbage(random));
                    }
                }
                default -> {
                    // cookies: the session is fuzzed through its own form
                }
            }
        }
        if (random.nextInt(3) == 0) {
            query.add(encode(garbage(random)) + "=" + encode(garbage(random)));
        }
        // operations that need a role mostly get a caller with it, so that they reach past the 401s
        String caller = operation.needsSignIn() && random.nextInt(10) < 7
                ? (operation.path().startsWith("/api/admin") ? ADMIN : EDITOR) : pick(CALLERS, random);
        if (!caller.isEmpty()) {
            headers.put("Authorization", caller);
        } else if (random.nextInt(8) == 0) {
            headers.put("X-API-Key", random.nextBoolean() ? "ccp_nothing_secret" : headerGarbage(random));
        }
        if (random.nextInt(3) == 0) {
            headers.put("Accept", pick(ACCEPTS, random));
        }
        if (random.nextInt(6) == 0) {
            headers.put("If-None-Match", random.nextBoolean() ? "*" : "\"" + random.nextInt(20) + "\"");
        }
        String queryText = String.join("&", query);
        List<String> bodyTypes = operation.bodyTypes();
        boolean figures = operation.path().startsWith("/api/indicators");
        if (bodyTypes.contains("multipart/form-data") && (!figures || random.nextBoolean())) {
            return figures
                    ? new Generated(operation.method(), path, queryText, headers, null, null, table(random),
                            tableFields(random))
                    : new Generated(operation.method(), path, queryText, headers, null, null,
                            random.nextInt(4) == 0 ? garbageBytes(random) : mutate(shapefiles, random),
                            path.startsWith("/api/compliance") ? siteFields(random) : importFields(random));
        }
        bodyTypes = bodyTypes.stream().filter(type -> !type.equals("multipart/form-data")).toList();
        if (bodyTypes.isEmpty()) {
            return new Generated(operation.method(), path, queryText, headers, null, null, null, null);
        }
        String contentType = random.nextInt(8) == 0 ? pick(List.of("text/plain", "application/xml"), random)
                : pick(bodyTypes, random);
        return new Generated(operation.method(), path, queryText, headers, body(operation.path(), contentType, random),
                contentType, null, null);
    }

    private String pathValue(OpenApiContract.Operation operation, String name, Random random) {
        if (random.nextInt(5) == 0) {
            return garbage(random);
        }
        String template = operation.path();
        boolean edit = !operation.method().equals("GET");
        return switch (name) {
            case "collectionId" -> edit && random.nextInt(10) < 7 ? "projects" : pick(known.get("layer"), random);
            case "featureId" -> pick(random.nextBoolean() ? known.get("project") : known.get("district"), random);
            case "adcode" -> pick(known.get("district"), random);
            case "version" -> String.valueOf(random.nextInt(12) - 1);
            case "tileMatrixSetId" -> random.nextInt(6) == 0 ? "WorldCRS84Quad" : "WebMercatorQuad";
            case "z" -> String.valueOf(random.nextInt(26) - 1);
            case "x", "y" -> String.valueOf(random.nextBoolean() ? random.nextInt(300) - 2 : random.nextInt());
            case "username" -> pick(List.of("editor", "fuzz-user", "admin"), random);
            case "year" -> String.valueOf(1995 + random.nextInt(110));
            case "area" -> random.nextInt(4) == 0 ? "220100" : pick(known.get("district"), random);
            case "layer" -> pick(known.get("layer"), random);
            case "id" -> template.startsWith("/api/cities") ? pick(known.get("city"), random)
                    : template.startsWith("/api/indicators") ? pick(known.get("indicator"), random)
                    : template.startsWith("/api/layers") ? pick(known.get("layer"), random)
                    : template.startsWith("/api/projects") || template.startsWith("/api/compliance/projects")
                    ? pick(known.get("project"), random)
                    : garbage(random);
            default -> garbage(random);
        };
    }

    private String queryValue(String name, JsonNode schema, Random random) {
        if (random.nextInt(6) == 0) {
            return garbage(random);
        }
        if (schema != null && schema.has("enum")) {
            List<String> values = new ArrayList<>();
            schema.get("enum").forEach(value -> values.add(value.asString()));
            return pick(values, random);
        }
        return switch (name) {
            case "f" -> pick(List.of("json", "geojson", "html", "xml", "JSON"), random);
            case "format" -> pick(List.of("geojson", "json", "csv", "shp", "xml"), random);
            case "encoding" -> pick(List.of("UTF-8", "GBK", "GB18030", "latin1"), random);
            case "group" -> pick(List.of("city", "status", "district", "year"), random);
            case "mode" -> pick(List.of("within", "intersects", "near", "around"), random);
            case "layer", "source", "against" -> pick(known.get("layer"), random);
            case "city" -> random.nextInt(5) == 0 ? "city-wide" : pick(known.get("city"), random);
            case "indicator" -> pick(known.get("indicator"), random);
            case "area" -> pick(known.get("district"), random);
            case "industry" -> pick(List.of("新能源", "新装备", "新农业", "New tourism", "钢铁"), random);
            case "verdict" -> pick(List.of("compliant", "non-compliant,conditional", "不符合", "maybe"), random);
            case "feature" -> pick(random.nextBoolean() ? known.get("zone") : known.get("district"), random);
            case "bbox" -> pick(List.of("124,43,127,45", "125.2,43.7,125.5,44.0", "1,2,3", "127,45,124,43",
                    "-200,-100,200,100", "125,43,126,44,0,10", "NaN,1,2,3"), random);
            case "bbox-crs", "crs", "filter-crs" -> pick(CRS, random);
            case "datetime" -> pick(List.of("2021-01-01/2023-12-31", "../2022-12-31", "2022-06-01", "2022-13-45",
                    "2020-01-01T00:00:00Z/..", "../.."), random);
            case "properties" -> pick(List.of("name_zh,adcode", "name_zh", "nothing", ",,", "start_year,status"), random);
            case "sortby" -> pick(List.of("-start_year,name_zh", "+id", "name_zh", "nothing", "-"), random);
            case "filter" -> mutateText(pick(FILTERS, random), random);
            case "filter-lang" -> pick(List.of("cql2-text", "cql2-json"), random);
            case "lon" -> number(random, 125.3, 400);
            case "lat" -> number(random, 43.9, 200);
            case "tolerance", "distance" -> number(random, 500, 300_000);
            case "geometry", "dryRun" -> pick(List.of("true", "false", "yes"), random);
            default -> schemaValue(schema, random);
        };
    }

    /** A value from the schema: a number at or beyond its bounds, a boolean, or text. */
    private static String schemaValue(JsonNode schema, Random random) {
        String type = schema == null ? "string" : schema.path("type").asString("string");
        return switch (type) {
            case "integer", "number" -> {
                long minimum = schema.has("minimum") ? schema.get("minimum").asLong() : 0;
                long maximum = schema.has("maximum") ? schema.get("maximum").asLong() : 10_000;
                yield String.valueOf(switch (random.nextInt(5)) {
                    case 0 -> minimum - 1;
                    case 1 -> minimum;
                    case 2 -> maximum;
                    case 3 -> maximum + 1;
                    default -> minimum + (long) (random.nextDouble() * (maximum - minimum));
                });
            }
            case "boolean" -> random.nextBoolean() ? "true" : "false";
            default -> garbage(random);
        };
    }

    private String queryables(Random random) {
        return switch (random.nextInt(5)) {
            case 0 -> "adcode=" + encode(pick(known.get("district"), random));
            case 1 -> "name_zh=" + encode("南关区");
            case 2 -> "start_year=" + (random.nextBoolean() ? "2023" : "twenty");
            case 3 -> "id=" + encode(pick(known.get("project"), random));
            default -> encode(garbage(random)) + "=1";
        };
    }

    private String body(String template, String contentType, Random random) {
        String body;
        if (contentType.equals("application/x-www-form-urlencoded")) {
            body = pick(List.of("username=editor&password=editor-secret", "username=editor&password=wrong",
                    "username=&password=", "password=only"), random);
        } else if (template.startsWith("/api/coverage") || template.startsWith("/api/compliance/check")) {
            body = pick(POLYGONS, random);
        } else if (template.startsWith("/api/indicators")) {
            String indicator = pick(known.get("indicator"), random);
            String area = pick(known.get("district"), random);
            body = template.contains("{year}") ? pick(List.of("{\"value\": 12.5, \"source\": \"模糊测试公报\"}",
                    "{\"value\": 12.5, \"sample\": true}", "{\"value\": \"many\"}", "{\"value\": 1, \"unit\": \"克\"}",
                    "{\"value\": 1e999}", "{}", "[1]", "{\"value\": 1, \"year\": 2020}"), random)
                    : pick(List.of("{\"observations\": [{\"indicator\": \"" + indicator + "\", \"year\": 2024, \"area\": \""
                            + area + "\", \"value\": 3.5, \"sample\": true}]}",
                            "{\"observations\": [{\"indicator\": \"" + indicator + "\", \"year\": 2024, \"area\": \"全市\", "
                                    + "\"value\": 3.5, \"source\": \"公报\"}, {\"indicator\": \"nothing\"}]}",
                            "{\"observations\": []}", "{\"observations\": [1, null, \"x\"]}", "[]",
                            "{\"observations\": [{\"indicator\": \"" + indicator + "\", \"year\": 1e9, \"area\": 220100, "
                                    + "\"value\": true}]}"), random);
        } else if (template.startsWith("/api/admin/accounts")) {
            body = pick(List.of(
                    "{\"username\":\"fuzz-user\",\"password\":\"a long enough passphrase\",\"roles\":[\"EDITOR\"]}",
                    "{\"username\":\"fuzz-user\",\"password\":\"short\",\"roles\":[\"EDITOR\"]}",
                    "{\"username\":\"fuzz-user\",\"password\":\"a long enough passphrase\",\"roles\":[\"KING\"]}",
                    "{\"username\":\"fuzz-user\",\"roles\":[]}", "{\"username\":null}"), random);
        } else if (template.startsWith("/api/admin/keys")) {
            body = pick(List.of("{\"name\":\"fuzz\",\"roles\":[\"EDITOR\"]}", "{\"name\":\"\",\"roles\":[]}",
                    "{\"name\":\"fuzz\",\"roles\":[\"ROOT\"]}", "{\"roles\":\"EDITOR\"}"), random);
        } else if (contentType.contains("merge-patch")) {
            body = pick(List.of("{\"properties\":{\"name_en\":\"patched\"}}", "{\"properties\":{\"start_year\":\"x\"}}",
                    "{\"geometry\":{\"type\":\"Point\",\"coordinates\":[125.4,43.9]}}", "{\"properties\":null}",
                    "{\"geometry\":{\"type\":\"Point\",\"coordinates\":[1e999,43.9]}}", "[1,2]"), random);
        } else {
            String id = random.nextBoolean() ? "fuzz-" + random.nextInt(40) : pick(known.get("project"), random);
            body = pick(List.of(
                    "{\"type\":\"Feature\",\"id\":\"" + id + "\",\"geometry\":{\"type\":\"Point\",\"coordinates\":"
                            + "[125.3,43.88]},\"properties\":{\"name_zh\":\"模糊测试\",\"start_year\":2024}}",
                    "{\"type\":\"Feature\",\"geometry\":{\"type\":\"Polygon\",\"coordinates\":[[[125,43],[125.1,43],"
                            + "[125.1,43.1],[125,43]]]},\"properties\":{}}",
                    "{\"type\":\"Feature\",\"id\":\"" + id + "\",\"geometry\":null,\"properties\":{\"nothing\":1}}",
                    "{\"type\":\"FeatureCollection\",\"features\":[]}",
                    "{\"type\":\"Feature\",\"geometry\":{\"type\":\"Point\",\"coordinates\":[\"a\",\"b\"]}}"), random);
        }
        return random.nextInt(4) == 0 ? mutateText(body, random) : body;
    }

    private Map<String, String> siteFields(Random random) {
        Map<String, String> fields = new LinkedHashMap<>();
        if (random.nextInt(5) > 0) {
            fields.put("city", random.nextInt(6) == 0 ? "atlantis" : pick(known.get("city"), random));
        }
        if (random.nextBoolean()) {
            fields.put("industry", pick(List.of("新装备", "New energy", "钢铁"), random));
        }
        if (random.nextInt(4) == 0) {
            fields.put("srid", pick(List.of("4326", "4530", "-1", "many"), random));
        }
        return fields;
    }

    private static Map<String, String> importFields(Random random) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("layer", pick(List.of("fuzz-zones", "districts", "Bad Name", "fuzz-" + random.nextInt(5)), random));
        fields.put("dryRun", random.nextInt(4) == 0 ? "false" : "true");
        if (random.nextBoolean()) {
            fields.put("encoding", pick(List.of("GBK", "UTF-8", "KLINGON"), random));
        }
        if (random.nextBoolean()) {
            fields.put("srid", pick(List.of("4326", "4530", "-1", "many"), random));
        }
        if (random.nextInt(4) == 0) {
            fields.put("empty_geometries", pick(List.of("skip", "refuse", "explode"), random));
        }
        return fields;
    }

    /** A table of figures as an editor uploads it: good, with bad rows, in GBK, or not a table at all. */
    private byte[] table(Random random) {
        String indicator = pick(known.get("indicator"), random);
        String area = pick(known.get("district"), random);
        String text = pick(List.of(
                "指标,年份,区域,数值,来源\n" + indicator + ",2024," + area + ",12.5,模糊测试公报\n",
                "indicator,year,area,value,sample\n" + indicator + ",2024,全市,12.5,true\n" + indicator + ",2024,全市,13,true\n",
                "indicator,year,area,value\n" + indicator + ",twenty," + area + ",NaN\n",
                "indicator,year\n\"unclosed,2024\n", "", "\n\n"), random);
        byte[] bytes = text.getBytes(random.nextBoolean() ? StandardCharsets.UTF_8 : java.nio.charset.Charset.forName("GBK"));
        return random.nextInt(6) == 0 ? garbageBytes(random) : bytes;
    }

    private static Map<String, String> tableFields(Random random) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("dryRun", random.nextInt(3) == 0 ? "false" : pick(List.of("true", "yes"), random));
        if (random.nextInt(3) == 0) {
            fields.put("encoding", pick(List.of("GBK", "UTF-8", "KLINGON"), random));
        }
        return fields;
    }

    // --- values --------------------------------------------------------------------------------

    private List<String> ids(String collection) {
        List<String> ids = new ArrayList<>();
        http.get("/ogc/collections/" + collection + "/items?limit=100").json().get("features")
                .forEach(feature -> ids.add(feature.get("id").asString()));
        return ids;
    }

    private static String number(Random random, double typical, double wide) {
        return String.valueOf(switch (random.nextInt(4)) {
            case 0 -> typical;
            case 1 -> typical + (random.nextDouble() - 0.5) * typical / 10;
            case 2 -> (random.nextDouble() - 0.5) * 2 * wide;
            default -> -typical;
        });
    }

    /**
     * Text for the service to judge: letters, Chinese, signs, and what Tomcat or Spring Security's
     * firewall refuse before any controller (control characters, line separators, '\\', '%' and ';'
     * in paths), which must be answered as problem documents like any other refusal. Only '/' and
     * '.' are left out: in a path they name another resource rather than a bad value.
     */
    private static String garbage(Random random) {
        String alphabet = "abcXYZ019 _-,:'\"<>&=+$#@!*()[]{}|^~区长春\u00e9\u0001\u2028\\%;";
        StringBuilder text = new StringBuilder("g");
        for (int i = random.nextInt(30); i > 0; i--) {
            text.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return text.toString();
    }

    /** Garbage a header can carry: printable ASCII only, as HTTP clients send. */
    private static String headerGarbage(Random random) {
        return garbage(random).replaceAll("[^\\x21-\\x7e]", "x");
    }

    private static String mutateText(String text, Random random) {
        StringBuilder mutated = new StringBuilder(text);
        for (int edit = 0; edit <= random.nextInt(4); edit++) {
            int at = random.nextInt(mutated.length() + 1);
            switch (random.nextInt(3)) {
                case 0 -> mutated.insert(at, "(),'\"{}[]:0-e".charAt(random.nextInt(13)));
                case 1 -> {
                    if (at < mutated.length()) {
                        mutated.deleteCharAt(at);
                    }
                }
                default -> mutated.insert(at, mutated.substring(0, Math.min(mutated.length(), random.nextInt(12))));
            }
        }
        return mutated.toString();
    }

    private static byte[] mutate(byte[] zip, Random random) {
        byte[] mutated = zip.clone();
        for (int i = 0; i <= random.nextInt(3); i++) {
            mutated[random.nextInt(mutated.length)] = (byte) random.nextInt(256);
        }
        return random.nextInt(3) == 0 ? mutated : zip;
    }

    private static byte[] garbageBytes(Random random) {
        byte[] bytes = new byte[random.nextInt(500) + 1];
        random.nextBytes(bytes);
        return bytes;
    }

    private static <T> T pick(List<T> values, Random random) {
        return values.get(random.nextInt(values.size()));
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    private static String encodePath(String segment) {
        return encode(segment).replace("+", "%20");
    }
}
