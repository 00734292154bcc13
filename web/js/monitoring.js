/**
 * The plan monitoring panel (指标监测): every target of the plan as an indicator (/api/indicators),
 * counted by status for the whole city and each of the six cities, so a planner sees at a glance
 * which city is behind; each indicator with its latest figure, a progress bar (the tick marks where
 * the path to the target stands this year), its status in colour and in words, its source, and
 * 示例数据 where the figure is a sample. Opening one draws its figures against the path to the
 * target (/api/indicators/{id}) and, when it has district figures, a district choropleth from the
 * OGC collection district-indicators. A signed-in editor checks a table of figures (a dry run) and
 * then writes it.
 *
 * The status legend filters the list too (a planner's "which targets lag?"). The city shown
 * (monitor=), the status shown (status=) and the open indicator (indicator=) are part of the page's
 * link.
 */
import { getJson, request } from './api.js';
import { authHeaders, editorName, refreshSignIn } from './auth.js';
import { createChoropleth } from './choropleth.js';
import { html, setHtml } from './html.js';
import { errorText, formatNumber, local, onLangChange, t } from './i18n.js';
import { drawIndicatorChart } from './monitoring-chart.js';

const STATUSES = ['met', 'on_track', 'at_risk', 'lagging', 'no_data'];
const COMPARATORS = { '>=': '≥', '<=': '≤', '>': '>', '<': '<' };
const DISTRICTS = 'ogc/collections/district-indicators/items?limit=100';

function percent(ratio) {
  return `${Math.max(0, Math.min(100, (ratio ?? 0) * 100)).toFixed(1)}%`;
}

/**
 * @param options.initial  the link's { monitor, status, indicator }
 * @param options.onChange called with { monitor, status, indicator } after every change
 */
