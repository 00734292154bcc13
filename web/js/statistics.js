/**
 * The 统计 panel: the project library's count, investment or area by district, city, status,
 * industry or start year (/api/statistics/projects), as a bar chart (chart.js) and, by district, a
 * choropleth of the districts on the map with class breaks by quantile or natural breaks (Jenks) and its
 * legend. The table downloads as CSV and the chart as PNG. The figures add up invented sample projects,
 * and the panel says so.
 */
import { download, getJson, query, saveBlob } from './api.js';
import { html, setHtml } from './html.js';
import { errorText, formatNumber, local, onLangChange, t } from './i18n.js';
import { loadScript } from './lazy.js';
import { geoJsonOptions } from './map.js';

const CLASSES = 5;
const PALETTE = ['#fef0d9', '#fdcc8a', '#fc8d59', '#e34a33', '#b30000'];

/** Upper bounds of classes holding about equally many values. */
export function quantileBreaks(values, classes = CLASSES) {
  const sorted = [...values].sort((a, b) => a - b);
  const breaks = [];
  for (let k = 1; k <= classes; k++) {
    breaks.push(sorted[Math.min(sorted.length - 1, Math.ceil((k * sorted.length) / classes) - 1)]);
  }
  return [...new Set(breaks)];
}

/** Upper bounds of the classes that keep values alike together (Jenks' natural breaks, by dynamic programming). */
export function naturalBreaks(values, classes = CLASSES) {
  const sorted = [...values].sort((a, b) => a - b);
  const n = sorted.length;
  const k = Math.min(classes, n);
  if (n === 0) {
    return [];
  }
  // cost[i][j]: least sum of squared deviations of the first i values in j classes
  const cost = Array.from({ length: n + 1 }, () => Array(k + 1).fill(Infinity));
  const split = Array.from({ length: n + 1 }, () => Array(k + 1).fill(0));
  cost[0][0] = 0;
  const deviation = (from, to) => {
    const part = sorted.slice(from, to);
    const mean = part.reduce((a, b) => a + b, 0) / part.length;
    return part.reduce((a, b) => a + (b - mean) ** 2, 0);
  };
  for (let i = 1; i <= n; i++) {
    for (let j = 1; j <= Math.min(i, k); j++) {
      for (let m = j - 1; m < i; m++) {
        const c = cost[m][j - 1] + deviation(m, i);
        if (c < cost[i][j]) {
          cost[i][j] = c;
          split[i][j] = m;
        }
      }
    }
  }
  const breaks = [];
  for (let i = n, j = k; j > 0; j--) {
    breaks.unshift(sorted[i - 1]);
    i = split[i][j];
  }
  return [...new Set(breaks)];
}

