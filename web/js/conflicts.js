/**
 * Conflicts between two layers (多规合一冲突检查): a planner picks a layer (an imported development
 * plan, the development zones) and the layer it must not overlap (a control line, the agricultural
 * belts), and sees every overlapping pair with its area and shares, drawn on the map in the level of
 * the control line's rule, and can download them as CSV or GeoJSON (/api/compliance/conflicts).
 * The check is part of the page's link: conflict=layer/against.
 */
import { download, getJson, query } from './api.js';
import { html, setHtml } from './html.js';
import { errorText, formatNumber, local, onLangChange, t } from './i18n.js';
import { fitOptions, geoJsonOptions } from './map.js';

const LEVEL_COLOURS = { conflict: '#c0392b', condition: '#ca6f1e', advice: '#2471a3' };
const NO_RULE_COLOUR = '#7d3c98';
const MAX_LISTED = 30;
const DEFAULT_LAYER = 'dev-zones';

/**
 * @param options.element       the form (.conflict-form) and the answer (.conflict-result)
 * @param options.polygonLayers () → catalog entries of the polygon layers
 * @param options.onShowLayer   (layer id) → put a layer on the map (both layers checked, to see the overlaps in context)
 * @param options.initial       the check a link asks, 'layer/against'
 * @param options.onChange      called with { conflict: 'layer/against' } after a check
 */
export function createConflicts({ map, datum, element, polygonLayers, onShowLayer, initial, onChange }) {
  const form = element.querySelector('.conflict-form');
  const result = element.querySelector('.conflict-result');
  const overlapLayer = L.geoJSON(null, geoJsonOptions(datum, {
    pane: 'analysis',
    interactive: false,
    style: () => ({ color: colour(), weight: 2, fillColor: colour(), fillOpacity: 0.45 }),
  })).addTo(map);
  let answer = null;

  function colour() {
    return LEVEL_COLOURS[answer?.level] ?? NO_RULE_COLOUR;
  }

  function renderSelects() {
    const layers = polygonLayers();
    const options = layers.map((info) => html`<option value="${info.id}">${local(info, 'title')}</option>`);
    const chosen = [form.elements.layer.value, form.elements.against.value];
    setHtml(form.elements.layer, options);
    setHtml(form.elements.against, options);
    // by default a plan layer against a control line, the check a planner runs first
    const constraint = layers.find((l) => /redline|farmland|boundary/.test(l.id)) ?? layers.at(-1);
    form.elements.layer.value = chosen[0] || (layers.some((l) => l.id === DEFAULT_LAYER) ? DEFAULT_LAYER : layers[0]?.id);
    form.elements.against.value = chosen[1] || constraint?.id;
  }

  function pairName(f) {
    const p = f.properties;
    return `${local(p) || p.feature} × ${local(p, 'against_name') || p.against_feature}`;
  }

  function render() {
    if (!answer) {
      setHtml(result, '');
      return;
    }
    if (answer.loading || answer.error) {
      setHtml(result, answer.error ? html`<p class="error" role="alert">${errorText(answer.error)}</p>`
        : html`<p role="status">${t('status.loading')}</p>`);
      return;
    }
    const pairs = [...answer.features].sort((a, b) => b.properties.overlap_m2 - a.properties.overlap_m2);
    setHtml(result, html`
      <p class="conflict-summary">${t('conflicts.summary', { count: answer.count, km2: formatNumber(answer.total_m2 / 1e6, 2) })}
        ${answer.level ? html`<span class="level level--${answer.level}">${t(`conflicts.level.${answer.level}`)}</span>` : ''}</p>
      ${answer.sample ? html`<p class="notes">${local(answer, 'note')}</p>` : ''}
      ${pairs.length ? html`<ol class="conflict-list">${pairs.slice(0, MAX_LISTED).map((f) => html`<li>${pairName(f)}:
        ${formatNumber(f.properties.overlap_m2 / 1e4, 2)} ${t('unit.hectares')}
        <span class="muted">(${t('conflicts.shares', { layer: formatNumber(f.properties.share_of_feature_pct, 1),
          against: formatNumber(f.properties.share_of_against_pct, 1) })})</span></li>`)}</ol>
        ${pairs.length > MAX_LISTED ? html`<p class="muted">${t('conflicts.more', { count: pairs.length - MAX_LISTED })}</p>` : ''}
        <div class="button-row"><button type="button" data-action="conflicts-csv">CSV</button>
          <button type="button" data-action="conflicts-geojson">GeoJSON</button></div>
        <p class="export-error error" role="alert" hidden></p>` : ''}`);
  }

  function request() {
    return { layer: form.elements.layer.value, against: form.elements.against.value };
  }

  async function check() {
    answer = { loading: true };
    overlapLayer.clearLayers();
    render();
    try {
      const { layer, against } = request();
      answer = await getJson(`api/compliance/conflicts?${query({ layer, against })}`);
      [layer, against].forEach((id) => onShowLayer?.(id));
      onChange?.({ conflict: `${layer}/${against}` });
      overlapLayer.addData(answer.features);
      if (answer.features.length) {
        map.fitBounds(overlapLayer.getBounds(), fitOptions(map));
      }
    } catch (e) {
      answer = { error: e };
    }
    render();
  }

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    check();
  });
  result.addEventListener('click', async (event) => {
    const format = { 'conflicts-csv': 'csv', 'conflicts-geojson': 'geojson' }[event.target.closest('[data-action]')?.dataset.action];
    if (!format) {
      return;
    }
    const { layer, against } = request();
    try {
      await download(`api/compliance/conflicts?${query({ layer, against, format: format === 'csv' ? 'csv' : '' })}`,
        `conflicts-${layer}-${against}.${format}`);
    } catch (e) {
      const failure = result.querySelector('.export-error');
      failure.textContent = errorText(e);
      failure.hidden = false;
    }
  });
  onLangChange(() => {
    renderSelects();
    render();
  });
  renderSelects();
  const [linkLayer, linkAgainst] = (initial ?? '').split('/');
  if ([linkLayer, linkAgainst].every((id) => polygonLayers().some((l) => l.id === id))) {
    form.elements.layer.value = linkLayer;
    form.elements.against.value = linkAgainst;
    check();
  }

  return {
    /** Lists the layers again (after an import). */
    refresh: renderSelects,
  };
}
