/**
 * Names on the map: the districts at each district's label point (an interior point computed by
 * /api/districts), and the schematic places (major zones, corridors, development zones, sites, the
 * provincial corridors and bases) at an interior point of their polygons, beside their points, or
 * halfway along their lines, marked 示意 like the shapes themselves. Labels are markers, not
 * part of the tiles, so a name is drawn once rather than once per tile its area touches.
 *
 * One placer sets every label: in order of priority (districts, smallest first, then the zones),
 * each label takes the first spot beside its point — on it, above, below, left, right, diagonally —
 * that no label placed before it covers, or is hidden. Names appear from the zoom the plan style
 * (/ogc/styles/plan) gives each layer's labels, as on the server's maps: districts from 7, zones once
 * they are big enough to tell apart.
 */
import { getJson, query } from './api.js';
import { html } from './html.js';
import { lang, local, onLangChange, t } from './i18n.js';

const GAP = 3;

/** English labels drop "District", "City", "County": the map already shows what they are, and space is short. */
function districtName(district) {
  return lang() === 'en' ? local(district).replace(/ (District|City|County)$/, '') : local(district);
}

/**
 * A zone's short name: the usual short form the plan writes in brackets (长春汽车经济技术开发区（汽开区）
 * → 汽开区), and English names without the city's name, which every zone here shares.
 */
function zoneName(properties) {
  if (lang() === 'en') {
    return (properties.name_en ?? properties.name_zh ?? '').replace(/^Changchun /, '').replace(/ \(Changchun\)/, '');
  }
  const name = properties.name_zh ?? '';
  return name.match(/（([^（）]+)）$/)?.[1] ?? name;
}

function boxesOverlap(a, b) {
  return a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;
}

/** Where a label may go, as offsets of its centre from its point: on it, then beside it, then diagonally off it. */
function spots(width, height) {
  const up = -(height + GAP);
  const down = height + GAP;
  const left = -(width / 2 + GAP);
  const right = width / 2 + GAP;
  return [[0, 0], [0, up], [0, down], [left, 0], [right, 0], [left, up], [right, up], [left, down], [right, down]];
}

/**
 * Places the labels of every label group on the map (see the module's comment); groups register
 * with add(group, labels) where labels() lists { marker, priority, minZoom }.
 */
export function createLabelPlacer(map) {
  const groups = new Map();
  let pending = false;

  function hide(element) {
    element.classList.add('map-label--hidden');
  }

  function place() {
    pending = false;
    const zoom = map.getZoom();
    const labels = [...groups].filter(([group]) => map.hasLayer(group)).flatMap(([, list]) => list())
      .sort((a, b) => a.priority - b.priority);
    // every size is read before any label moves: reading after a move would lay the page out again, per label
    const measured = labels.map((label) => {
      const element = label.marker.getElement()?.firstElementChild;
      // a hidden label keeps its size (visibility, not display), so it can be measured
      return element && { label, element, width: element.offsetWidth, height: element.offsetHeight };
    }).filter(Boolean);
    const taken = [];
    for (const { label, element, width, height } of measured) {
      if (zoom < label.minZoom) {
        hide(element);
        continue;
      }
      if (!width) {
        // its pane is not shown (zoomed out too far): placed again when it is
        continue;
      }
      const at = map.latLngToLayerPoint(label.marker.getLatLng());
      // a label over a point would hide it: a point's name goes beside it
      const spot = spots(width, height).slice(label.beside ? 1 : 0).map(([dx, dy]) => ({
        dx,
        dy,
        box: { left: at.x + dx - width / 2, right: at.x + dx + width / 2, top: at.y + dy - height / 2, bottom: at.y + dy + height / 2 },
      })).find((candidate) => !taken.some((box) => boxesOverlap(box, candidate.box)));
      if (!spot) {
        hide(element);
        continue;
      }
      element.style.setProperty('--label-dx', `${spot.dx}px`);
      element.style.setProperty('--label-dy', `${spot.dy}px`);
      element.classList.remove('map-label--hidden');
      taken.push(spot.box);
    }
  }

  /** Places the labels once the current changes are drawn (several changes, one placement). */
  function schedule() {
    if (!pending) {
      pending = true;
      requestAnimationFrame(place);
    }
  }

  map.on('zoomend viewreset', schedule);
  return {
    add(group, labels) {
      groups.set(group, labels);
      // a group shown or hidden with its layer frees or takes room
      group.on('add remove', schedule);
      schedule();
    },
    schedule,
  };
}

function labelMarker(map, datum, lonLat) {
  return L.marker(datum.toMap(lonLat), { pane: 'labels', interactive: false, keyboard: false });
}

/**
 * The district names. The returned layer group is drawn and hidden with the district tiles;
 * setDimmed(adcode → boolean) fades the names a chosen city does not include (null: none).
 */
export function createDistrictLabels(map, datum, districts, placer, { minZoom }) {
  const group = L.layerGroup();
  const bySize = [...districts].sort((a, b) => (a.area_km2 ?? 0) - (b.area_km2 ?? 0));
  let dimmed = null;
  const labels = districts.filter((d) => d.label_point).map((district) => ({
    district,
    marker: labelMarker(map, datum, district.label_point),
    // small districts first: a large one has room to take a spot beside its point
    priority: bySize.indexOf(district),
    minZoom,
  }));

  function render() {
    labels.forEach(({ marker, district }) => {
      const faded = dimmed?.(district.adcode) ? ' district-label--dimmed' : '';
      marker.setIcon(L.divIcon({
        className: `map-label district-label${faded}`,
        html: html`<span data-adcode="${district.adcode}">${districtName(district)}</span>`.toString(),
        iconSize: null,
      }));
    });
    placer.schedule();
  }

  function fitZoom() {
    map.getContainer().classList.toggle('labels-hidden', map.getZoom() < minZoom);
  }

  render();
  labels.forEach(({ marker }) => group.addLayer(marker));
  placer.add(group, () => labels);
  onLangChange(render);
  map.on('zoomend', fitZoom);
  fitZoom();
  group.setDimmed = (isDimmed) => {
    dimmed = isDimmed;
    render();
  };
  return group;
}

