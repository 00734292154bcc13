package org.changchun.layout.geo.crs;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The EPSG codes of China's Gauss-Kruger systems on its three national datums: 3-degree zones
 * 25–45 and 6-degree zones 13–23, each in the zone form (false easting prefixed with the zone
 * number, e.g. 42,500,000 m) and the "CM" form (false easting 500,000 m). All are transverse
 * Mercator with scale 1 and latitude of origin 0. {@code GaussKrugerCodesTest} checks every
 * code against proj4j's EPSG definitions.
 */
final class GaussKrugerCodes {

    /** A datum, its geographic EPSG code and the first code of each block of projected codes. */
    enum Datum {
        CGCS2000("CGCS2000", 4490, 4513, 4534, 4491, 4502),
        XIAN_1980("Xian 1980", 4610, 2349, 2370, 2327, 2338),
        BEIJING_1954("Beijing 1954", 4214, 2401, 2422, 21413, 21453);

        final String label;
        final int geographic;
        final int zone3First;
        final int cm3First;
        final int zone6First;
        final int cm6First;

        Datum(String label, int geographic, int zone3First, int cm3First, int zone6First, int cm6First) {
            this.label = label;
            this.geographic = geographic;
            this.zone3First = zone3First;
            this.cm3First = cm3First;
            this.zone6First = zone6First;
            this.cm6First = cm6First;
        }
    }

    /**
     * One projected system. {@code zone} is the zone number for both forms (for a CM form, the
     * zone whose central meridian it uses); {@code prefixed} tells the zone form.
     */
    record Gk(int epsg, Datum datum, int width, int zone, boolean prefixed, int centralMeridian, double falseEasting) {

        String name() {
            String kind = width == 3 ? "3-degree Gauss-Kruger" : "Gauss-Kruger";
            return datum.label + " / " + kind + (prefixed ? " zone " + zone : " CM " + centralMeridian + "E");
        }
    }

    static final List<Gk> ALL;
    private static final Map<Integer, Gk> BY_EPSG;

    static {
        List<Gk> all = new ArrayList<>();
        for (Datum datum : Datum.values()) {
            for (int zone = 25; zone <= 45; zone++) {
                int cm = 3 * zone;
                all.add(new Gk(datum.zone3First + zone - 25, datum, 3, zone, true, cm, zone * 1_000_000.0 + 500_000));
                all.add(new Gk(datum.cm3First + zone - 25, datum, 3, zone, false, cm, 500_000));
            }
            for (int zone = 13; zone <= 23; zone++) {
                int cm = 6 * zone - 3;
                all.add(new Gk(datum.zone6First + zone - 13, datum, 6, zone, true, cm, zone * 1_000_000.0 + 500_000));
                all.add(new Gk(datum.cm6First + zone - 13, datum, 6, zone, false, cm, 500_000));
            }
        }
        ALL = List.copyOf(all);
        BY_EPSG = ALL.stream().collect(Collectors.toUnmodifiableMap(Gk::epsg, Function.identity()));
    }

    private GaussKrugerCodes() {
    }

    static Optional<Gk> byEpsg(int epsg) {
        return Optional.ofNullable(BY_EPSG.get(epsg));
    }

    /** The zone form of a datum for a zone number: 25–45 are 3-degree zones, 13–23 are 6-degree zones. */
    static Optional<Gk> zoneForm(Datum datum, int zone) {
        return ALL.stream().filter(g -> g.datum() == datum && g.prefixed() && g.zone() == zone).findFirst();
    }

    /** The CM form of a datum for a central meridian and zone width. */
    static Optional<Gk> cmForm(Datum datum, int width, int centralMeridian) {
        return ALL.stream().filter(g -> g.datum() == datum && !g.prefixed() && g.width() == width
                && g.centralMeridian() == centralMeridian).findFirst();
    }

    /** The other form of the same zone: zone 42 for CM 126°E (3-degree), and the reverse. */
    static Optional<Gk> otherForm(Gk gk) {
        return gk.prefixed() ? cmForm(gk.datum(), gk.width(), gk.centralMeridian()) : zoneForm(gk.datum(), gk.zone());
    }

    /** The datum a geographic EPSG code is on (WGS 84 is taken as CGCS2000, which differs by centimetres). */
    static Optional<Datum> datumOfGeographic(int epsg) {
        if (epsg == 4326) {
            return Optional.of(Datum.CGCS2000);
        }
        for (Datum datum : Datum.values()) {
            if (datum.geographic == epsg) {
                return Optional.of(datum);
            }
        }
        return Optional.empty();
    }
}
