/**
 * 版本对比 / comparing versions: pick a layer and two of the versions it keeps, and the changes
 * between them (/api/layers/{id}/changes, GeoJSON) are drawn on the map — added green, removed red,
 * changed amber (its earlier shape dashed) — listed with their measures, and downloadable. A swipe
 * shows the earlier version left of its line and the later one right of it. Below, the layer's
 * timeline: every version, restore and edit, with who and when.
 *
 * The two versions' features are drawn in two panes; the swipe clips each to its side of the line
 * with a clip-path set from script (the page's Content-Security-Policy refuses style attributes in
 * markup, not styles set by a script), recomputed as the map moves. An editor signed in (in the
 * imports panel) can make the earlier of the two versions current again.
 */
import { download, getJson, query, request } from './api.js';
import { authHeaders, editorName } from './auth.js';
import { html, setHtml } from './html.js';
import { errorText, formatNumber, lang, local, onLangChange, t } from './i18n.js';
import { fitOptions, geoJsonOptions } from './map.js';

const COLOURS = { added: '#1e8449', removed: '#c0392b', changed: '#d68910' };
/** The changes listed in the panel; all of them are drawn and downloadable. */
const LISTED = 200;

function dateTime(text) {
  return new Intl.DateTimeFormat(lang() === 'zh' ? 'zh-CN' : 'en-GB', { dateStyle: 'medium', timeStyle: 'short' })
    .format(new Date(text));
}

/** A change's name: the feature's own (name_zh/name_en, or an imported layer's 名称 or name), or its key. */
function nameOf(properties) {
  const attributes = properties.after ?? properties.before ?? {};
  return local(attributes) || attributes['名称'] || attributes.name || properties.key || '';
}

function measures(properties) {
  const parts = [];
  const square = (value) => t('history.m2', { value: formatNumber(value, 1) });
  if (properties.area_gained_m2) {
    parts.push(t('history.areaGained', { value: square(properties.area_gained_m2) }));
  }
  if (properties.area_lost_m2) {
    parts.push(t('history.areaLost', { value: square(properties.area_lost_m2) }));
  }
  if (properties.length_gained_m) {
    parts.push(t('history.lengthGained', { value: formatNumber(properties.length_gained_m, 1) }));
  }
  if (properties.length_lost_m) {
    parts.push(t('history.lengthLost', { value: formatNumber(properties.length_lost_m, 1) }));
  }
  if (properties.moved_m) {
    parts.push(t('history.moved', { value: formatNumber(properties.moved_m, 1) }));
  }
  if (properties.changed_fields?.length) {
    parts.push(t('history.fields', { fields: properties.changed_fields.join(t('list.separator')) }));
  }
  return parts.join(' · ');
}

/**
 * @param options.layers   () → the catalog's layers
 * @param options.initial  the page's starting state: compare=layer/from/to and key
 * @param options.onChange   called with { compare, key } after every comparison (null when cleared)
 * @param options.onRestored called with the layer id after a signed-in editor restored a version
 */
