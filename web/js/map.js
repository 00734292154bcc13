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
const PANES = { plan: 300, highlight: 350, analysis: 380, projects: 420, 'history-before': 430, 'history-after': 435, labels: 450 };

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

/** Room left between what is framed and the map's edge, or a panel, in pixels. */
const FIT_MARGIN = 20;

/**
 * fitBounds options that keep what is framed clear of the panels floating over the map. The layer
 * panel, open, is a tall box at the top right (however few of its rows are drawn yet): the right
 * side is padded by its width. Collapsed (the default on a phone) it is a small box: the top is
 * padded by its height. An open project card, at the top left, pads the left side by its width.
 */
export function fitOptions(map, options = {}) {
  const container = map.getContainer();
  const mapBox = container.getBoundingClientRect();
  const padding = { top: FIT_MARGIN, right: FIT_MARGIN, bottom: FIT_MARGIN, left: FIT_MARGIN };
  const layerPanel = container.parentElement.querySelector('.layer-panel')?.getBoundingClientRect();
  if (layerPanel?.width) {
    if (container.parentElement.querySelector('.layer-panel--collapsed')) {
      padding.top = layerPanel.bottom - mapBox.top + FIT_MARGIN;
    } else {
      padding.right = mapBox.right - layerPanel.left + FIT_MARGIN;
    }
  }
  const card = container.parentElement.querySelector('.project-card:not([hidden])')?.getBoundingClientRect();
  if (card?.width) {
    padding.left = card.right - mapBox.left + FIT_MARGIN;
  }
  return {
    paddingTopLeft: [padding.left, padding.top],
    paddingBottomRight: [padding.right, padding.bottom],
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
