/**
 * Compliance check (合规检查): a planner draws a site (a polygon, a rectangle or a point) or picks a
 * project, says which city it serves and its industry, and gets the verdict (符合 / 有条件符合 /
 * 不符合) with the rules that fired, their level and the sentence of the plan (or the document) each
 * cites, the areas the site falls in, the existing projects it overlaps and, when it lies in no area
 * meant for its city, the nearest one that is (/api/compliance/check, /api/compliance/projects/{id}).
 * On the map the site is drawn, and the parts of it inside the areas that decided: green where an
 * area is meant for its city, in the level's colour where a rule fired. The review can be printed as
 * a review sheet (review-sheet.js). The whole library can be reviewed at once, its non-compliant and
 * conditional projects listed, and the table downloaded as CSV.
 *
 * The check is part of the page's link: site=lon,lat,… (a drawn ring, or one point), check=project
 * id, declare=city/industry.
 */
import { download, getJson, postJson, query, saveBlob } from './api.js';
import { html, setHtml } from './html.js';
import { errorText, formatNumber, local, onLangChange, t, term } from './i18n.js';
import { loadScript, loadStyle } from './lazy.js';
import { fitOptions, geoJsonOptions } from './map.js';
import { printReviewSheet } from './review-sheet.js';
import { INDUSTRIES } from './vocabulary.js';

const SITE_STYLE = { color: '#17202a', weight: 2.5, dashArray: '6 4', fillColor: '#17202a', fillOpacity: 0.06 };
const LEVEL_COLOURS = { conflict: '#c0392b', condition: '#ca6f1e', advice: '#2471a3' };
const FITS_COLOUR = '#1e8449';
const VERDICT_COLOURS = { compliant: FITS_COLOUR, conditional: LEVEL_COLOURS.condition, 'non-compliant': LEVEL_COLOURS.conflict };
const DECIMALS = 5;
const MAX_LISTED_PROJECTS = 500;

/** A site as the link writes it: lon,lat for a point, lon,lat,… without the closing vertex for a ring. */
function siteText(geometry) {
  const positions = geometry.type === 'Point' ? [geometry.coordinates] : geometry.coordinates[0].slice(0, -1);
  return positions.flat().map((degrees) => degrees.toFixed(DECIMALS)).join(',');
}

function siteOf(text) {
  const numbers = (text ?? '').split(',').map(Number);
  if (numbers.length < 2 || numbers.length % 2 !== 0 || numbers.some((n) => !Number.isFinite(n))) {
    return null;
  }
  if (numbers.length === 2) {
    return { type: 'Point', coordinates: numbers };
  }
  const ring = [];
  for (let i = 0; i < numbers.length; i += 2) {
    ring.push([numbers[i], numbers[i + 1]]);
  }
  return ring.length < 3 ? null : { type: 'Polygon', coordinates: [[...ring, ring[0]]] };
}

function rounded([lon, lat]) {
  const factor = 10 ** DECIMALS;
  return [Math.round(lon * factor) / factor, Math.round(lat * factor) / factor];
}

/** The colour an area's part of the site is drawn in: the strongest rule fired there, or green where it fits. */
function areaColour(area, rules) {
  const fired = rules.filter((r) => r.layer === area.layer && (r.feature == null || r.feature === area.feature));
  const level = ['conflict', 'condition', 'advice'].find((l) => fired.some((r) => r.level === l));
  if (level) {
    return LEVEL_COLOURS[level];
  }
  return area.serves_city ? FITS_COLOUR : null;
}

/**
 * @param options.cities     the six cities (/api/cities)
 * @param options.onProject  (id) → open a project's card
 * @param options.onDrawing  (active) → told when drawing starts and ends (clicks belong to it)
 * @param options.onShowLayer (layer id) → put a layer on the map (a control line the site touches)
 * @param options.initial    the check a link asks: { site, check, declare }
 * @param options.onChange   called with the check as the link keeps it, after every change
 */
