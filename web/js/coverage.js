/**
 * Coverage: which projects lie in an area. The area is a polygon of a layer (picked from the
 * lists, or from a map popup) or one drawn by hand (leaflet-draw, loaded when first used); the
 * answer (/api/coverage/projects, GET for a layer's polygon, POST for a drawn one) gives the
 * projects with totals, shown as figures, a chart by city and status, and a list, and can be
 * exported as CSV (the service's table) or GeoJSON (the answer itself).
 *
 * The question (area, relation, distance) is part of the page's link (state.js), so a planner can
 * send the result: a layer's polygon as area=layer/feature, a drawn one as its ring's lon,lat pairs.
 */
import { download, getJson, postJson, query, saveBlob } from './api.js';
import { drawCoverageChart } from './coverage-chart.js';
import { html, setHtml } from './html.js';
import { errorText, formatInvestment, formatNumber, local, onLangChange, t } from './i18n.js';
import { loadScript, loadStyle } from './lazy.js';
import { fitOptions, geoJsonOptions } from './map.js';

/** Layers with more polygons than this are picked on the map (popup), not from a list. */
const MAX_LISTED = 500;
const AREA_STYLE = { color: '#17202a', weight: 2.5, dashArray: '8 6', fillColor: '#17202a', fillOpacity: 0.06 };
const MODES = ['within', 'intersects', 'near'];
const DEFAULT_KM = 2;
/** Decimals of a drawn ring's degrees, in the link and in the question: 5 are about a metre. */
const RING_DECIMALS = 5;

/** A drawn ring as the link writes it: lon,lat,lon,lat,… without the closing vertex. */
function ringText(ring) {
  return ring.slice(0, -1).flat().map((degrees) => degrees.toFixed(RING_DECIMALS)).join(',');
}

/** The polygon a link's ring names, or null when the text is not at least three lon,lat pairs. */
function polygonOf(text) {
  const numbers = (text ?? '').split(',').map(Number);
  if (numbers.length < 6 || numbers.length % 2 !== 0 || numbers.some((n) => !Number.isFinite(n))) {
    return null;
  }
  const ring = [];
  for (let i = 0; i < numbers.length; i += 2) {
    ring.push([numbers[i], numbers[i + 1]]);
  }
  return { type: 'Polygon', coordinates: [[...ring, ring[0]]] };
}

function roundedRing(lonLats) {
  const factor = 10 ** RING_DECIMALS;
  const ring = lonLats.map(([lon, lat]) => [Math.round(lon * factor) / factor, Math.round(lat * factor) / factor]);
  return [...ring, ring[0]];
}

/**
 * @param options.polygonLayers () → catalog entries of the layers whose polygons can be an area
 * @param options.districts      the districts of /api/districts (listed without fetching geometry)
 * @param options.onProject      (id) → open a project
 * @param options.onDrawing      (active) → told when drawing starts and ends (clicks belong to it)
 * @param options.initial        the question a link asks: { area: 'layer/feature', polygon: 'lon,lat,…', mode, km }
 * @param options.fitInitial     frame the link's area (not when the link has a view of its own)
 * @param options.onChange       called with the question as the link keeps it, after every change
 */
