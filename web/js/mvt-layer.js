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
 *
 * A tile of a big point layer can hold tens of thousands of features. Reading and painting one in a
 * go kept the page from answering for a few hundred milliseconds when such a layer was switched on,
 * so tiles are read and painted in slices of a few milliseconds, and the page gets its turn in between.
 */

const POINT = 1;
const LINE = 2;
const POLYGON = 3;
/** How much of its opacity a faint feature (see setDimmed) keeps. */
const FAINT = 0.3;

/** Reading and painting tiles stop for the page's other work after this long, so no task of theirs is a "long task" (50 ms). */
const SLICE_MS = 8;
let sliceStart = null;

/**
 * Whether the current task has painted for its share of time. Every tile that paints in the same
 * task shares one slice: the start is forgotten in the next task.
 */
function sliceSpent() {
  const now = performance.now();
  if (sliceStart === null) {
    sliceStart = now;
    setTimeout(() => { sliceStart = null; }, 0);
  }
  return now - sliceStart > SLICE_MS;
}

/** Lets input, other tiles and rendering run before the painting goes on. */
function yieldToPage() {
  sliceStart = null;
  if (globalThis.scheduler?.yield) {
    return globalThis.scheduler.yield();
  }
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => resolve();
    channel.port2.postMessage(null);
  });
}

/** The value of a feature attribute, as @mapbox/vector-tile reads it. */
function readValue(pbf) {
  let value = null;
  const end = pbf.readVarint() + pbf.pos;
  while (pbf.pos < end) {
    const tag = pbf.readVarint() >> 3;
    value = tag === 1 ? pbf.readString()
      : tag === 2 ? pbf.readFloat()
        : tag === 3 ? pbf.readDouble()
          : tag === 4 ? pbf.readVarint64()
            : tag === 5 ? pbf.readVarint()
              : tag === 6 ? pbf.readSVarint()
                : tag === 7 ? pbf.readBoolean() : null;
  }
  return value;
}

/**
 * One layer of a vector tile, read as @mapbox/vector-tile's VectorTile and VectorTileLayer read it
 * (its feature(i) then works as usual), but pausing for the page every slice: finding the features
 * and values of a tile of 24,000 merged points took up to 110 ms at once on a busy machine.
 */
async function readTileLayer(VectorTileLayer, buffer, name, signal) {
  const pbf = new Pbf(buffer);
  while (pbf.pos < pbf.length) {
    const field = pbf.readVarint();
    pbf.type = field & 0x7;
    if (field >> 3 !== 3) {
      pbf.skip(field);
      continue;
    }
    const end = pbf.readVarint() + pbf.pos;
    const layer = Object.assign(Object.create(VectorTileLayer.prototype), {
      version: 1, name: null, extent: 4096, length: 0, _pbf: pbf, _keys: [], _values: [], _features: [],
    });
    for (let read = 1; pbf.pos < end; read++) {
      if (read % 256 === 0 && sliceSpent()) {
        await yieldToPage();
        signal.throwIfAborted();
      }
      const member = pbf.readVarint();
      const tag = member >> 3;
      const start = pbf.pos;
      pbf.type = member & 0x7;
      if (tag === 15) {
        layer.version = pbf.readVarint();
      } else if (tag === 1) {
        layer.name = pbf.readString();
      } else if (tag === 5) {
        layer.extent = pbf.readVarint();
      } else if (tag === 2) {
        layer._features.push(pbf.pos);
      } else if (tag === 3) {
        layer._keys.push(pbf.readString());
      } else if (tag === 4) {
        layer._values.push(readValue(pbf));
      }
      if (pbf.pos === start) {
        pbf.skip(member);
      }
    }
    layer.length = layer._features.length;
    if (layer.name === name && layer.length) {
      return layer;
    }
    pbf.pos = end;
  }
  return null;
}

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

