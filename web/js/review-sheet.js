/**
 * The printable review sheet (审查意见) of a compliance check: the site, the map extent, the verdict,
 * the rules that fired with their sources, the areas, the date, and what the review is worth (the
 * zones are schematic, sample layers have no legal effect). Printed with the browser's own print: the
 * print stylesheet (css/print.css) shows the sheet's head, the map and the sheet's body, and nothing
 * else. Before printing, the page takes the printed layout on screen (body.printing) and the map is
 * fitted to the site in it, so the printed map shows what the sheet says; afterwards it is put back.
 */
import { html, setHtml } from './html.js';
import { formatNumber, lang, local, t } from './i18n.js';
import { fitOptions } from './map.js';

/** How long the map may take to draw the site's surroundings before printing anyway. */
const DRAW_WAIT_MS = 4000;

function extentText(map, datum) {
  const bounds = map.getBounds();
  const [west, south] = datum.fromMap(bounds.getSouthWest());
  const [east, north] = datum.fromMap(bounds.getNorthEast());
  return [west, south, east, north].map((degrees) => degrees.toFixed(4)).join(', ');
}

function waitForTiles(map) {
  return new Promise((resolve) => {
    const started = Date.now();
    const check = () => {
      if (map.getContainer().getAttribute('aria-busy') !== 'true' || Date.now() - started > DRAW_WAIT_MS) {
        resolve();
      } else {
        setTimeout(check, 100);
      }
    };
    setTimeout(check, 300);
  });
}

function head(answer, siteName, extent, printedAt) {
  const s = answer.site;
  const size = s.geometry_type === 'Point' ? t('compliance.point')
    : t('compliance.siteArea', { ha: formatNumber(s.area_m2 / 10_000, 2) });
  const city = local({ name_zh: answer.declared.city_name_zh, name_en: answer.declared.city_name_en }) || '–';
  return html`
    <h1>${t('sheet.title')}</h1>
    <dl class="facts">
      <dt>${t('sheet.site')}</dt><dd>${siteName} · ${size} · ${t('compliance.centre', {
        lon: s.centroid[0].toFixed(5), lat: s.centroid[1].toFixed(5) })}</dd>
      <dt>${t('sheet.declared')}</dt><dd>${city} · ${answer.declared.industry ? local({
        name_zh: answer.declared.industry, name_en: answer.declared.industry_name_en }) : t('compliance.noIndustry')}</dd>
      <dt>${t('sheet.verdict')}</dt><dd class="verdict verdict--${answer.verdict}">${local(answer, 'verdict')}</dd>
      <dt>${t('sheet.extent')}</dt><dd>${extent}</dd>
      <dt>${t('sheet.date')}</dt><dd>${printedAt}</dd>
      <dt>${t('sheet.rulesVersion')}</dt><dd>${(answer.rules_checksum ?? '').slice(0, 19)}</dd>
    </dl>`;
}

function body(answer) {
  return html`
    <h2>${t('compliance.rules', { count: answer.rules.length })}</h2>
    ${answer.rules.length ? html`<table class="review-table"><thead><tr><th>${t('sheet.level')}</th><th>${t('sheet.rule')}</th>
      <th>${t('sheet.source')}</th></tr></thead><tbody>${answer.rules.map((r) => html`<tr>
        <td class="level level--${r.level}">${local(r, 'level')}</td><td>${local(r, 'message')}</td>
        <td>${local(r.source, 'document')}${r.source.quote_zh ? html`<br><q>${r.source.quote_zh}</q>` : ''}</td></tr>`)}</tbody></table>`
    : html`<p>${t('compliance.noRules')}</p>`}
    ${answer.nearest ? html`<p>${t('compliance.nearest', { name: local(answer.nearest) || answer.nearest.feature,
      km: formatNumber(answer.nearest.distance_m / 1000, 1) })}</p>` : ''}
    <h2>${t('compliance.areas')}</h2>
    <table class="review-table"><thead><tr><th>${t('compliance.layer')}</th><th>${t('compliance.area')}</th>
      <th>${t('compliance.share')}</th><th>${t('sheet.overlap')}</th></tr></thead>
      <tbody>${answer.areas.map((a) => html`<tr><td>${local(a, 'layer_title')}</td><td>${local(a) || a.feature}
        ${a.sample ? html` (${local(a, 'note')})` : ''}</td><td>${formatNumber(a.share_pct, 1)}%</td>
        <td>${answer.site.geometry_type === 'Point' ? '–' : `${formatNumber(a.overlap_m2 / 10_000, 2)} ha`}</td></tr>`)}</tbody></table>
    <h2>${t('compliance.projects', { count: answer.projects.length })}</h2>
    <p>${answer.projects.length ? answer.projects.map((p) => local(p) || p.id).join(t('list.separator')) : t('card.none')}</p>
    ${answer.notes.length ? html`<h2>${t('sheet.notes')}</h2><ul>${answer.notes.map((n) => html`<li>${local(n, 'message')}</li>`)}</ul>` : ''}
    <p class="sheet-disclaimer">${t('sheet.disclaimer')}</p>`;
}

/**
 * Fills the sheet and opens the browser's print dialog.
 *
 * @param options.siteBounds the site's bounds on the map, to frame it
 */
export async function printReviewSheet({ map, datum, answer, siteName, siteBounds }) {
  document.body.classList.add('printing');
  map.invalidateSize();
  if (siteBounds?.isValid()) {
    map.fitBounds(siteBounds.pad(0.6), fitOptions(map, { maxZoom: 15 }));
  }
  await waitForTiles(map);
  const printedAt = new Intl.DateTimeFormat(lang() === 'zh' ? 'zh-CN' : 'en-GB', { dateStyle: 'long', timeStyle: 'short' })
    .format(new Date());
  setHtml(document.querySelector('.review-sheet-head'), head(answer, siteName, extentText(map, datum), printedAt));
  setHtml(document.querySelector('.review-sheet-body'), body(answer));
  const restore = () => {
    document.body.classList.remove('printing');
    map.invalidateSize();
  };
  window.addEventListener('afterprint', restore, { once: true });
  window.print();
}
