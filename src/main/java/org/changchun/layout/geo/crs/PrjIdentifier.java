package org.changchun.layout.geo.crs;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.changchun.layout.geo.crs.GaussKrugerCodes.Datum;
import org.changchun.layout.geo.crs.GaussKrugerCodes.Gk;

/**
 * Maps the text of a .prj (ESRI WKT as ArcGIS and GDAL write it, or OGC WKT1) to an EPSG code.
 *
 * <ul>
 * <li>An {@code AUTHORITY["EPSG","4530"]} (or WKT2 {@code ID["EPSG",4530]}) on the outermost
 *     coordinate system decides directly; one on a nested GEOGCS does not.</li>
 * <li>Otherwise by parameters. Geographic: the datum (WGS 84 → 4326, CGCS2000 → 4490,
 *     Xi'an 1980 → 4610, Beijing 1954 → 4214), in degrees from Greenwich. Projected: Web
 *     Mercator by its names (WGS_1984_Web_Mercator_Auxiliary_Sphere, Mercator_Auxiliary_Sphere,
 *     Popular Visualisation Pseudo Mercator) → 3857; Gauss_Kruger or Transverse_Mercator with
 *     scale 1, latitude of origin 0, false northing 0, metres, on CGCS2000, Xi'an 1980 or
 *     Beijing 1954 → the zone form when the false easting carries the zone number, the CM form
 *     when it is 500,000 (see {@link GaussKrugerCodes}); WGS 84 with scale 0.9996 → UTM north.</li>
 * <li>A CM form has the same parameters in its 3-degree and 6-degree variants (a 6-degree
 *     central meridian is also a 3-degree one): the 6-degree code is chosen only when the name
 *     says Gauss-Kruger without "3 degree" (as in CGCS2000_GK_CM_123E), else the 3-degree code.
 *     Both define the same coordinates.</li>
 * <li>Anything else, or text that is not WKT: empty.</li>
 * </ul>
 */
public final class PrjIdentifier {

    /** The EPSG code, a readable name of the system, and how it was recognised (in Chinese and English). */
    public record Identified(int epsg, String name, String howZh, String howEn) {
    }

    private enum Geodetic {
        WGS84("WGS 84", 4326, null),
        CGCS2000("CGCS2000", 4490, Datum.CGCS2000),
        XIAN_1980("Xian 1980", 4610, Datum.XIAN_1980),
        BEIJING_1954("Beijing 1954", 4214, Datum.BEIJING_1954);

        final String label;
        final int epsg;
        final Datum gk;

        Geodetic(String label, int epsg, Datum gk) {
            this.label = label;
            this.epsg = epsg;
            this.gk = gk;
        }
    }

    private static final double DEGREE = Math.PI / 180;

    private PrjIdentifier() {
    }

    /** The EPSG code of a .prj's text, or empty when it cannot be told with confidence. */
    public static Optional<Identified> identify(String wkt) {
        Optional<Wkt.Node> parsed = Wkt.parse(wkt);
        if (parsed.isEmpty()) {
            return Optional.empty();
        }
        Wkt.Node cs = parsed.get();
        Optional<Integer> authority = epsgAuthority(cs);
        if (authority.isPresent()) {
            int code = authority.get();
            String stated = "AUTHORITY[\"EPSG\",\"" + code + "\"]";
            return Optional.of(new Identified(code, cs.name().isBlank() ? "EPSG:" + code : cs.name(),
                    "由 .prj 最外层坐标系的 " + stated + " 确定",
                    stated + " on the outermost coordinate system of the .prj"));
        }
        String keyword = cs.keyword().toUpperCase(Locale.ROOT);
        if (keyword.equals("GEOGCS")) {
            return geographic(cs);
        }
        if (keyword.equals("PROJCS")) {
            return projected(cs);
        }
        return Optional.empty();
    }

    private static Optional<Integer> epsgAuthority(Wkt.Node cs) {
        for (String keyword : new String[] {"AUTHORITY", "ID"}) {
            for (Wkt.Node node : cs.children(keyword)) {
                if (node.text(0).map(t -> t.strip().equalsIgnoreCase("EPSG")).orElse(false)) {
                    Optional<Double> code = node.number(1);
                    if (code.isPresent() && code.get() == Math.rint(code.get()) && code.get() > 0) {
                        return Optional.of(code.get().intValue());
                    }
                }
            }
        }
        return Optional.empty();
    }

