package org.changchun.layout.maps.serving;

import java.awt.Color;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import org.changchun.layout.http.NumberParameter;
import org.changchun.layout.maps.MapFormat;
import org.changchun.layout.maps.MapRenderer;
import org.changchun.layout.maps.RenderedMaps;
import org.changchun.layout.query.InvalidQueryException;
import org.springframework.http.CacheControl;
import org.springframework.http.ETag;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;

/**
 * The one way a map is answered, by OGC API - Maps and by WMS alike: its entity tag first, a 304 when the
 * client's copy is current (without drawing), else the image with {@code ETag} and {@code Cache-Control}.
 */
@Component
class MapAnswers {

    private final RenderedMaps maps;

    MapAnswers(RenderedMaps maps) {
        this.maps = maps;
    }

    /** @param ifNoneMatch every {@code If-None-Match} header of the request */
    ResponseEntity<byte[]> answer(MapRenderer.Request request, MapFormat format, List<String> ifNoneMatch) {
        String etag = maps.etag(request, format);
        CacheControl cache = CacheControl.maxAge(Duration.ofSeconds(maps.maxAge())).cachePublic();
        if (matches(ifNoneMatch, etag)) {
            return ResponseEntity.status(HttpStatus.NOT_MODIFIED).eTag(etag).cacheControl(cache).build();
        }
        RenderedMaps.MapImage image = maps.image(request, format, etag);
        return ResponseEntity.ok().contentType(format.mediaType()).eTag(etag).cacheControl(cache)
                .header(HttpHeaders.VARY, HttpHeaders.ACCEPT).body(image.bytes());
    }

    private static boolean matches(List<String> values, String etag) {
        ETag current = ETag.create(etag);
        for (String value : values) {
            for (ETag named : ETag.parse(value)) {
                if (named.isWildcard() || named.compare(current, false)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** A colour as WMS and OGC API - Maps write it: {@code 0xRRGGBB}, {@code RRGGBB} or {@code #RRGGBB}. */
    static Color colour(String parameter, String text) {
        String hex = text.trim().toLowerCase(Locale.ROOT).replaceFirst("^(0x|#)", "");
        if (!hex.matches("[0-9a-f]{6}")) {
            throw new InvalidQueryException("参数“" + parameter + "”应为十六进制颜色，如 0xFFFFFF：" + shown(text),
                    "parameter '" + parameter + "' must be a hexadecimal colour such as 0xFFFFFF, got '" + shown(text) + "'");
        }
        return new Color(Integer.parseInt(hex, 16));
    }

    /** {@code true} or {@code false}, in any case. */
    static boolean bool(String parameter, String text, boolean fallback) {
        if (text == null || text.isBlank()) {
            return fallback;
        }
        return switch (text.trim().toLowerCase(Locale.ROOT)) {
            case "true" -> true;
            case "false" -> false;
            default -> throw new InvalidQueryException("参数“" + parameter + "”应为 true 或 false：" + shown(text),
                    "parameter '" + parameter + "' must be true or false, got '" + shown(text) + "'");
        };
    }

    /** Four comma-separated numbers, as every bbox parameter is written. */
    static double[] box(String parameter, String text) {
        String[] parts = text.split(",", -1);
        if (parts.length != 4) {
            throw new InvalidQueryException("参数“" + parameter + "”应为四个以逗号分隔的数：" + shown(text),
                    "parameter '" + parameter + "' must be four numbers separated by commas, got '" + shown(text) + "'");
        }
        double[] box = new double[4];
        for (int i = 0; i < 4; i++) {
            box[i] = NumberParameter.anyDecimal(parameter).require(parts[i]);
        }
        return box;
    }

    static String shown(String text) {
        return text.length() > 40 ? text.substring(0, 40) + "…" : text;
    }
}
