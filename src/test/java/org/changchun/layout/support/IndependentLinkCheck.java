package org.changchun.layout.support;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Computes, outside the service, which plan polygons each project intersects: the raw GeoJSON
 * of {@code gis-data/} goes straight into a fresh PostGIS database with
 * {@code ST_GeomFromGeoJSON}, and PostGIS's own {@code ST_Intersects}/{@code ST_Within} decide.
 * None of the service's reading, storing or linking code takes part.
 */
public final class IndependentLinkCheck {

    private IndependentLinkCheck() {
    }

    /**
     * @return for each project id, its links as "layer/feature/relation" strings
     */
    public static Map<String, Set<String>> expectedProjectLinks(Path gisData) throws IOException, SQLException {
        TestPostgis.Database database = load(gisData);
        try (Connection connection = database.connect()) {
            Map<String, Set<String>> links = new TreeMap<>();
            try (Statement statement = connection.createStatement();
                 ResultSet rows = statement.executeQuery("""
                         SELECT p.id, t.layer, t.id, CASE WHEN ST_Within(p.geom, t.geom) THEN 'within' ELSE 'intersects' END
                         FROM raw p JOIN raw t ON ST_Intersects(p.geom, t.geom)
                         WHERE p.kind = 'projects' AND t.kind = 'plan-area'""")) {
                while (rows.next()) {
                    links.computeIfAbsent(rows.getString(1), k -> new TreeSet<>())
                            .add(rows.getString(2) + "/" + rows.getString(3) + "/" + rows.getString(4));
                }
            }
            try (Statement statement = connection.createStatement();
                 ResultSet rows = statement.executeQuery("SELECT id FROM raw WHERE kind = 'projects'")) {
                while (rows.next()) {
                    links.computeIfAbsent(rows.getString(1), k -> new TreeSet<>());
                }
            }
            return links;
        }
    }

    /**
     * The projects within a distance of a plan feature, by PostGIS on the WGS84 spheroid
     * ({@code ST_DWithin} on geography).
     */
    public static Set<String> projectsNear(Path gisData, String layer, String feature, double metres)
            throws IOException, SQLException {
        TestPostgis.Database database = load(gisData);
        try (Connection connection = database.connect();
             PreparedStatement query = connection.prepareStatement("""
                     SELECT p.id FROM raw p JOIN raw t ON ST_DWithin(p.geom::geography, t.geom::geography, ?)
                     WHERE p.kind = 'projects' AND t.layer = ? AND t.id = ?""")) {
            query.setDouble(1, metres);
            query.setString(2, layer);
            query.setString(3, feature);
            Set<String> ids = new TreeSet<>();
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    ids.add(rows.getString(1));
                }
            }
            return ids;
        }
    }

    /**
     * A fresh PostGIS database holding the raw GeoJSON of every layer in one table
     * {@code raw (layer, kind, id, geom)}, for answers computed by PostGIS alone.
     */
    public static TestPostgis.Database raw(Path gisData) throws IOException, SQLException {
        return load(gisData);
    }

    private static TestPostgis.Database load(Path gisData) throws IOException, SQLException {
        JsonMapper json = JsonMapper.builder().build();
        JsonNode manifest = json.readTree(Files.readString(gisData.resolve("layers.json")));
        TestPostgis.Database database = TestPostgis.instance().newDatabase();
        try (Connection connection = database.connect()) {
            try (Statement statement = connection.createStatement()) {
                statement.execute("CREATE TABLE raw (layer text, kind text, id text, geom geometry(Geometry, 4326))");
            }
            try (PreparedStatement insert = connection.prepareStatement(
                    "INSERT INTO raw VALUES (?, ?, ?, ST_SetSRID(ST_GeomFromGeoJSON(?), 4326))")) {
                for (JsonNode layer : manifest.get("layers")) {
                    JsonNode collection = json.readTree(Files.readString(gisData.resolve(layer.get("file").asString())));
                    for (JsonNode feature : collection.get("features")) {
                        insert.setString(1, layer.get("id").asString());
                        insert.setString(2, layer.get("kind").asString());
                        insert.setString(3, feature.get("id").asString());
                        insert.setString(4, feature.get("geometry").toString());
                        insert.addBatch();
                    }
                }
                insert.executeBatch();
            }
        }
        return database;
    }
}
