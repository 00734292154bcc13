/**
 * The Leaflet map and its datum.
 *
 * Without a configured basemap the plan layers are drawn over a plain background, so the page
 * works with no internet at all. A basemap from /api/map-settings comes with its datum: WGS84 and
 * CGCS2000 (e.g. Tianditu) agree with the service's data at map scale; GCJ-02 (e.g. Amap) is offset
 * by hundreds of metres, so every overlay goes through datum.toMap and every point the user picks
 * comes back through datum.fromMap before it is sent to the service.
 */
import { toGcj02, toWgs84 } from './gcj02.js';

/** Stacking of the page's own panes (Leaflet's tiles are at 200, its markers at 600, popups at 700). */
const PANES = { plan: 300, highlight: 350, analysis: 380, projects: 420, labels: 450 };

function datumOf(basemap) {
  const name = basemap?.datum ?? 'WGS84';
  const shifted = name === 'GCJ02';
  return {
    name,
    shifted,
    hasBasemap: Boolean(basemap),
    /** [lon, lat] in WGS84 → the map's LatLng */
    toMap([lon, lat]) {
      const [x, y] = shifted ? toGcj02([lon, lat]) : [lon, lat];
      return L.latLng(y, x);
    },
    /** the map's LatLng → [lon, lat] in WGS84 */
    fromMap(latLng) {
      return shifted ? toWgs84([latLng.lng, latLng.lat]) : [latLng.lng, latLng.lat];
    },
  };
}

/**
 * Creates the map in element. initialView ({zoom, lat, lon} in WGS84) wins over fitExtent
 * ([w, s, e, n] in WGS84), which frames the plan when the page is opened without a view.
 */
export function createMap(element, { basemap, initialView, fitExtent, attribution }) {
  const datum = datumOf(basemap);
  const map = L.map(element, {
    minZoom: 5,
    maxZoom: 18,
    zoomControl: false,
    keyboard: true,
    attributionControl: true,
    // Leaflet drops the previous zoom's tiles once the new ones have faded in; when the page is busy
    // painting canvases, the fade can finish after that check and leave blurry old tiles on screen
    fadeAnimation: false,
  });
  L.control.zoom({ position: 'bottomright' }).addTo(map);
  L.control.scale({ position: 'bottomleft', imperial: false }).addTo(map);
  map.attributionControl.setPrefix(false);
  map.attributionControl.addAttribution(attribution);
  Object.entries(PANES).forEach(([name, zIndex]) => {
    map.createPane(name).style.zIndex = zIndex;
  });
  map.getPane('labels').style.pointerEvents = 'none';

  if (basemap) {
    L.tileLayer(basemap.url, {
      attribution: basemap.attribution,
      subdomains: basemap.subdomains,
      // past the basemap's deepest zoom its last tiles are enlarged, so the plan layers keep a background
      maxNativeZoom: basemap.max_zoom,
      maxZoom: map.getMaxZoom(),
      className: 'basemap',
    }).addTo(map);
  }

  if (initialView) {
    map.setView(datum.toMap([initialView.lon, initialView.lat]), initialView.zoom);
  } else {
    const [w, s, e, n] = fitExtent;
    map.fitBounds(L.latLngBounds(datum.toMap([w, s]), datum.toMap([e, n])), fitOptions(map));
  }
  return { map, datum };
}

/** fitBounds options that keep what is framed clear of the panels floating over the map (layers, project card). */
export function fitOptions(map, options = {}) {
  const area = map.getContainer().parentElement;
  const width = (selector) => area.querySelector(selector)?.offsetWidth ?? 0;
  return {
    paddingTopLeft: [width('.project-card:not([hidden])') + 20, 20],
    paddingBottomRight: [width('.layer-panel') + 20, 20],
    ...options,
  };
}

/** L.geoJSON options that put WGS84 GeoJSON where the basemap expects it. */
export function geoJsonOptions(datum, options = {}) {
  return { ...options, coordsToLatLng: (coords) => datum.toMap(coords) };
}

/** The bounds, in map coordinates, of a WGS84 extent [w, s, e, n]. */
export function boundsOf(datum, [w, s, e, n]) {
  return L.latLngBounds(datum.toMap([w, s]), datum.toMap([e, n]));
}