/** A point well inside a polygon's largest part, in [lon, lat]: its centroid when that is inside. */
export function interiorPoint(geometry) {
  const polygons = geometry.type === 'MultiPolygon' ? geometry.coordinates : [geometry.coordinates];
  const ringArea = (ring) => Math.abs(ring.reduce((sum, [x, y], i) => {
    const [nx, ny] = ring[(i + 1) % ring.length];
    return sum + x * ny - nx * y;
  }, 0) / 2);
  const largest = polygons.reduce((best, polygon) => (ringArea(polygon[0]) > ringArea(best[0]) ? polygon : best));
  const outer = largest[0];
  let cx = 0;
  let cy = 0;
  let twiceArea = 0;
  outer.forEach(([x, y], i) => {
    const [nx, ny] = outer[(i + 1) % outer.length];
    const cross = x * ny - nx * y;
    twiceArea += cross;
    cx += (x + nx) * cross;
    cy += (y + ny) * cross;
  });
  const centroid = twiceArea ? [cx / (3 * twiceArea), cy / (3 * twiceArea)] : outer[0];
  const inside = ([px, py]) => largest.reduce((odd, ring) => ring.reduce((crossing, [x, y], i) => {
    const [nx, ny] = ring[(i + 1) % ring.length];
    return (y > py) !== (ny > py) && px < x + (py - y) * (nx - x) / (ny - y) ? !crossing : crossing;
  }, odd), false);
  if (inside(centroid)) {
    return centroid;
  }
  // a bent shape (the corridor): the middle of the widest stretch of the polygon at the centroid's latitude
  const crossings = largest.flatMap((ring) => ring.flatMap(([x, y], i) => {
    const [nx, ny] = ring[(i + 1) % ring.length];
    return (y > centroid[1]) !== (ny > centroid[1]) ? [x + (centroid[1] - y) * (nx - x) / (ny - y)] : [];
  })).sort((a, b) => a - b);
  let best = null;
  for (let i = 0; i + 1 < crossings.length; i += 2) {
    if (!best || crossings[i + 1] - crossings[i] > best[1] - best[0]) {
      best = [crossings[i], crossings[i + 1]];
    }
  }
  return best ? [(best[0] + best[1]) / 2, centroid[1]] : centroid;
}

/** Halfway along the longest line of a (Multi)LineString, in [lon, lat]. */
export function midpointOf(geometry) {
  const lines = geometry.type === 'MultiLineString' ? geometry.coordinates : [geometry.coordinates];
  const lengthOf = (line) => line.reduce((sum, p, i) => (i ? sum + Math.hypot(p[0] - line[i - 1][0], p[1] - line[i - 1][1]) : 0), 0);
  const longest = lines.reduce((best, line) => (lengthOf(line) > lengthOf(best) ? line : best));
  let left = lengthOf(longest) / 2;
  for (let i = 1; i < longest.length; i++) {
    const [[x0, y0], [x1, y1]] = [longest[i - 1], longest[i]];
    const step = Math.hypot(x1 - x0, y1 - y0);
    if (step >= left && step > 0) {
      return [x0 + (x1 - x0) * (left / step), y0 + (y1 - y0) * (left / step)];
    }
    left -= step;
  }
  return longest[0];
}

/** Where a feature's name goes, in [lon, lat]: inside a polygon, on a point, halfway along a line; null for others. */
function labelPoint(geometry) {
  const type = geometry?.type ?? '';
  if (/Polygon/.test(type)) {
    return interiorPoint(geometry);
  }
  if (type === 'Point') {
    return geometry.coordinates;
  }
  return /LineString/.test(type) ? midpointOf(geometry) : null;
}

/**
 * The names of one schematic layer (zones, sites or lines), marked 示意 (schematic). The returned layer group is drawn
 * and hidden with the layer's tiles; the features are fetched (names and outlines) the first time.
 *
 * @param options.minZoom  below it the zones are too small for their names
 * @param options.priority placed after labels with a smaller one
 */
export function createZoneLabels(map, datum, layerId, placer, { minZoom, priority }) {
  const group = L.layerGroup();
  let labels = [];
  let loading = null;

  function render() {
    labels.forEach(({ marker, properties }) => {
      marker.setIcon(L.divIcon({
        className: `map-label zone-label zone-label--${layerId}`,
        html: html`<span>${zoneName(properties)}<small>${t('labels.schematic')}</small></span>`.toString(),
        iconSize: null,
      }));
    });
    placer.schedule();
  }

  async function load() {
    const answer = await getJson(`ogc/collections/${encodeURIComponent(layerId)}/items?${query({
      limit: 500, properties: 'name_zh,name_en',
    })}`);
    labels = answer.features.filter((f) => labelPoint(f.geometry)).map((feature, index) => ({
      properties: feature.properties,
      marker: labelMarker(map, datum, labelPoint(feature.geometry)),
      priority: priority + index,
      minZoom,
      beside: feature.geometry.type === 'Point',
    }));
    render();
    labels.forEach(({ marker }) => group.addLayer(marker));
  }

  group.on('add', () => {
    loading ??= load().catch((error) => {
      loading = null;
      console.warn(`labels of ${layerId}:`, error);
    });
  });
  placer.add(group, () => labels);
  onLangChange(render);
  return group;
}