export function createStatistics({ map, datum, element }) {
  const form = element.querySelector('form');
  const result = element.querySelector('.statistics-result');
  const canvas = element.querySelector('canvas');
  let chart = null;
  let answer = null;
  let active = false;
  let districts = null;
  let choropleth = null;

  function params() {
    const data = new FormData(form);
    return { group: data.get('group'), measure: data.get('measure') };
  }

  async function refresh() {
    try {
      answer = await getJson(`api/statistics/projects?${query(params())}`);
      await drawChart();
      await drawChoropleth();
      render();
    } catch (error) {
      setHtml(result, html`<p class="error">${errorText(error)}</p>`);
    }
  }

  function label(row) {
    return answer.group === 'status' || answer.group === 'city' || answer.group === 'district' ? local(row) : row.key || local(row);
  }

  async function drawChart() {
    await loadScript('webjars/chart.js/dist/chart.umd.js');
    chart?.destroy();
    chart = new Chart(canvas, {
      type: 'bar',
      data: {
        labels: answer.groups.map(label),
        datasets: [{ label: t(`statistics.measure.${answer.measure}`), data: answer.groups.map((g) => g.value), backgroundColor: '#2e86c1' }],
      },
      options: {
        animation: false,
        maintainAspectRatio: false,
        plugins: { legend: { display: false }, title: { display: true, text: t('statistics.sample') } },
        scales: { y: { beginAtZero: true, title: { display: true, text: t(`statistics.measure.${answer.measure}`) } } },
      },
    });
  }

  function breaks() {
    const values = answer.groups.map((g) => g.value);
    return new FormData(form).get('classes') === 'natural' ? naturalBreaks(values) : quantileBreaks(values);
  }

  function colourOf(value, bounds) {
    const index = bounds.findIndex((bound) => value <= bound);
    const step = bounds.length > 1 ? (PALETTE.length - 1) / (bounds.length - 1) : 0;
    return PALETTE[Math.round((index < 0 ? bounds.length - 1 : index) * step)];
  }

  async function drawChoropleth() {
    choropleth?.remove();
    choropleth = null;
    if (!active || answer?.group !== 'district') {
      return;
    }
    districts ??= await getJson('ogc/collections/districts/items?limit=100');
    const bounds = breaks();
    const values = new Map(answer.groups.map((g) => [g.key, g.value]));
    choropleth = L.geoJSON(districts, geoJsonOptions(datum, {
      className: 'statistics-choropleth',
      style: (feature) => ({
        color: '#17202a',
        weight: 1,
        fillColor: colourOf(values.get(feature.id) ?? 0, bounds),
        fillOpacity: 0.8,
      }),
      onEachFeature: (feature, layer) => layer.bindTooltip(`${feature.properties.name_zh}: ${formatNumber(values.get(feature.id) ?? 0, 2)}`),
    })).addTo(map);
  }

  function render() {
    if (!answer) {
      return;
    }
    const bounds = answer.group === 'district' ? breaks() : [];
    let lower = Math.min(...answer.groups.map((g) => g.value));
    const legend = bounds.map((bound) => {
      const entry = html`<li><svg class="swatch" viewBox="0 0 18 18" width="18" height="18" aria-hidden="true"><rect x="2" y="3" width="14" height="12" fill="${colourOf(bound, bounds)}" stroke="#17202a"/></svg>${formatNumber(lower, 2)} – ${formatNumber(bound, 2)}</li>`;
      lower = bound;
      return entry;
    });
    setHtml(result, html`
      <p class="sample-note">${answer.sample ? t('statistics.sample') : ''}</p>
      <p>${t('statistics.total', { count: answer.total.count, investment: formatNumber(answer.total.investment_cny_100m, 2), area: formatNumber(answer.total.area_km2, 2) })}</p>
      ${bounds.length ? html`<h3>${t('statistics.legend')}</h3><ul class="choropleth-legend">${legend}</ul>` : ''}
      <table class="statistics-table"><thead><tr><th>${t(`statistics.group.${answer.group}`)}</th><th>${t(`statistics.measure.${answer.measure}`)}</th></tr></thead>
      <tbody>${answer.groups.map((g) => html`<tr data-key="${g.key}"><td>${label(g)}</td><td>${formatNumber(g.value, 2)}</td></tr>`)}</tbody></table>`);
  }

  form.addEventListener('change', () => refresh());
  element.querySelector('[data-action="csv"]').addEventListener('click', () => {
    const { group } = params();
    download(`api/statistics/projects?${query({ ...params(), format: 'csv' })}`, `projects-by-${group}.csv`);
  });
  element.querySelector('[data-action="png"]').addEventListener('click', () => {
    canvas.toBlob((blob) => saveBlob(blob, `projects-by-${params().group}.png`));
  });
  onLangChange(() => {
    if (answer) {
      drawChart().then(render);
    }
  });

  return {
    /** Shows the choropleth while the panel is open, and loads the figures the first time. */
    setActive(isActive) {
      active = isActive;
      if (active && !answer) {
        refresh();
      } else {
        drawChoropleth();
      }
    },
  };
}