    private static Optional<Identified> geographic(Wkt.Node geogcs) {
        Optional<Geodetic> datum = datum(geogcs);
        if (datum.isEmpty() || !inDegreesFromGreenwich(geogcs)) {
            return Optional.empty();
        }
        return Optional.of(new Identified(datum.get().epsg, datum.get().label,
                "按参数匹配：基准面 " + datum.get().label + " 上的经纬度（单位：度）",
                "matched by parameters: geographic coordinates in degrees on datum " + datum.get().label));
    }

    private static Optional<Identified> projected(Wkt.Node projcs) {
        String name = Wkt.normalize(projcs.name());
        String projection = projcs.child("PROJECTION").map(p -> Wkt.normalize(p.name())).orElse("");
        Map<String, Double> parameters = parameters(projcs);
        if (isWebMercator(projcs, name, projection)) {
            if (parameters.getOrDefault("falseeasting", 0.0) != 0 || parameters.getOrDefault("falsenorthing", 0.0) != 0) {
                return Optional.empty();
            }
            String named = projection.isEmpty() ? projcs.name() : projection;
            return Optional.of(new Identified(3857, "WGS 84 / Pseudo-Mercator",
                    "按参数匹配：Web 墨卡托（" + named + "）", "matched by parameters: Web Mercator (" + named + ")"));
        }
        boolean transverseMercator = projection.equals("gausskruger") || projection.equals("transversemercator")
                || projection.equals("tmerc");
        Optional<Wkt.Node> geogcs = projcs.child("GEOGCS");
        if (!transverseMercator || geogcs.isEmpty() || !inDegreesFromGreenwich(geogcs.get()) || !inMetres(projcs)) {
            return Optional.empty();
        }
        Optional<Geodetic> datum = datum(geogcs.get());
        Double cm = parameters.get("centralmeridian");
        Double falseEasting = parameters.get("falseeasting");
        double falseNorthing = parameters.getOrDefault("falsenorthing", 0.0);
        double scale = parameters.getOrDefault("scalefactor", 1.0);
        double latitudeOfOrigin = parameters.getOrDefault("latitudeoforigin", 0.0);
        if (datum.isEmpty() || cm == null || falseEasting == null || cm != Math.rint(cm) || falseNorthing != 0
                || latitudeOfOrigin != 0) {
            return Optional.empty();
        }
        int meridian = cm.intValue();
        String easting = String.format(Locale.ROOT, "%,.0f", falseEasting);
        String paramsZh = "基准面 " + datum.get().label + "，横轴墨卡托，中央经线 " + meridian + "°E，东偏移 " + easting
                + " 米，比例因子 " + trim(scale) + "，原点纬度 0";
        String paramsEn = "datum " + datum.get().label + ", transverse Mercator, central meridian " + meridian
                + "°E, false easting " + easting + " m, scale " + trim(scale) + ", latitude of origin 0";
        if (datum.get() == Geodetic.WGS84) {
            int zone = (meridian + 183) / 6;
            if (Math.abs(scale - 0.9996) < 1e-12 && falseEasting == 500_000 && (meridian + 183) % 6 == 0
                    && zone >= 1 && zone <= 60) {
                return Optional.of(new Identified(32600 + zone, "WGS 84 / UTM zone " + zone + "N",
                        "按参数匹配：" + paramsZh + "（UTM " + zone + "N 带）",
                        "matched by parameters: " + paramsEn + " (UTM zone " + zone + "N)"));
            }
            return Optional.empty();
        }
        if (scale != 1) {
            return Optional.empty();
        }
        Datum gkDatum = datum.get().gk;
        Optional<Gk> gk;
        String whyZh;
        String whyEn;
        if (falseEasting == 500_000) {
            boolean says3 = name.contains("3degree") || name.contains("3deg");
            boolean says6 = !says3 && (name.contains("gk") || name.contains("gausskruger"));
            Optional<Gk> three = GaussKrugerCodes.cmForm(gkDatum, 3, meridian);
            Optional<Gk> six = GaussKrugerCodes.cmForm(gkDatum, 6, meridian);
            if (says6 && six.isPresent()) {
                gk = six;
                whyZh = "中央经线形式；名称“" + projcs.name() + "”表明为 6 度带";
                whyEn = "CM form; the name \"" + projcs.name() + "\" says 6-degree";
            } else if (three.isPresent()) {
                gk = three;
                whyZh = says3 ? "中央经线形式；名称表明为 3 度带"
                        : "中央经线形式；取 3 度带（同一中央经线的 6 度带参数相同）";
                whyEn = says3 ? "CM form; the name says 3-degree"
                        : "CM form; 3-degree chosen (a 6-degree zone with this meridian has the same parameters)";
            } else {
                gk = six;
                whyZh = "6 度带的中央经线形式";
                whyEn = "CM form of a 6-degree zone";
            }
        } else {
            double zoneNumber = (falseEasting - 500_000) / 1_000_000;
            if (zoneNumber != Math.rint(zoneNumber)) {
                return Optional.empty();
            }
            gk = GaussKrugerCodes.zoneForm(gkDatum, (int) zoneNumber).filter(g -> g.centralMeridian() == meridian);
            whyZh = "带号 " + (int) zoneNumber + " 取自东偏移的前缀";
            whyEn = "zone " + (int) zoneNumber + " from the false easting's prefix";
        }
        String howZh = "按参数匹配：" + paramsZh + " → " + whyZh;
        String howEn = "matched by parameters: " + paramsEn + " → " + whyEn;
        return gk.map(g -> new Identified(g.epsg(), g.name(), howZh, howEn));
    }

