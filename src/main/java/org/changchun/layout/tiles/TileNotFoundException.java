package org.changchun.layout.tiles;

import org.changchun.layout.problem.ApiException;
import org.springframework.http.HttpStatus;

/** A tile outside the tile matrix set's limits. */
public class TileNotFoundException extends ApiException {

    TileNotFoundException(int z, int y, int x, int maxZoom) {
        super(HttpStatus.NOT_FOUND,
                "瓦片 " + z + "/" + y + "/" + x + " 不存在：级别须为 0–" + maxZoom + "，行列须为 0 到 2^级别−1",
                "tile " + z + "/" + y + "/" + x + " does not exist in WebMercatorQuad: the zoom must be 0-" + maxZoom
                        + " and row and column 0 to 2^zoom-1");
    }
}
