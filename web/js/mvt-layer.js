/**
 * A Leaflet GridLayer that draws one collection's Mapbox vector tiles on canvas.
 *
 * Tiles come from the service's OGC API - Tiles (ogc/collections/{id}/tiles/WebMercatorQuad/
 * {z}/{y}/{x}; 204 means an empty tile) and are decoded with @mapbox/vector-tile and pbf, the
 * libraries every MVT client uses; this file only projects and paints. A tile holds exactly the
 * features drawn on it (the server clips and simplifies them for the zoom, and thins big point
 * layers into points carrying point_count), so no request fetches more than it draws.
 *
 * Over a GCJ-02 basemap the map's pixels are GCJ-02 pixels while the tiles are WGS84: every vertex
 * goes through the datum's toMap, and a canvas tile is painted from the (usually two to four) WGS84
 * tiles that its shifted area overlaps, each clipped to its own square so the buffers tiles carry
 * beyond their edges are not painted twice. With a WGS84 or CGCS2000 basemap, or none, a canvas
 * is exactly one tile and nothing is shifted.
 */
import { requirePackage } from './commonjs.js';

const POINT = 1;
const LINE = 2;
const POLYGON = 3;

function tileUrl(collection, { x, y, z }) {
  return `ogc/collections/${encodeURIComponent(collection)}/tiles/WebMercatorQuad/${z}/${y}/${x}`;
}

async function fetchTile(collection, coords, signal) {
  const response = await fetch(tileUrl(collection, coords), { signal });
  if (response.status === 204) {
    return null;
  }
  if (!response.ok) {
    throw new Error(`tile ${collection} ${coords.z}/${coords.y}/${coords.x}: HTTP ${response.status}`);
  }
  return response.arrayBuffer();
}

function trace(ctx, rings, toCanvas, close) {
  for (const ring of rings) {
    ring.forEach((point, i) => {
      const p = toCanvas(point);
      if (i === 0) {
        ctx.moveTo(p.x, p.y);
      } else {
        ctx.lineTo(p.x, p.y);
      }
    });
    if (close) {
      ctx.closePath();
    }
  }
}

function paint(ctx, style, { fill }) {
  if (fill && style.fill) {
    ctx.globalAlpha = style.fillOpacity ?? 0.3;
    ctx.fillStyle = style.fill;
    ctx.fill('evenodd');
  }
  if (style.weight > 0) {
    ctx.globalAlpha = style.opacity ?? 1;
    ctx.strokeStyle = style.colour;
    ctx.lineWidth = style.weight;
    ctx.setLineDash(style.dash ?? []);
    ctx.stroke();
  }
}

function drawFeature(ctx, feature, style, toCanvas) {
  const geometry = feature.loadGeometry();
  ctx.beginPath();
  if (feature.type === POLYGON) {
    trace(ctx, geometry, toCanvas, true);
    paint(ctx, style, { fill: true });
  } else if (feature.type === LINE) {
    trace(ctx, geometry, toCanvas, false);
    paint(ctx, style, { fill: false });
  } else if (feature.type === POINT && feature.properties.point_count != null) {
    drawMergedPoints(ctx, geometry, Number(feature.properties.point_count), style, toCanvas);
  } else if (feature.type === POINT) {
    const radius = style.radius ?? 4;
    for (const ring of geometry) {
      for (const point of ring) {
        const p = toCanvas(point);
        ctx.moveTo(p.x + radius, p.y);
        ctx.arc(p.x, p.y, radius, 0, 2 * Math.PI);
      }
    }
    paint(ctx, { ...style, fill: style.fill ?? style.colour, fillOpacity: style.fillOpacity ?? 0.8 }, { fill: true });
  }
}

/**
 * Points merged per grid cell at low zoom (a cell is a pixel or so of the screen) shade their cell,
 * darker where more points fell: a density the eye can read. Dots sized by count, as drawn
 * before, overlapped into one solid patch over the whole layer.
 */
function drawMergedPoints(ctx, geometry, count, style, toCanvas) {
  ctx.globalAlpha = Math.min(1, 0.35 + 0.15 * Math.log2(count)) * (style.fillOpacity ?? 0.8);
  ctx.fillStyle = style.fill ?? style.colour;
  for (const ring of geometry) {
    for (const point of ring) {
      const p = toCanvas(point);
      ctx.fillRect(p.x - 1, p.y - 1, 2, 2);
    }
  }
}