    private static boolean isWebMercator(Wkt.Node projcs, String name, String projection) {
        if (name.contains("webmercator") || name.contains("pseudomercator") || name.contains("popularvisualisation")
                || projection.equals("mercatorauxiliarysphere") || projection.contains("popularvisualisation")) {
            return true;
        }
        for (Wkt.Node extension : projcs.children("EXTENSION")) {
            String proj4 = extension.text(1).orElse("");
            if (proj4.contains("+proj=merc") && proj4.contains("+a=6378137") && proj4.contains("+b=6378137")) {
                return true;
            }
        }
        return false;
    }

    private static Map<String, Double> parameters(Wkt.Node projcs) {
        Map<String, Double> values = new HashMap<>();
        for (Wkt.Node parameter : projcs.children("PARAMETER")) {
            parameter.number(1).ifPresent(v -> values.put(Wkt.normalize(parameter.name()), v));
        }
        return values;
    }

    private static Optional<Geodetic> datum(Wkt.Node geogcs) {
        String datumName = geogcs.child("DATUM").map(d -> Wkt.normalize(d.name())).orElse("");
        String csName = Wkt.normalize(geogcs.name());
        for (String name : new String[] {datumName, csName}) {
            if (name.contains("china2000") || name.contains("cgcs2000") || name.contains("chinageodeticcoordinatesystem2000")) {
                return Optional.of(Geodetic.CGCS2000);
            }
            if (name.contains("xian1980") || name.contains("xian80")) {
                return Optional.of(Geodetic.XIAN_1980);
            }
            if (name.contains("beijing1954") && !name.contains("newbeijing")) {
                return Optional.of(Geodetic.BEIJING_1954);
            }
            if (name.contains("wgs1984") || name.equals("wgs84") || name.equals("dwgs84")
                    || name.contains("worldgeodeticsystem1984")) {
                return Optional.of(Geodetic.WGS84);
            }
        }
        return Optional.empty();
    }

    private static boolean inDegreesFromGreenwich(Wkt.Node geogcs) {
        boolean greenwich = geogcs.child("PRIMEM").flatMap(p -> p.number(1)).map(v -> v == 0).orElse(true);
        boolean degrees = geogcs.child("UNIT").flatMap(u -> u.number(1)).map(v -> Math.abs(v - DEGREE) < 1e-12).orElse(true);
        return greenwich && degrees;
    }

    private static boolean inMetres(Wkt.Node projcs) {
        return projcs.child("UNIT").flatMap(u -> u.number(1)).map(v -> v == 1).orElse(true);
    }

    private static String trim(double value) {
        return value == Math.rint(value) ? String.valueOf((long) value) : String.valueOf(value);
    }
}
