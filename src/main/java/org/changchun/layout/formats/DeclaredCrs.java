package org.changchun.layout.formats;

import java.util.Optional;
import java.util.OptionalInt;

/**
 * What a file says about its coordinate system: an EPSG code, a WKT definition, or nothing (a
 * CSV), with where it said it, in Chinese and English, for the report.
 */
public record DeclaredCrs(OptionalInt epsg, Optional<String> wkt, String whereZh, String whereEn) {

    public static DeclaredCrs epsg(int code, String whereZh, String whereEn) {
        return new DeclaredCrs(OptionalInt.of(code), Optional.empty(), whereZh, whereEn);
    }

    public static DeclaredCrs wkt(String definition, String whereZh, String whereEn) {
        return new DeclaredCrs(OptionalInt.empty(), Optional.of(definition), whereZh, whereEn);
    }

    public static DeclaredCrs none(String whereZh, String whereEn) {
        return new DeclaredCrs(OptionalInt.empty(), Optional.empty(), whereZh, whereEn);
    }

    public boolean declared() {
        return epsg.isPresent() || wkt.isPresent();
    }
}