export function createCoverage({ map, datum, element, cities, districts, polygonLayers, onProject, onDrawing,
  initial = {}, fitInitial = true, onChange }) {
  const form = element.querySelector('.coverage-form');
  const result = element.querySelector('.coverage-result');
  const areaLayer = L.geoJSON(null, geoJsonOptions(datum, { pane: 'analysis', interactive: false, style: AREA_STYLE })).addTo(map);
  const foundLayer = L.geoJSON(null, geoJsonOptions(datum, {
    pane: 'analysis',
    interactive: false,
    style: { color: '#17202a', weight: 3, fill: false },
    pointToLayer: (feature, latLng) => L.circleMarker(latLng, { pane: 'analysis', radius: 11 }),
  })).addTo(map);
  const featureNames = new Map();
  let area = null;
  let answer = null;
  let error = null;
  let chart = null;
  let controller = null;
  let drawingHere = false;

  function renderLayerOptions() {
    const current = form.elements.layer.value;
    setHtml(form.elements.layer, [html`<option value="">${t('coverage.chooseLayer')}</option>`,
      ...polygonLayers().map((info) => html`<option value="${info.id}">${local(info, 'title')}</option>`)]);
    form.elements.layer.value = current;
  }

  /** The polygons of a layer, by id and name, for the list: names only, so as little as possible is fetched. */
  async function featuresOf(layerId) {
    if (layerId === 'districts') {
      return districts.map((d) => ({ id: d.adcode, name_zh: d.name_zh, name_en: d.name_en }));
    }
    if (!featureNames.has(layerId)) {
      const info = polygonLayers().find((l) => l.id === layerId);
      if (!info || info.feature_count > MAX_LISTED) {
        return [];
      }
      // imported layers name their features as their source did: the first text field stands in for a name
      const text = (info.fields ?? []).filter((f) => f.type === 'string').map((f) => f.name);
      const named = ['name_zh', 'name_en'].filter((name) => text.includes(name));
      const fields = named.length ? named : text.slice(0, 1);
      // the items API always sends geometry; for layers this small that is little
      const answer = await getJson(`ogc/collections/${encodeURIComponent(layerId)}/items?${query({
        limit: MAX_LISTED, properties: fields.join(','),
      })}`);
      featureNames.set(layerId, answer.features.map((f) => ({
        id: String(f.id), name_zh: f.properties.name_zh ?? f.properties[fields[0]], name_en: f.properties.name_en,
      })));
    }
    return featureNames.get(layerId);
  }

  async function renderFeatureOptions() {
    const layerId = form.elements.layer.value;
    const select = form.elements.feature;
    const current = select.value;
    let features = [];
    let failure = null;
    try {
      features = layerId ? await featuresOf(layerId) : [];
    } catch (e) {
      failure = e;
    }
    const prompt = failure ? errorText(failure)
      : layerId && features.length === 0 ? t('coverage.pickOnMap') : t('coverage.chooseFeature');
    setHtml(select, [html`<option value="">${prompt}</option>`,
      ...features.map((f) => html`<option value="${f.id}">${local(f) || f.id}</option>`)]);
    select.value = features.some((f) => f.id === current) ? current : '';
  }

  function modeParams() {
    const mode = form.elements.mode.value;
    return mode === 'near'
      ? { mode, distance: Math.round(Number(form.elements.distance.value || 0) * 1000) }
      : { mode };
  }

  /**
   * A distance only means something for "near". Run at every render, not only when the relation
   * changes: the browser may restore the form's values on reload or back without a change event.
   */
  function enableDistance() {
    form.elements.distance.disabled = form.elements.mode.value !== 'near';
  }

  function tellLink() {
    const mode = form.elements.mode.value;
    onChange?.({
      area: area?.kind === 'feature' ? `${area.layer}/${area.feature}` : null,
      polygon: area?.kind === 'drawn' ? ringText(area.geometry.coordinates[0]) : null,
      mode: mode === 'within' ? null : mode,
      km: mode === 'near' ? String(Number(form.elements.distance.value || 0)) : null,
    });
  }

  function areaName() {
    return area.kind === 'drawn' ? t('coverage.drawnArea') : local(answer?.area) || area.feature;
  }

  async function run() {
    if (!area) {
      return;
    }
    controller?.abort();
    controller = new AbortController();
    const { signal } = controller;
    answer = null;
    error = null;
    render();
    try {
      answer = area.kind === 'drawn'
        ? await postJson(`api/coverage/projects?${query(modeParams())}`, area.geometry, { signal })
        : await getJson(`api/coverage/projects?${query({ layer: area.layer, feature: area.feature, ...modeParams() })}`, { signal });
    } catch (e) {
      if (e.name === 'AbortError') {
        return;
      }
      error = e;
    }
    foundLayer.clearLayers();
    if (answer) {
      foundLayer.addData(answer.features);
    }
    render();
  }

  async function render() {
    enableDistance();
    chart?.destroy();
    chart = null;
    if (!area) {
      setHtml(result, html`<p class="hint">${t('coverage.hint')}</p>`);
      return;
    }
    if (error) {
      setHtml(result, html`<p class="error" role="alert">${errorText(error)}</p>`);
      return;
    }
    if (!answer) {
      setHtml(result, html`<p role="status">${t('status.loading')}</p>`);
      return;
    }
    const total = answer.summary.total;
    setHtml(result, html`
      <h3>${areaName()}</h3>
      <p class="muted">${t('coverage.areaSize', { km2: formatNumber(answer.area.area_km2, 1) })} · ${t(`coverage.mode.${answer.mode}`)}
        ${answer.mode === 'near' ? t('coverage.distance', { km: formatNumber(answer.distance_m / 1000, 1) }) : ''}</p>
      <dl class="totals">
        <div><dt>${t('coverage.count')}</dt><dd data-total="count">${formatNumber(total.count, 0)}</dd></div>
        <div><dt>${t('coverage.investment')}</dt><dd>${formatInvestment(total.investment_cny_100m)}</dd></div>
        <div><dt>${t('coverage.projectArea')}</dt><dd>${formatNumber(total.area_km2, 1)} km²</dd></div>
      </dl>
      ${answer.features_omitted ? html`<p class="muted" role="note" data-omitted>${local(answer.features_omitted, 'message')}</p>`
        : html`<div class="chart-box"><canvas aria-label="${t('coverage.chartLabel')}" role="img"></canvas></div>`}
      <div class="button-row">
        <button type="button" data-action="csv">${t('coverage.exportCsv')}</button>
        <button type="button" data-action="geojson">${t('coverage.exportGeojson')}</button>
      </div>
      <p class="export-error error" role="alert" hidden></p>
      <ol class="coverage-list">${answer.features.map((f) => html`<li>
        <button type="button" class="link-button" data-project="${f.id}">${local(f.properties) || f.id}</button>
        <span class="muted">${formatInvestment(f.properties.investment_cny_100m)}</span></li>`)}</ol>`);
    if (answer.features.length > 0) {
      const shown = answer;
      const drawn = await drawCoverageChart(result.querySelector('canvas'), answer.features, cities);
      if (answer === shown && result.contains(drawn.canvas)) {
        chart = drawn;
      } else {
        drawn.destroy();
      }
    }
  }

  function showArea(geoJson, { fit }) {
    areaLayer.clearLayers();
    areaLayer.addData(geoJson);
    const bounds = areaLayer.getBounds();
    if (fit && bounds.isValid()) {
      map.fitBounds(bounds, fitOptions(map, { maxZoom: 13 }));
    }
  }

  async function pickFeature(layer, feature, { fit = true } = {}) {
    area = { kind: 'feature', layer, feature };
    tellLink();
    run();
    try {
      showArea(await getJson(`ogc/collections/${encodeURIComponent(layer)}/items/${encodeURIComponent(feature)}`), { fit });
    } catch {
      areaLayer.clearLayers();
    }
  }

  /** Analyses a polygon given in WGS84 (drawn, or from a link). */
  function useDrawn(geometry, { fit }) {
    form.elements.layer.value = '';
    renderFeatureOptions();
    area = { kind: 'drawn', geometry };
    tellLink();
    showArea(geometry, { fit });
    run();
  }

  async function analyse(layer, feature, options) {
    form.elements.layer.value = layer;
    await renderFeatureOptions();
    form.elements.feature.value = feature;
    pickFeature(layer, feature, options);
  }

  async function draw(shape) {
    await Promise.all([loadStyle('webjars/leaflet-draw/dist/leaflet.draw.css'), loadScript('webjars/leaflet-draw/dist/leaflet.draw.js')]);
    const options = { shapeOptions: { ...AREA_STYLE, pane: 'analysis' } };
    const handler = shape === 'rectangle' ? new L.Draw.Rectangle(map, options) : new L.Draw.Polygon(map, { ...options, allowIntersection: false });
    drawingHere = true;
    onDrawing?.(true);
    map.once('draw:drawstop', () => {
      onDrawing?.(false);
      // draw:created comes before draw:drawstop; a cancelled drawing ends here
      setTimeout(() => { drawingHere = false; });
    });
    handler.enable();
  }

  map.on('draw:created', ({ layer }) => {
    // the compliance check draws sites on the same map
    if (!drawingHere) {
      return;
    }
    drawingHere = false;
    // rounded as the link will hold it, so whoever opens the link gets exactly this answer
    const ring = roundedRing(layer.getLatLngs()[0].map((latLng) => datum.fromMap(latLng)));
    // drawn in the current view: no need to move the map
    useDrawn({ type: 'Polygon', coordinates: [ring] }, { fit: false });
  });

  form.addEventListener('change', async (event) => {
    const name = event.target.name;
    if (name === 'layer') {
      await renderFeatureOptions();
    } else if (name === 'feature' && event.target.value) {
      pickFeature(form.elements.layer.value, event.target.value);
    } else if (name === 'mode' || name === 'distance') {
      enableDistance();
      tellLink();
      run();
    }
  });
  form.addEventListener('submit', (event) => event.preventDefault());
  form.addEventListener('click', (event) => {
    const shape = event.target.closest('[data-draw]')?.dataset.draw;
    if (shape) {
      draw(shape);
    }
  });
  result.addEventListener('click', async (event) => {
    const project = event.target.closest('[data-project]');
    if (project) {
      onProject(project.dataset.project);
      return;
    }
    const action = event.target.closest('[data-action]')?.dataset.action;
    const failure = result.querySelector('.export-error');
    try {
      if (action === 'geojson') {
        saveBlob(new Blob([JSON.stringify(answer)], { type: 'application/geo+json' }), 'projects-in-area.geojson');
      } else if (action === 'csv') {
        // too many features to list: the table of their totals by district instead
        const csv = { ...modeParams(), format: 'csv', ...(answer.features_omitted ? { group: 'district' } : {}) };
        const file = answer.features_omitted ? 'projects-in-area-by-district.csv' : 'projects-in-area.csv';
        await (area.kind === 'drawn'
          ? download(`api/coverage/projects?${query(csv)}`, file, {
            method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(area.geometry),
          })
          : download(`api/coverage/projects?${query({ layer: area.layer, feature: area.feature, ...csv })}`, file));
      }
    } catch (e) {
      failure.textContent = errorText(e);
      failure.hidden = false;
    }
  });
  onLangChange(() => {
    renderLayerOptions();
    renderFeatureOptions();
    render();
  });

  // a page restored from the back/forward cache keeps its script state; the form must still agree
  window.addEventListener('pageshow', enableDistance);

  renderLayerOptions();
  // the link's question wins over form values the browser may have restored
  form.elements.mode.value = MODES.includes(initial.mode) ? initial.mode : 'within';
  const km = Number(initial.km);
  form.elements.distance.value = initial.km != null && Number.isFinite(km) && km >= 0 ? String(km) : String(DEFAULT_KM);
  enableDistance();
  render();
  const drawnInLink = polygonOf(initial.polygon);
  const [linkLayer, ...linkFeature] = (initial.area ?? '').split('/');
  if (drawnInLink) {
    useDrawn(drawnInLink, { fit: fitInitial });
  } else if (linkLayer && linkFeature.length) {
    analyse(linkLayer, linkFeature.join('/'), { fit: fitInitial });
  }

  return {
    /** Analyses one polygon of a layer (from a map popup). */
    analyse,
    /** Adds the polygon layers of a new catalog to the list. */
    refresh: renderLayerOptions,
  };
}
