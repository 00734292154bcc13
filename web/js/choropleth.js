/**
 * A district choropleth of one indicator's latest district figures, from the OGC collection
 * district-indicators (each district with fields <indicator>, <indicator>_year, <indicator>_sample),
 * with a legend of its classes. Classes are quantiles of the districts' values (as many as there are
 * distinct values, five at most), their breaks rounded to two significant digits; districts without
 * a figure are grey. Figures that are samples are said so in the legend and in each tooltip.
 */
import { html, setHtml } from './html.js';
import { formatNumber, local, t } from './i18n.js';
import { geoJsonOptions } from './map.js';

/** ColorBrewer YlGnBu, light (less) to dark (more): a sequential scale that says nothing of good or bad. */
const RAMP = ['#ffffcc', '#a1dab4', '#41b6c4', '#2c7fb8', '#253494'];
const NO_DATA = '#d5d8dc';
const MAX_CLASSES = RAMP.length;

function roundBreak(value) {
  if (value === 0) {
    return 0;
  }
  const magnitude = 10 ** (Math.floor(Math.log10(Math.abs(value))) - 1);
  return Math.round(value / magnitude) * magnitude;
}

/**
 * The upper bounds of the classes (the last is the maximum), quantiles of the values.
 * @param values finite numbers
 */
export function classBreaks(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const distinct = [...new Set(sorted)];
  const classes = Math.min(MAX_CLASSES, distinct.length);
  if (classes <= 1) {
    return distinct;
  }
  const breaks = [];
  for (let i = 1; i < classes; i++) {
    const bound = roundBreak(sorted[Math.ceil((i * sorted.length) / classes) - 1]);
    if (!breaks.length || bound > breaks[breaks.length - 1]) {
      breaks.push(bound);
    }
  }
  const max = sorted[sorted.length - 1];
  if (breaks[breaks.length - 1] < max) {
    breaks.push(max);
  }
  return breaks;
}

function classOf(value, breaks) {
  const index = breaks.findIndex((bound) => value <= bound);
  return index < 0 ? breaks.length - 1 : index;
}

/** Spreads the ramp over fewer classes, keeping both ends. */
function coloursFor(count) {
  if (count >= RAMP.length) {
    return RAMP;
  }
  return Array.from({ length: count }, (unused, i) => RAMP[count === 1 ? RAMP.length - 1 : Math.round((i * (RAMP.length - 1)) / (count - 1))]);
}

export function createChoropleth(map, datum) {
  const layer = L.geoJSON(null, geoJsonOptions(datum, { pane: 'highlight' }));
  const legend = L.control({ position: 'bottomleft' });
  legend.onAdd = () => {
    const box = L.DomUtil.create('div', 'choropleth-legend');
    L.DomEvent.disableClickPropagation(box);
    return box;
  };
  let shown = null;

  function render() {
    if (!shown) {
      return;
    }
    const { indicator, collection } = shown;
    const field = indicator.id.replaceAll('-', '_');
    const features = collection.features;
    const values = features.map((f) => f.properties[field]).filter((v) => typeof v === 'number');
    const breaks = classBreaks(values);
    const colours = coloursFor(breaks.length);
    const years = [...new Set(features.map((f) => f.properties[`${field}_year`]).filter(Boolean))].sort();
    const anySample = features.some((f) => f.properties[`${field}_sample`]);
    layer.clearLayers();
    layer.options.style = (feature) => {
      const value = feature.properties[field];
      return {
        color: '#566573',
        weight: 1,
        fillOpacity: 0.8,
        fillColor: typeof value === 'number' ? colours[classOf(value, breaks)] : NO_DATA,
        className: 'choropleth-district',
      };
    };
    layer.options.onEachFeature = (feature, path) => {
      const value = feature.properties[field];
      const name = local(feature.properties);
      path.bindTooltip(typeof value === 'number'
        ? t('monitor.tooltip', { name, value: formatNumber(value, 2), unit: local(indicator, 'unit'),
          year: feature.properties[`${field}_year`] }) + (feature.properties[`${field}_sample`] ? ` · ${t('monitor.sample')}` : '')
        : t('monitor.tooltipNoData', { name }), { sticky: true });
    };
    layer.addData(features);
    const low = (i) => (i === 0 ? Math.min(...values) : breaks[i - 1]);
    setHtml(legend.getContainer(), html`
      <h3>${local(indicator, 'label')}</h3>
      <p class="muted">${local(indicator, 'unit')} · ${years.join('–')}${t('monitor.legend.districts')}</p>
      <ul>${breaks.map((bound, i) => html`<li><span class="legend-swatch" data-var-swatch="${colours[i]}"></span>
        ${formatNumber(low(i), 2)} – ${formatNumber(bound, 2)}</li>`)}
        ${values.length < features.length ? html`<li><span class="legend-swatch" data-var-swatch="${NO_DATA}"></span>${t('monitor.legend.noData')}</li>` : ''}</ul>
      <p class="muted">${t('monitor.legend.classes')}</p>
      ${anySample ? html`<p><span class="badge badge--sample">${t('monitor.sample')}</span> ${t('monitor.sampleHint')}</p>` : ''}`);
  }

  return {
    /** Draws the districts of collection (GeoJSON of district-indicators) by the figures of indicator. */
    show(indicator, collection) {
      shown = { indicator, collection };
      if (!map.hasLayer(layer)) {
        layer.addTo(map);
        legend.addTo(map);
      }
      render();
    },
    hide() {
      shown = null;
      layer.remove();
      legend.remove();
    },
    render,
  };
}