export const MvtLayer = L.GridLayer.extend({
  options: {
    /** the collection (and MVT layer) id */
    collection: null,
    /** { colour, fill, fillOpacity, weight, dash, radius } for every feature of the layer */
    style: {},
    /** { shifted, toMap([lon, lat]) → LatLng, fromMap(LatLng) → [lon, lat] } */
    datum: null,
    pane: 'plan',
    // load tiles for the zoom the map settles on, not for every step of a zoom animation
    updateWhenZooming: false,
  },

  initialize(options) {
    L.GridLayer.prototype.initialize.call(this, options);
    this._requests = new WeakMap();
    // a tile scrolled or zoomed away stops downloading
    this.on('tileunload', ({ tile }) => this._requests.get(tile)?.abort());
  },

  createTile(coords, done) {
    const canvas = L.DomUtil.create('canvas', 'mvt-tile');
    const size = this.getTileSize();
    const ratio = window.devicePixelRatio || 1;
    canvas.width = size.x * ratio;
    canvas.height = size.y * ratio;
    const controller = new AbortController();
    this._requests.set(canvas, controller);
    this._render(canvas, coords, controller.signal).then(
      (count) => {
        // how many features the tile drew: for tests and for whoever debugs a blank tile
        canvas.dataset.features = count;
        done(null, canvas);
      },
      (error) => {
        if (error.name !== 'AbortError') {
          done(error, canvas);
        }
      },
    );
    return canvas;
  },

  async _render(canvas, coords, signal) {
    const sources = this._sourceTiles(coords);
    const [{ VectorTile }, ...buffers] = await Promise.all([
      requirePackage('@mapbox/vector-tile'),
      ...sources.map((source) => fetchTile(this.options.collection, source, signal)),
    ]);
    // the tile may have been dropped (and the layer removed) while its data was on the way
    signal.throwIfAborted();
    const size = this.getTileSize();
    const origin = coords.scaleBy(size);
    const ctx = canvas.getContext('2d');
    ctx.setTransform(canvas.width / size.x, 0, 0, canvas.height / size.y, 0, 0);
    let count = 0;
    buffers.forEach((buffer, i) => {
      const layer = buffer && new VectorTile(new Pbf(buffer)).layers[this.options.collection];
      if (!layer) {
        return;
      }
      const source = sources[i];
      const unit = size.x / layer.extent;
      const toCanvas = (p) => this._toMapPixel(
        L.point(source.x * size.x + p.x * unit, source.y * size.y + p.y * unit), coords.z).subtract(origin);
      ctx.save();
      if (sources.length > 1) {
        this._clipTo(ctx, toCanvas, layer.extent);
      }
      for (let f = 0; f < layer.length; f++) {
        drawFeature(ctx, layer.feature(f), this.options.style, toCanvas);
        count++;
      }
      ctx.restore();
    });
    return count;
  },

  /** The WGS84 tiles a canvas tile needs: itself, or the ones its shifted area overlaps. */
  _sourceTiles(coords) {
    if (!this.options.datum?.shifted) {
      return [coords];
    }
    const size = this.getTileSize();
    const origin = coords.scaleBy(size);
    const corners = [origin, origin.add(size)].map((p) => this._fromMapPixel(p, coords.z));
    const first = L.point(Math.floor(corners[0].x / size.x), Math.floor(corners[0].y / size.y));
    const last = L.point(Math.floor((corners[1].x - 1) / size.x), Math.floor((corners[1].y - 1) / size.y));
    const tiles = [];
    for (let x = first.x; x <= last.x; x++) {
      for (let y = first.y; y <= last.y; y++) {
        const tile = L.point(x, y);
        tile.z = coords.z;
        tiles.push(tile);
      }
    }
    return tiles;
  },

  _clipTo(ctx, toCanvas, extent) {
    ctx.beginPath();
    trace(ctx, [[{ x: 0, y: 0 }, { x: extent, y: 0 }, { x: extent, y: extent }, { x: 0, y: extent }]], toCanvas, true);
    ctx.clip();
  },

  /** A WGS84 Web Mercator pixel → the map's pixel (the same unless the basemap is GCJ-02). */
  _toMapPixel(point, zoom) {
    const { datum } = this.options;
    if (!datum?.shifted) {
      return point;
    }
    const crs = this._map.options.crs;
    const wgs = crs.pointToLatLng(point, zoom);
    return crs.latLngToPoint(datum.toMap([wgs.lng, wgs.lat]), zoom);
  },

  _fromMapPixel(point, zoom) {
    const crs = this._map.options.crs;
    const [lng, lat] = this.options.datum.fromMap(crs.pointToLatLng(point, zoom));
    return crs.latLngToPoint(L.latLng(lat, lng), zoom);
  },
});