function drawFeature(ctx, feature, style, toCanvas, zoom) {
  const geometry = feature.loadGeometry();
  ctx.beginPath();
  if (feature.type === POLYGON) {
    trace(ctx, geometry, toCanvas, true);
    paint(ctx, style, { fill: true });
  } else if (feature.type === LINE) {
    trace(ctx, geometry, toCanvas, false);
    paint(ctx, style, { fill: false });
  } else if (feature.type === POINT && feature.properties.point_count != null) {
    drawMergedPoints(ctx, geometry, Number(feature.properties.point_count), style, toCanvas, zoom);
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
 * Points merged per grid cell below the full-detail zoom (a cell is a pixel or so of the screen).
 * Where cells are about a pixel apart (zoom 8 and below) each shades its own cell, as a solid patch
 * of overlapping dots would hide the density; from zoom 9 there is room for dots, so a single
 * point is a dot one can see and click. Either way a cell is more opaque the more points it holds
 * (0.7 for one, opaque from eight), so density reads at every zoom; the layer's stroke colour is
 * used, as its fill is made pale for polygons.
 */
function drawMergedPoints(ctx, geometry, count, style, toCanvas, zoom) {
  ctx.globalAlpha = Math.min(1, 0.7 + 0.1 * Math.log2(Math.max(count, 1)));
  const colour = style.colour ?? style.fill;
  const radius = zoom <= 8 ? 0 : zoom <= 10 ? 2 : 3;
  const sprite = radius ? dotSprite(colour, radius) : null;
  ctx.fillStyle = colour;
  for (const ring of geometry) {
    for (const point of ring) {
      const p = toCanvas(point);
      if (sprite) {
        ctx.drawImage(sprite, p.x - radius, p.y - radius, 2 * radius, 2 * radius);
      } else {
        ctx.fillRect(p.x - 1, p.y - 1, 2, 2);
      }
    }
  }
}

/** A dot drawn once at the screen's resolution and copied for every point: far cheaper than a path per point. */
const dotSprites = new Map();
function dotSprite(colour, radius) {
  const ratio = window.devicePixelRatio || 1;
  const key = `${colour} ${radius} ${ratio}`;
  if (!dotSprites.has(key)) {
    const sprite = document.createElement('canvas');
    sprite.width = sprite.height = Math.ceil(2 * radius * ratio);
    const ctx = sprite.getContext('2d');
    ctx.fillStyle = colour;
    ctx.beginPath();
    ctx.arc(sprite.width / 2, sprite.height / 2, sprite.width / 2, 0, 2 * Math.PI);
    ctx.fill();
    dotSprites.set(key, sprite);
  }
  return dotSprites.get(key);
}

export const MvtLayer = L.GridLayer.extend({
  options: {
    /** the collection (and MVT layer) id */
    collection: null,
    /** { colour, fill, fillOpacity, weight, dash, radius } for every feature of the layer */
    style: {},
    /** { shifted, toMap([lon, lat]) → LatLng, fromMap(LatLng) → [lon, lat] } */
    datum: null,
    /** (feature id) → true for features drawn faint (those a chosen city does not include); null: none */
    dimmed: null,
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
      ({ count, faint }) => {
        // how many features the tile drew (and drew faint): for tests and for whoever debugs a blank tile
        canvas.dataset.features = count;
        canvas.dataset.dimmed = faint;
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
    const [{ VectorTileLayer }, ...buffers] = await Promise.all([
      import('./modules/mapbox__vector-tile/index.js').then((loaded) => loaded.default),
      ...sources.map((source) => fetchTile(this.options.collection, source, signal)),
    ]);
    // the tile may have been dropped (and the layer removed) while its data was on the way
    signal.throwIfAborted();
    const size = this.getTileSize();
    const origin = coords.scaleBy(size);
    const ctx = canvas.getContext('2d');
    ctx.setTransform(canvas.width / size.x, 0, 0, canvas.height / size.y, 0, 0);
    const { style, dimmed } = this.options;
    const faintStyle = { ...style, fillOpacity: (style.fillOpacity ?? 0.3) * FAINT, opacity: (style.opacity ?? 1) * FAINT };
    let count = 0;
    let faint = 0;
    for (let i = 0; i < buffers.length; i++) {
      const layer = buffers[i] && await readTileLayer(VectorTileLayer, buffers[i], this.options.collection, signal);
      if (!layer) {
        continue;
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
        // checked every 64 features: reading the clock for each would cost more than a small feature
        if (f % 64 === 63 && sliceSpent()) {
          await yieldToPage();
          signal.throwIfAborted();
        }
        const feature = layer.feature(f);
        const isFaint = Boolean(dimmed?.(String(feature.properties.id)));
        drawFeature(ctx, feature, isFaint ? faintStyle : style, toCanvas, coords.z);
        count++;
        faint += isFaint ? 1 : 0;
      }
      ctx.restore();
    }
    return { count, faint };
  },

  /** Draws the features for which dimmed(id) is true faint, or every feature as usual (null). */
  setDimmed(dimmed) {
    this.options.dimmed = dimmed;
    if (this._map) {
      this.redraw();
    }
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