export function createCompliance({ map, datum, element, cities, onProject, onDrawing, onShowLayer, initial = {},
  fitInitial = true, onChange }) {
  const form = element.querySelector('.compliance-form');
  const result = element.querySelector('.compliance-result');
  const library = element.querySelector('.compliance-library');
  const siteLayer = L.geoJSON(null, geoJsonOptions(datum, {
    pane: 'analysis',
    interactive: false,
    style: SITE_STYLE,
    pointToLayer: (feature, latLng) => L.circleMarker(latLng, { pane: 'analysis', radius: 9, ...SITE_STYLE }),
  })).addTo(map);
  // the parts where a rule fired are drawn over those that only fit, and stronger
  const overlapLayer = L.geoJSON(null, geoJsonOptions(datum, {
    pane: 'analysis',
    interactive: false,
    style: (feature) => ({ color: feature.properties.colour, weight: feature.properties.fired ? 2 : 1,
      fillColor: feature.properties.colour, fillOpacity: feature.properties.fired ? 0.5 : 0.2 }),
  })).addTo(map);
  let site = null;
  let answer = null;
  let error = null;
  let controller = null;
  let drawingHere = false;
  let projects = [];
  let batch = null;

  function renderSelects() {
    const city = form.elements.city.value;
    const industry = form.elements.industry.value;
    const project = form.elements.project.value;
    setHtml(form.elements.city, cities.map((c) => html`<option value="${c.id}">${local(c)}</option>`));
    setHtml(form.elements.industry, [html`<option value="">${t('compliance.noIndustry')}</option>`,
      ...INDUSTRIES.map((i) => html`<option value="${i}">${term('industry', i)}</option>`)]);
    setHtml(form.elements.project, [html`<option value="">${t('compliance.chooseProject')}</option>`,
      ...projects.map((p) => html`<option value="${p.id}">${local(p.properties) || p.id}</option>`)]);
    form.elements.city.value = city || cities[0]?.id;
    form.elements.industry.value = industry;
    form.elements.project.value = project;
  }

  async function loadProjects() {
    try {
      const answer = await getJson(`ogc/collections/projects/items?${query({
        limit: MAX_LISTED_PROJECTS, properties: 'name_zh,name_en,city,industry',
      })}`);
      projects = answer.features;
    } catch {
      projects = [];
    }
    renderSelects();
    if (site?.kind === 'project') {
      form.elements.project.value = site.id;
    }
  }

  function declared() {
    return { city: form.elements.city.value, industry: form.elements.industry.value };
  }

  function tellLink() {
    const { city, industry } = declared();
    onChange?.({
      site: site?.kind === 'drawn' ? siteText(site.geometry) : null,
      check: site?.kind === 'project' ? site.id : null,
      declare: site ? [city, industry].filter(Boolean).join('/') : null,
    });
  }

  async function run() {
    if (!site) {
      return;
    }
    controller?.abort();
    controller = new AbortController();
    const { signal } = controller;
    answer = null;
    error = null;
    render();
    try {
      // a project is reviewed as its record declares it until the planner tries another city or industry
      answer = site.kind === 'drawn'
        ? await postJson(`api/compliance/check?${query(declared())}`, site.geometry, { signal })
        : await getJson(`api/compliance/projects/${encodeURIComponent(site.id)}?${query(site.tried ? declared() : {})}`, { signal });
      if (site.kind === 'project' && !site.tried) {
        form.elements.city.value = answer.declared.city ?? form.elements.city.value;
        form.elements.industry.value = answer.declared.industry ?? '';
        tellLink();
      }
    } catch (e) {
      if (e.name === 'AbortError') {
        return;
      }
      error = e;
    }
    drawAnswer();
    render();
  }

  function drawAnswer() {
    overlapLayer.clearLayers();
    siteLayer.clearLayers();
    if (!answer) {
      if (site?.geometry) {
        siteLayer.addData(site.geometry);
      }
      return;
    }
    const pieces = answer.areas.filter((a) => a.geometry).map((a) => ({ area: a, colour: areaColour(a, answer.rules) }))
      .filter((p) => p.colour)
      .map((p) => ({ type: 'Feature', properties: { colour: p.colour, fired: p.colour !== FITS_COLOUR }, geometry: p.area.geometry }))
      .sort((a, b) => Number(a.properties.fired) - Number(b.properties.fired));
    overlapLayer.addData(pieces);
    // the planner sees the whole control line the site touches, not only the part inside the site
    new Set(answer.areas.filter((a) => a.constraint).map((a) => a.layer)).forEach((layer) => onShowLayer?.(layer));
    siteLayer.addData(answer.site.geometry);
    siteLayer.setStyle({ ...SITE_STYLE, color: VERDICT_COLOURS[answer.verdict] });
  }

  function level(rule) {
    return html`<span class="level level--${rule.level}">${local(rule, 'level')}</span>`;
  }

  function source(rule) {
    const s = rule.source;
    return html`<details class="rule-source"><summary>${t('compliance.source')}${local(s, 'document')}</summary>
      ${s.quote_zh ? html`<blockquote lang="zh-CN">${s.quote_zh}</blockquote>
        <p class="muted" lang="en">${s.quote_en}</p>` : html`<p class="muted">${t('compliance.notQuoted')}</p>`}</details>`;
  }

  function siteName() {
    return answer.site.id ? local(answer.site) || answer.site.id
      : t(answer.site.geometry_type === 'Point' ? 'compliance.drawnPoint' : 'compliance.drawnSite');
  }

  function area(a) {
    const colour = areaColour(a, answer.rules);
    return html`<tr><td>${local(a, 'layer_title')}</td>
      <td>${local(a) || a.feature}${a.sample ? html` <span class="badge badge--sample">${local(a, 'note')}</span>` : ''}</td>
      <td class="number">${formatNumber(a.share_pct, 1)}%</td>
      <td class="fit">${colour ? html`<span class="fit-mark" data-colour="${colour}">●</span>` : ''}${a.serves_city ? t('compliance.meantFor') : ''}</td></tr>`;
  }

  function render() {
    if (!site) {
      setHtml(result, html`<p class="hint">${t('compliance.hint')}</p>`);
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
    const s = answer.site;
    const size = s.geometry_type === 'Point' ? t('compliance.point')
      : t('compliance.siteArea', { ha: formatNumber(s.area_m2 / 10_000, 2) });
    setHtml(result, html`
      <h3>${siteName()}</h3>
      <p class="muted">${size} · ${t('compliance.centre', { lon: s.centroid[0].toFixed(5), lat: s.centroid[1].toFixed(5) })}</p>
      <p class="verdict verdict--${answer.verdict}" data-verdict="${answer.verdict}">${local(answer, 'verdict')}</p>
      <p>${t('compliance.cityShare', { city: local({ name_zh: answer.declared.city_name_zh, name_en: answer.declared.city_name_en }) || '–',
        share: formatNumber(answer.city_share_pct, 1) })}</p>
      <h4>${t('compliance.rules', { count: answer.rules.length })}</h4>
      ${answer.rules.length ? html`<ol class="rule-list">${answer.rules.map((r) => html`<li data-rule="${r.id}">${level(r)}
        ${local(r, 'message')}${source(r)}</li>`)}</ol>` : html`<p class="ok">${t('compliance.noRules')}</p>`}
      ${answer.nearest ? html`<p>${t('compliance.nearest', { name: local(answer.nearest) || answer.nearest.feature,
        km: formatNumber(answer.nearest.distance_m / 1000, 1) })}</p>` : ''}
      <h4>${t('compliance.areas')}</h4>
      <table class="review-table"><thead><tr><th>${t('compliance.layer')}</th><th>${t('compliance.area')}</th>
        <th>${t('compliance.share')}</th><th></th></tr></thead><tbody>${answer.areas.map(area)}</tbody></table>
      <h4>${t('compliance.projects', { count: answer.projects.length })}</h4>
      ${answer.projects.length ? html`<ul>${answer.projects.map((p) => html`<li><button type="button" class="link-button"
        data-project="${p.id}">${local(p) || p.id}</button>${p.share_pct != null ? html` <span class="muted">${formatNumber(p.share_pct, 1)}%</span>` : ''}</li>`)}</ul>`
        : html`<p class="muted">${t('card.none')}</p>`}
      ${answer.notes.length ? html`<ul class="notes">${answer.notes.map((n) => html`<li>${local(n, 'message')}</li>`)}</ul>` : ''}
      <div class="button-row">
        <button type="button" data-action="print">${t('compliance.print')}</button>
        <button type="button" data-action="json">${t('compliance.exportJson')}</button>
      </div>`);
    result.querySelectorAll('[data-colour]').forEach((mark) => mark.style.setProperty('color', mark.dataset.colour));
  }

  function showSite(geometry, { fit }) {
    siteLayer.clearLayers();
    overlapLayer.clearLayers();
    siteLayer.addData(geometry);
    const bounds = siteLayer.getBounds();
    if (fit && bounds.isValid()) {
      map.fitBounds(bounds, fitOptions(map, { maxZoom: 14 }));
    }
  }

  function useDrawn(geometry, { fit }) {
    site = { kind: 'drawn', geometry };
    form.elements.project.value = '';
    tellLink();
    showSite(geometry, { fit });
    run();
  }

  /**
   * Reviews a project: its own city and industry, which the planner may then change to try others
   * (tried: the form's, e.g. from a link).
   */
  async function useProject(id, { fit = true, tried = false } = {}) {
    site = { kind: 'project', id, tried };
    form.elements.project.value = id;
    tellLink();
    await run();
    if (fit && answer) {
      showSite(answer.site.geometry, { fit: true });
      drawAnswer();
    }
  }

  async function draw(shape) {
    await Promise.all([loadStyle('webjars/leaflet-draw/dist/leaflet.draw.css'), loadScript('webjars/leaflet-draw/dist/leaflet.draw.js')]);
    const options = { shapeOptions: { ...SITE_STYLE, pane: 'analysis' } };
    const handler = shape === 'marker' ? new L.Draw.Marker(map, {})
      : shape === 'rectangle' ? new L.Draw.Rectangle(map, options)
        : new L.Draw.Polygon(map, { ...options, allowIntersection: false });
    drawingHere = true;
    onDrawing?.(true);
    map.once('draw:drawstop', () => {
      onDrawing?.(false);
      // draw:created comes before draw:drawstop; a cancelled drawing ends here
      setTimeout(() => { drawingHere = false; });
    });
    handler.enable();
  }

  map.on('draw:created', ({ layer, layerType }) => {
    if (!drawingHere) {
      return;
    }
    drawingHere = false;
    if (layerType === 'marker') {
      useDrawn({ type: 'Point', coordinates: rounded(datum.fromMap(layer.getLatLng())) }, { fit: false });
      return;
    }
    // rounded as the link will hold it, so whoever opens the link gets exactly this review
    const ring = layer.getLatLngs()[0].map((latLng) => rounded(datum.fromMap(latLng)));
    useDrawn({ type: 'Polygon', coordinates: [[...ring, ring[0]]] }, { fit: false });
  });

  async function reviewLibrary() {
    batch = { loading: true };
    renderLibrary();
    try {
      batch = await getJson(`api/compliance/projects?${query({ verdict: 'non-compliant,conditional' })}`);
    } catch (e) {
      batch = { error: e };
    }
    renderLibrary();
  }

  function renderLibrary() {
    if (!batch) {
      setHtml(library, '');
      return;
    }
    if (batch.loading || batch.error) {
      setHtml(library, batch.error ? html`<p class="error" role="alert">${errorText(batch.error)}</p>`
        : html`<p role="status">${t('status.loading')}</p>`);
      return;
    }
    const s = batch.summary;
    setHtml(library, html`
      <p class="library-summary">${t('compliance.librarySummary', { total: s.total, compliant: s.compliant,
        conditional: s.conditional, nonCompliant: s.non_compliant })}</p>
      <ol class="library-list">${batch.reviews.map((r) => html`<li>
        <span class="verdict-dot verdict--${r.verdict}" title="${local(r, 'verdict')}"></span>
        <button type="button" class="link-button" data-review="${r.site.id}">${local(r.site) || r.site.id}</button>
        <span class="muted">${local(r, 'verdict')} · ${r.rules.map((rule) => local(rule, 'level')).join(t('list.separator'))}</span></li>`)}</ol>
      <div class="button-row"><button type="button" data-action="library-csv">${t('compliance.libraryCsv')}</button></div>
      <p class="export-error error" role="alert" hidden></p>`);
  }

  form.addEventListener('submit', (event) => event.preventDefault());
  form.addEventListener('click', (event) => {
    const shape = event.target.closest('[data-site-draw]')?.dataset.siteDraw;
    if (shape) {
      draw(shape);
    }
  });
  form.addEventListener('change', (event) => {
    const name = event.target.name;
    if (name === 'project' && event.target.value) {
      useProject(event.target.value);
    } else if (name === 'city' || name === 'industry') {
      if (site?.kind === 'project') {
        site.tried = true;
      }
      tellLink();
      run();
    }
  });
  result.addEventListener('click', (event) => {
    const project = event.target.closest('[data-project]');
    if (project) {
      onProject(project.dataset.project);
      return;
    }
    const action = event.target.closest('[data-action]')?.dataset.action;
    if (action === 'print') {
      printReviewSheet({ map, datum, answer, siteName: siteName(), siteBounds: siteLayer.getBounds() });
    } else if (action === 'json') {
      saveBlob(new Blob([JSON.stringify(answer, null, 2)], { type: 'application/json' }), 'compliance-review.json');
    }
  });
  element.querySelector('[data-action="library"]').addEventListener('click', reviewLibrary);
  library.addEventListener('click', async (event) => {
    const review = event.target.closest('[data-review]');
    if (review) {
      useProject(review.dataset.review);
      return;
    }
    if (event.target.closest('[data-action="library-csv"]')) {
      try {
        await download('api/compliance/projects?format=csv', 'compliance-projects.csv');
      } catch (e) {
        const failure = library.querySelector('.export-error');
        failure.textContent = errorText(e);
        failure.hidden = false;
      }
    }
  });
  onLangChange(() => {
    renderSelects();
    render();
    renderLibrary();
  });

  renderSelects();
  const [linkCity, linkIndustry] = (initial.declare ?? '').split('/');
  if (cities.some((c) => c.id === linkCity)) {
    form.elements.city.value = linkCity;
  }
  if (INDUSTRIES.includes(linkIndustry)) {
    form.elements.industry.value = linkIndustry;
  }
  render();
  loadProjects().then(() => {
    if (initial.check && !initial.site) {
      useProject(initial.check, { fit: fitInitial, tried: Boolean(initial.declare) });
    }
  });
  const linked = siteOf(initial.site);
  if (linked) {
    useDrawn(linked, { fit: fitInitial });
  }

  return {
    /** Reviews a project of the library (from its card). */
    check: (id) => useProject(id),
  };
}
