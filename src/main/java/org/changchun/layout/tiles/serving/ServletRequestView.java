package org.changchun.layout.tiles.serving;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;

/**
 * A servlet request as the tile answers read it, for the doors of the API port:
 * {@link TilesController} and {@link PublicTiles}.
 */
enum ServletRequestView implements TileAnswers.RequestView<HttpServletRequest> {

    INSTANCE;

    @Override
    public String path(HttpServletRequest request) {
        return request.getRequestURI().substring(request.getContextPath().length());
    }

    @Override
    public String method(HttpServletRequest request) {
        return request.getMethod();
    }

    @Override
    public boolean hasQuery(HttpServletRequest request) {
        return request.getQueryString() != null;
    }

    @Override
    public boolean hasHeader(HttpServletRequest request, String name) {
        return request.getHeader(name) != null;
    }

    /** A servlet container may withhold the headers (null); that reads as none sent. */
    @Override
    public List<String> headers(HttpServletRequest request, String name) {
        Enumeration<String> values = request.getHeaders(name);
        return values == null ? List.of() : Collections.list(values);
    }
}
