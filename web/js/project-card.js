/**
 * A project's card: what it is, where it lies (districts and zones, by containment) and the
 * cities it is linked to, with the role of the area that links it — from /api/projects/{id}.
 */
import { getJson } from './api.js';
import { html, setHtml } from './html.js';
import { errorText, formatInvestment, lang, local, onLangChange, t, term } from './i18n.js';

function fact(label, value) {
  return value == null || value === '' ? '' : html`<dt>${label}</dt><dd>${value}</dd>`;
}

/** @param options.onChange called with the id of the project shown, or null when the card closes (for the link) */
export function createProjectCard({ element, onChange }) {
  setHtml(element, html`<div class="card-head"><h2 tabindex="-1"></h2>
    <button type="button" class="icon-button" data-action="close">×</button></div><div class="card-body"></div>`);
  const title = element.querySelector('h2');
  const closeButton = element.querySelector('[data-action="close"]');
  const content = element.querySelector('.card-body');
  let current = null;

  function body({ feature }) {
    const p = feature.properties;
    const { districts = [], areas = [], cities = [] } = feature.linked ?? {};
    const other = lang() === 'zh' ? p.name_en : p.name_zh;
    return html`
      ${other ? html`<p class="muted">${other}</p>` : ''}
      ${p.sample ? html`<p><span class="badge badge--sample">${t('card.sample')}</span></p>` : ''}
      <dl class="facts">
        ${fact(t('card.status'), p.status ? term('status', p.status) : null)}
        ${fact(t('card.programme'), p.programme ? term('programme', p.programme) : null)}
        ${fact(t('card.industry'), p.industry ? term('industry', p.industry) : null)}
        ${fact(t('card.facility'), p.facility ? term('facility', p.facility) : null)}
        ${fact(t('card.startYear'), p.start_year)}
        ${fact(t('card.investment'), p.investment_cny_100m == null ? null : formatInvestment(p.investment_cny_100m))}
      </dl>
      <h3>${t('card.districts')}</h3>
      <ul>${districts.length ? districts.map((d) => html`<li>${local(d)} <span class="muted">${term('relation', d.relation)}</span></li>`)
        : html`<li class="muted">${t('card.none')}</li>`}</ul>
      <h3>${t('card.areas')}</h3>
      <ul>${areas.length ? areas.map((a) => html`<li>${local(a)} <span class="muted">${local(a, 'layer_title')} · ${term('relation', a.relation)}</span></li>`)
        : html`<li class="muted">${t('card.none')}</li>`}</ul>
      <h3>${t('card.cities')}</h3>
      <ul class="card-cities">${cities.map((c) => html`<li>
        <span class="chip city-chip" data-city-colour="${c.colour}">${local(c)}</span>
        ${c.serves ? html`<strong>${t('card.serves')}</strong>` : ''}
        <span class="muted">${c.roles.map((r) => t('card.via', { name: local(r), role: term('role', r.role) })).join(t('list.separator'))}</span></li>`)}</ul>
      ${p.note ? html`<p class="note">${p.note}</p>` : ''}`;
  }

  function render() {
    if (!current) {
      element.hidden = true;
      return;
    }
    title.textContent = current.answer ? local(current.answer.properties) : current.id;
    closeButton.setAttribute('aria-label', t('card.close'));
    closeButton.title = t('card.close');
    setHtml(content, current.error ? html`<p class="error" role="alert">${errorText(current.error)}</p>`
      : current.answer ? body({ feature: current.answer }) : html`<p role="status">${t('status.loading')}</p>`);
    element.hidden = false;
  }

  async function show(id) {
    current = { id };
    onChange?.(id);
    render();
    title.focus({ preventScroll: true });
    try {
      const answer = await getJson(`api/projects/${encodeURIComponent(id)}`);
      if (current?.id === id) {
        current = { id, answer };
      }
    } catch (error) {
      if (current?.id === id) {
        current = { id, error };
      }
    }
    render();
  }

  function close() {
    current = null;
    onChange?.(null);
    render();
  }

  element.addEventListener('click', (event) => {
    if (event.target.closest('[data-action="close"]')) {
      close();
    }
  });
  element.addEventListener('keydown', (event) => {
    if (event.key === 'Escape') {
      close();
    }
  });
  onLangChange(render);
  return { show, close };
}