export function createHistory({ map, datum, element, layers, initial, onChange, onRestored }) {
  const form = element.querySelector('.history-form');
  const result = element.querySelector('.history-result');
  const timelineList = element.querySelector('.history-timeline');
  const swipeBox = form.querySelector('input[name="swipe"]');
  let versions = [];
  let timeline = [];
  let answer = null;
  let error = null;
  let loading = false;
  // what the last restore did, shown until the next comparison
  let notice = null;

  const style = (feature, before) => {
    const change = feature.properties.change;
    return {
      pane: before ? 'history-before' : 'history-after',
      color: COLOURS[change],
      weight: 2,
      opacity: 0.95,
      dashArray: before && change === 'changed' ? '6 4' : null,
      fillColor: COLOURS[change],
      fillOpacity: before && change === 'changed' ? 0.05 : 0.3,
      radius: 7,
      className: `history-change history-change--${change}${before ? ' history-change--before' : ''}`,
    };
  };
  const layerOf = (before) => L.geoJSON(null, geoJsonOptions(datum, {
    pane: before ? 'history-before' : 'history-after',
    style: (feature) => style(feature, before),
    pointToLayer: (feature, latLng) => L.circleMarker(latLng, style(feature, before)),
    onEachFeature: (feature, featureLayer) => featureLayer.bindTooltip(() => html`<strong>${t(`history.change.${
      feature.properties.change}`)}</strong> ${nameOf(feature.properties)}<br>${measures(feature.properties)}`.toString(),
    { sticky: true }),
  }));
  const beforeLayer = layerOf(true).addTo(map);
  const afterLayer = layerOf(false).addTo(map);

  // the swipe: a range across the bottom of the map and a line where it stands
  const Swipe = L.Control.extend({
    options: { position: 'bottomleft' },
    onAdd() {
      const box = L.DomUtil.create('div', 'history-swipe');
      setHtml(box, html`<input type="range" min="0" max="100" step="1" value="50" aria-label="${t('history.swipePosition')}">`);
      L.DomEvent.disableClickPropagation(box);
      L.DomEvent.on(box, 'pointerdown mousedown touchstart', L.DomEvent.stopPropagation);
      box.querySelector('input').addEventListener('input', clip);
      return box;
    },
  });
  const swipe = new Swipe();
  const line = L.DomUtil.create('div', 'history-swipe-line');

  function clip() {
    const before = map.getPane('history-before');
    const after = map.getPane('history-after');
    if (!swipeBox.checked || !answer) {
      before.style.removeProperty('clip-path');
      after.style.removeProperty('clip-path');
      line.hidden = true;
      return;
    }
    const size = map.getSize();
    const share = Number(swipe.getContainer()?.querySelector('input').value ?? 50) / 100;
    const x = Math.round(size.x * share);
    // panes move with the map: their own coordinates are the layer points of the container's corners
    const nw = map.containerPointToLayerPoint([0, 0]);
    const se = map.containerPointToLayerPoint(size);
    const cut = nw.x + x;
    before.style.setProperty('clip-path', `polygon(${nw.x}px ${nw.y}px, ${cut}px ${nw.y}px, ${cut}px ${se.y}px, ${nw.x}px ${se.y}px)`);
    after.style.setProperty('clip-path', `polygon(${cut}px ${nw.y}px, ${se.x}px ${nw.y}px, ${se.x}px ${se.y}px, ${cut}px ${se.y}px)`);
    line.hidden = false;
    line.style.setProperty('left', `${x}px`);
  }
  map.getContainer().append(line);
  line.hidden = true;
  map.on('move zoom resize viewreset', clip);

  function setSwipe(on) {
    if (on && answer) {
      swipe.addTo(map);
    } else {
      swipe.remove();
    }
    clip();
  }

  function layerSelect() {
    const select = form.elements.layer;
    const chosen = select.value;
    setHtml(select, html`<option value="">${t('history.chooseLayer')}</option>${layers().map((info) => html`
      <option value="${info.id}" ${info.id === chosen ? html`selected` : ''}>${local(info, 'title')}</option>`)}`);
  }

  function versionLabel(version) {
    const by = version.created_by ?? t('history.service');
    return t(version.current ? 'history.versionCurrent' : 'history.version',
      { version: version.version, date: dateTime(version.created_at), by });
  }

  function versionSelects(from, to) {
    // the versions the layer keeps (/versions), newest first
    const options = (selected) => versions.map((v) => html`<option value="${v.version}" ${String(v.version) === String(selected)
      ? html`selected` : ''}>${versionLabel(v)}</option>`);
    setHtml(form.elements.to, options(to ?? versions[0]?.version));
    setHtml(form.elements.from, options(from ?? versions[1]?.version));
    const info = layers().find((l) => l.id === form.elements.layer.value);
    const key = form.elements.key.value;
    setHtml(form.elements.key, html`<option value="">${t('history.byId')}</option>${(info?.fields ?? []).map((f) => html`
      <option value="${f.name}" ${f.name === key ? html`selected` : ''}>${f.name}</option>`)}`);
    const comparable = versions.length >= 2;
    form.querySelector('button[type="submit"]').disabled = !comparable;
    return comparable;
  }

  function renderTimeline() {
    setHtml(timelineList, timeline.length ? timeline.map((entry) => html`<li data-event="${entry.event}">
      <time datetime="${entry.at}">${dateTime(entry.at)}</time>
      <span>${lang() === 'zh' ? entry.what_zh : entry.what_en}</span>
      <span class="muted">${entry.by ?? t('history.service')}${entry.version && entry.event.startsWith('feature-')
    ? ` · ${t('history.inVersion', { version: entry.version })}` : ''}</span></li>`)
      : html`<li class="muted">${t('history.noTimeline')}</li>`);
  }

  function renderResult() {
    if (loading) {
      setHtml(result, html`<p class="hint" role="status">${t('status.loading')}</p>`);
      return;
    }
    if (error) {
      setHtml(result, html`<p class="error" role="alert">${errorText(error)}</p>`);
      return;
    }
    if (!answer) {
      const single = form.elements.layer.value && versions.length < 2;
      setHtml(result, html`${notice ? html`<p class="ok" role="status">${notice}</p>` : ''}${single
        ? html`<p class="hint">${t('history.oneVersion')}</p>` : ''}`);
      return;
    }
    // an editor signed in (导入导出) may make the earlier version current again
    const restorable = editorName() && answer.from.state !== 'current';
    const { totals } = answer;
    const listed = answer.features.slice(0, LISTED);
    setHtml(result, html`
      <p class="history-totals">
        <span class="change-swatch change-swatch--added"></span>${t('history.added', { count: totals.added })}
        <span class="change-swatch change-swatch--removed"></span>${t('history.removed', { count: totals.removed })}
        <span class="change-swatch change-swatch--changed"></span>${t('history.changed', { count: totals.changed })}
      </p>
      <p class="muted">${t('history.between', { from: answer.from.version, to: answer.to.version,
    by: answer.matched_by === 'id' ? t('history.byId') : answer.matched_by })}${totals.area_gained_m2 || totals.area_lost_m2
  ? ` · ${t('history.areaTotals', { gained: formatNumber(totals.area_gained_m2 / 1e6, 3), lost: formatNumber(totals.area_lost_m2 / 1e6, 3) })}` : ''}</p>
      ${answer.fields_added.length || answer.fields_removed.length ? html`<p class="muted">${t('history.fieldChanges', {
    added: answer.fields_added.join(t('list.separator')) || '–', removed: answer.fields_removed.join(t('list.separator')) || '–' })}</p>` : ''}
      <p class="button-row">
        <button type="button" data-download="geojson">GeoJSON</button><button type="button" data-download="csv">CSV</button>
        ${restorable ? html`<button type="button" data-restore="${answer.from.version}">${t('history.restore', { version: answer.from.version })}</button>` : ''}
      </p>
      <ol class="history-changes">${listed.map((feature, index) => html`<li>
        <button type="button" class="link-button" data-index="${index}">
          <span class="change-badge change-badge--${feature.properties.change}">${t(`history.change.${feature.properties.change}`)}</span>
          ${nameOf(feature.properties)} <span class="muted">${feature.properties.key ?? feature.id}</span></button>
        <span class="muted">${measures(feature.properties)}</span></li>`)}</ol>
      ${answer.features.length > LISTED ? html`<p class="muted">${t('history.more', { count: answer.features.length - LISTED })}</p>` : ''}`);
  }

  function draw() {
    beforeLayer.clearLayers();
    afterLayer.clearLayers();
    if (!answer) {
      return;
    }
    for (const feature of answer.features) {
      const { change, geometry_before: before } = feature.properties;
      if (change !== 'removed') {
        afterLayer.addData(feature);
      }
      if (change === 'removed' || change === 'changed') {
        beforeLayer.addData(before ? { ...feature, geometry: before } : feature);
      }
    }
    const bounds = afterLayer.getBounds().extend(beforeLayer.getBounds());
    if (bounds.isValid()) {
      map.fitBounds(bounds, fitOptions(map, { maxZoom: 15 }));
    }
  }

  async function loadLayer(layerId, { from, to } = {}) {
    answer = null;
    error = null;
    notice = null;
    versions = [];
    timeline = [];
    draw();
    setSwipe(false);
    if (!layerId) {
      versionSelects();
      renderResult();
      renderTimeline();
      return false;
    }
    try {
      const [kept, entries] = await Promise.all([
        getJson(`api/layers/${encodeURIComponent(layerId)}/versions`),
        getJson(`api/layers/${encodeURIComponent(layerId)}/timeline?limit=200`),
      ]);
      versions = kept;
      timeline = entries.entries;
    } catch (e) {
      error = e;
    }
    const comparable = versionSelects(from, to);
    renderResult();
    renderTimeline();
    return comparable;
  }

  function comparisonQuery(format) {
    const data = new FormData(form);
    return query({ from: data.get('from'), to: data.get('to'), key: data.get('key'), format });
  }

  async function restore(version) {
    const layerId = form.elements.layer.value;
    try {
      await request(`api/layers/${encodeURIComponent(layerId)}/versions/${version}/restore`,
        { method: 'POST', headers: authHeaders() });
    } catch (e) {
      error = e;
      renderResult();
      return;
    }
    await loadLayer(layerId);
    notice = t('history.restored', { version });
    renderResult();
    onChange?.({ compare: null, key: null });
    onRestored?.(layerId);
  }

  async function compare() {
    const layerId = form.elements.layer.value;
    notice = null;
    loading = true;
    error = null;
    renderResult();
    try {
      answer = await getJson(`api/layers/${encodeURIComponent(layerId)}/changes?${comparisonQuery('geojson')}`,
        { headers: { Accept: 'application/geo+json' } });
    } catch (e) {
      answer = null;
      error = e;
    }
    loading = false;
    draw();
    setSwipe(swipeBox.checked);
    renderResult();
    onChange?.(answer ? { compare: `${layerId}/${answer.from.version}/${answer.to.version}`, key: form.elements.key.value || null }
      : { compare: null, key: null });
  }

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    compare();
  });
  form.elements.layer.addEventListener('change', () => {
    loadLayer(form.elements.layer.value);
    onChange?.({ compare: null, key: null });
  });
  swipeBox.addEventListener('change', () => setSwipe(swipeBox.checked));
  result.addEventListener('click', (event) => {
    const restoring = event.target.closest('[data-restore]')?.dataset.restore;
    if (restoring) {
      restore(restoring);
      return;
    }
    const format = event.target.closest('[data-download]')?.dataset.download;
    if (format) {
      const layerId = form.elements.layer.value;
      download(`api/layers/${encodeURIComponent(layerId)}/changes?${comparisonQuery(format)}`,
        `${layerId}-changes-${answer.from.version}-${answer.to.version}.${format}`).catch((e) => {
        error = e;
        renderResult();
      });
      return;
    }
    const index = event.target.closest('[data-index]')?.dataset.index;
    if (index != null) {
      const feature = answer.features[Number(index)];
      const bounds = L.geoJSON(feature, geoJsonOptions(datum)).getBounds();
      map.fitBounds(bounds, fitOptions(map, { maxZoom: 16 }));
    }
  });
  onLangChange(() => {
    layerSelect();
    versionSelects(form.elements.from.value, form.elements.to.value);
    renderResult();
    renderTimeline();
  });

  layerSelect();
  renderTimeline();
  const [layerId, from, to] = (initial.compare ?? '').split('/');
  if (layerId) {
    form.elements.layer.value = layerId;
    form.elements.key.value = initial.key ?? '';
    loadLayer(layerId, { from, to }).then((comparable) => {
      if (comparable && form.elements.layer.value === layerId) {
        if (initial.key) {
          form.elements.key.value = initial.key;
        }
        compare();
      }
    });
  }

  return {
    /** The catalog changed (an import): the layer list follows. */
    refresh() {
      layerSelect();
      if (form.elements.layer.value) {
        loadLayer(form.elements.layer.value);
      }
    },
  };
}