export function createMonitoring({ map, datum, element, initial = {}, onChange }) {
  const overview = element.querySelector('.monitor-overview');
  const list = element.querySelector('.indicator-list');
  const upload = element.querySelector('.monitor-upload');
  const choropleth = createChoropleth(map, datum);
  let answer = null;
  let loadError = null;
  let city = initial.monitor ?? null;
  let status = STATUSES.includes(initial.status) ? initial.status : null;
  let open = initial.indicator ?? null;
  let details = null;
  let districts = null;
  let mapShown = true;
  let active = false;
  let chart = null;
  let checked = null;
  let chosen = null;
  let loading = null;

  function indicatorsShown() {
    return (answer?.indicators ?? []).filter((i) => (!city || i.city === city) && (!status || i.status === status));
  }

  function statusBadge(indicator) {
    return html`<span class="status-badge status--${indicator.status}">${local(indicator, 'status')}</span>`;
  }

  function renderOverview() {
    if (loadError) {
      setHtml(overview, html`<p class="error" role="alert">${errorText(loadError)}</p>`);
      return;
    }
    if (!answer) {
      setHtml(overview, html`<p class="hint" role="status">${t('status.loading')}</p>`);
      return;
    }
    const row = (id, name, counts, colour) => {
      const total = STATUSES.reduce((sum, s) => sum + counts[s], 0);
      return html`<li><button type="button" class="monitor-city" data-monitor="${id}" aria-pressed="${city === id}"
          ${colour ? html`data-city-colour="${colour}"` : ''}>
        <span class="monitor-city-name">${name}</span>
        <span class="status-bar" aria-hidden="true">${STATUSES.filter((s) => counts[s]).map((s) => html`<span
          class="status-bar-part status--${s}" data-var-share="${(counts[s] / total) * 100}%"></span>`)}</span>
        <span class="monitor-city-counts">${STATUSES.filter((s) => counts[s]).map((s) => t(`monitor.count.${s}`, { count: counts[s] })).join(t('list.separator'))}</span>
      </button></li>`;
    };
    setHtml(overview, html`
      <ul class="monitor-cities">
        ${row('', t('monitor.all'), answer.counts, null)}
        ${answer.cities.map((c) => row(c.city, local(c), c.counts, c.colour))}
      </ul>
      <p class="status-legend"><span class="muted">${t('monitor.statusFilter')}</span>${STATUSES.map((s) => html`<button type="button"
        class="status-badge status-filter status--${s}" data-status-filter="${s}" aria-pressed="${status === s}">${t(`monitor.status.${s}`)}</button>`)}</p>
      <details class="monitor-rule"><summary>${t('monitor.ruleTitle')}</summary><p>${local(answer, 'rule')}</p></details>`);
  }

  function figuresLine(indicator) {
    const target = t('monitor.target', {
      comparator: COMPARATORS[indicator.comparator] ?? indicator.comparator,
      value: formatNumber(indicator.target, 2),
      unit: local(indicator, 'target_unit'),
      year: indicator.target_year,
    });
    if (!indicator.latest) {
      return html`${t('monitor.noData')} · ${target}`;
    }
    const latest = t('monitor.latest', { year: indicator.latest.year, value: formatNumber(indicator.latest.value, 2),
      unit: local(indicator, 'unit') });
    const rate = indicator.achieved_rate != null ? html` · ${t('monitor.achievedRate', { rate: formatNumber(indicator.achieved_rate, 1) })}` : '';
    const path = indicator.trajectory_value != null
      ? html` · ${t('monitor.trajectory', { value: formatNumber(indicator.trajectory_value, 2),
        gap: `${indicator.gap_percent > 0 ? '+' : ''}${formatNumber(indicator.gap_percent, 1)}%` })}` : '';
    return html`<strong>${latest}</strong>${rate} · ${target}${path}`;
  }

  function sourceLine(indicator) {
    const figure = indicator.latest;
    const sample = indicator.sample ? html` <span class="badge badge--sample" title="${t('monitor.sampleHint')}">${t('monitor.sample')}</span>` : '';
    if (!figure) {
      return sample;
    }
    return html`${t('monitor.source')}${figure.sample ? t('monitor.sampleSource') : figure.source ?? '–'}${sample}`;
  }

  function detailsBlock(indicator) {
    if (!details || details.indicator.id !== indicator.id) {
      return html`<p class="hint" role="status">${t('status.loading')}</p>`;
    }
    const base = t('monitor.base', { year: indicator.base_year, value: formatNumber(indicator.base_value, 2),
      unit: local(indicator, 'unit') });
    const districtRows = details.series.filter((s) => s.district && s.figures.length);
    const yearly = (details.series.find((s) => !s.district)?.figures ?? []).filter((f) => f.status);
    return html`
      <div class="chart-box chart-box--indicator"><canvas id="indicator-chart" role="img"
        aria-label="${t('monitor.chart.label', { label: local(indicator, 'label') })}"></canvas></div>
      <p class="muted">${t('monitor.chart.sampleNote')}</p>
      ${yearly.length ? html`<p class="status-history">${t('monitor.history')}${yearly.map((f) => html`<span
        class="status-year" data-year="${f.year}">${f.year} <span class="status-badge status--${f.status}">${t(`monitor.status.${f.status}`)}</span></span>`)}</p>` : ''}
      <p class="indicator-rule">${local(indicator, 'rule')}</p>
      <p class="muted">${base}${indicator.base_sample ? html` <span class="badge badge--sample">${t('monitor.sample')}</span>`
        : html` · ${t('monitor.source')}${indicator.base_source}`}</p>
      <p class="muted">${t('monitor.quote')}“${indicator.quote}”</p>
      ${districtRows.length ? html`
        <div class="button-row"><button type="button" data-action="map">${t(mapShown ? 'monitor.hideMap' : 'monitor.showMap')}</button></div>
        <table class="targets district-figures"><caption>${t('monitor.districtFigures')}</caption><tbody>
          ${districtRows.map((s) => {
            const latest = s.figures[s.figures.length - 1];
            return html`<tr><th scope="row">${local(s)}</th><td>${formatNumber(latest.value, 2)} ${local(indicator, 'unit')}</td>
              <td>${latest.year}${latest.sample ? html` <span class="badge badge--sample">${t('monitor.sample')}</span>` : ''}</td></tr>`;
          })}</tbody></table>` : ''}`;
  }

  function renderList() {
    if (!answer) {
      setHtml(list, '');
      return;
    }
    const shown = indicatorsShown();
    if (!shown.length) {
      setHtml(list, html`<li class="hint" role="status">${t('monitor.noneShown')}</li>`);
      return;
    }
    setHtml(list, shown.map((indicator) => html`
      <li class="indicator" data-indicator="${indicator.id}" data-status="${indicator.status}">
        <button type="button" class="indicator-head" data-open="${indicator.id}" aria-expanded="${open === indicator.id}">
          <span class="indicator-label">${local(indicator, 'label')}</span>${statusBadge(indicator)}
        </button>
        <div class="progress" role="img" aria-label="${t('monitor.progress', { percent: formatNumber((indicator.completion ?? 0) * 100, 0) })}"
          data-var-progress="${percent(indicator.completion)}" data-var-marker="${percent(indicator.trajectory_completion)}">
          <span class="progress-bar status--${indicator.status}"></span>
          ${indicator.trajectory_completion != null ? html`<span class="progress-marker" title="${t('monitor.marker')}"></span>` : ''}
        </div>
        <p class="indicator-figures">${figuresLine(indicator)}</p>
        <p class="indicator-source">${sourceLine(indicator)}</p>
        ${open === indicator.id ? html`<div class="indicator-details">${detailsBlock(indicator)}</div>` : ''}
      </li>`));
    drawChart();
  }

  /** The upload form, drawn again only when who is signed in changes, so a chosen file stays chosen. */
  function renderUpload() {
    const editor = editorName();
    const download = html`<p><a href="api/indicators/observations?format=csv" download="indicator-observations.csv">${t('monitor.download')}</a></p>`;
    if (!editor) {
      chosen = null;
      setHtml(upload, html`<h3>${t('monitor.upload.title')}</h3><p class="hint">${t('monitor.upload.signIn')}</p>${download}`);
      return;
    }
    if (!upload.querySelector('.figures-form')) {
      setHtml(upload, html`<h3>${t('monitor.upload.title')}</h3>
        <form class="figures-form">
          <label class="field field--wide"><span>${t('monitor.upload.file')}</span>
            <input type="file" name="file" accept=".csv,text/csv" required></label>
          <div class="button-row">
            <button type="submit" class="primary" data-mode="check">${t('monitor.upload.check')}</button>
            <button type="button" data-action="write" disabled>${t('monitor.upload.write')}</button>
          </div>
        </form>
        <div class="figures-report" aria-live="polite"></div>
        <p class="hint">${t('monitor.upload.format')}</p>${download}`);
    }
    renderReport();
  }

  /** The last check or write, and whether what was checked may now be written. */
  function renderReport() {
    setHtml(upload.querySelector('.figures-report'), reportBlock());
    upload.querySelector('[data-action="write"]').disabled = !(checked?.report?.dry_run && chosen);
  }

  function reportBlock() {
    if (!checked) {
      return '';
    }
    if (checked.error) {
      const rows = checked.error.problem?.rows ?? [];
      return html`<p class="error" role="alert">${errorText(checked.error)}</p>
        ${rows.length ? html`<ul class="problems">${rows.map((row) => html`<li>${t('monitor.upload.line', { line: row.line })}${row.column ? ` · ${row.column}` : ''}：${local(row, 'message')}</li>`)}</ul>` : ''}`;
    }
    const { report } = checked;
    return html`<p class="${report.dry_run ? '' : 'ok'}" role="status">${t(report.dry_run ? 'monitor.upload.wouldWrite' : 'monitor.upload.written', {
      rows: report.rows, inserted: report.inserted, updated: report.updated, unchanged: report.unchanged })}</p>
      <ul class="changes">${report.changes.filter((c) => c.action !== 'unchanged').map((c) => html`<li>${t('monitor.upload.line', { line: c.line })}：
        ${c.indicator} ${c.year} ${c.area} = ${formatNumber(c.value, 2)}${c.previous_value != null ? html` (${t('monitor.upload.was', { value: formatNumber(c.previous_value, 2) })})` : ''}${c.sample ? html` <span class="badge badge--sample">${t('monitor.sample')}</span>` : ''}</li>`)}</ul>`;
  }

  async function drawChart() {
    chart?.destroy();
    chart = null;
    const canvas = list.querySelector('#indicator-chart');
    if (canvas && details) {
      const drawing = details;
      const drawn = await drawIndicatorChart(canvas, drawing);
      if (drawing === details && canvas.isConnected) {
        chart = drawn;
      } else {
        drawn.destroy();
      }
    }
  }

  async function drawMap() {
    const indicator = answer?.indicators.find((i) => i.id === open);
    if (!active || !indicator?.district_figures || !mapShown) {
      choropleth.hide();
      return;
    }
    districts ??= await getJson(DISTRICTS);
    if (open === indicator.id && active && mapShown) {
      choropleth.show(indicator, districts);
    }
  }

  function render() {
    renderOverview();
    renderList();
    renderUpload();
  }

  function changed() {
    onChange?.({ monitor: city, status, indicator: open });
  }

  async function openIndicator(id) {
    open = id;
    details = null;
    mapShown = true;
    changed();
    renderList();
    if (!id) {
      choropleth.hide();
      return;
    }
    try {
      const answered = await getJson(`api/indicators/${encodeURIComponent(id)}`);
      if (open === id) {
        details = answered;
        renderList();
        list.querySelector(`[data-indicator="${CSS.escape(id)}"]`)?.scrollIntoView({ block: 'nearest' });
      }
      await drawMap();
    } catch (error) {
      loadError = error;
      renderOverview();
    }
  }

  async function load() {
    try {
      answer = await getJson('api/indicators');
      loadError = null;
      districts = null;
    } catch (error) {
      loadError = error;
    }
    render();
    if (open && indicatorsShown().some((i) => i.id === open)) {
      await openIndicator(open);
    } else if (open) {
      open = null;
      changed();
    }
  }

  async function sendTable(dryRun) {
    if (!chosen) {
      return;
    }
    const form = new FormData();
    form.append('file', chosen);
    try {
      const response = await request(`api/indicators/observations?dryRun=${dryRun}`, {
        method: 'POST', body: form, headers: { Accept: 'application/json', ...authHeaders() },
      });
      checked = { report: await response.json() };
    } catch (error) {
      checked = { error };
    }
    if (!dryRun && checked.report) {
      chosen = null;
      upload.querySelector('.figures-form').reset();
      await load();
    }
    renderReport();
  }

  /** After the city or the status shown changes: an open indicator no longer listed is closed. */
  function filtered() {
    renderOverview();
    if (open && !indicatorsShown().some((i) => i.id === open)) {
      openIndicator(null);
    } else {
      changed();
      renderList();
    }
  }

  overview.addEventListener('click', (event) => {
    const button = event.target.closest('[data-monitor]');
    if (button) {
      city = button.dataset.monitor || null;
      filtered();
      return;
    }
    const filter = event.target.closest('[data-status-filter]');
    if (filter) {
      status = filter.dataset.statusFilter === status ? null : filter.dataset.statusFilter;
      filtered();
    }
  });
  list.addEventListener('click', (event) => {
    const head = event.target.closest('[data-open]');
    if (head) {
      openIndicator(head.dataset.open === open ? null : head.dataset.open);
      return;
    }
    if (event.target.closest('[data-action="map"]')) {
      mapShown = !mapShown;
      renderList();
      drawMap();
    }
  });
  upload.addEventListener('submit', (event) => {
    event.preventDefault();
    sendTable(true);
  });
  upload.addEventListener('click', (event) => {
    if (event.target.closest('[data-action="write"]')) {
      sendTable(false);
    }
  });
  upload.addEventListener('change', (event) => {
    if (event.target.name === 'file') {
      chosen = event.target.files[0] ?? null;
      checked = null;
      renderReport();
    }
  });
  onLangChange(() => {
    renderOverview();
    renderList();
    // the form is drawn anew in the other language, without the file chosen in this one
    chosen = null;
    checked = null;
    setHtml(upload, '');
    renderUpload();
    choropleth.render();
  });

  return {
    /** The panel is shown (or hidden): it loads on first showing, and its map layer shows only with it. */
    async setActive(shown) {
      active = shown;
      if (!shown) {
        choropleth.hide();
        return;
      }
      if (!loading) {
        loading = load();
      }
      await refreshSignIn().catch(() => null);
      renderUpload();
      await loading;
      await drawMap();
    },
  };
}
