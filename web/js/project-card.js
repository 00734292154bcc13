/**
 * A project's card: what it is, where it lies (districts and zones, by containment), the city its
 * record says it serves, and apart from it the cities of the member areas it lies in (derived from
 * its location, with the role of each area) — from /api/projects/{id}.
 */
import { getJson } from './api.js';
import { html, setHtml } from './html.js';
import { errorText, formatInvestment, lang, local, onLangChange, t, term } from './i18n.js';

function fact(label, value) {
  return value == null || value === '' ? '' : html`<dt>${label}</dt><dd>${value}</dd>`;
}

/**
 * @param options.onChange called with the id of the project shown, or null when the card closes (for the link)
 * @param options.onCheck  (id) → review the project's compliance
 */
export function createProjectCard({ element, onChange, onCheck }) {
  setHtml(element, html`<div class="card-head"><h2 tabindex="-1"></h2>
    <button type="button" class="icon-button" data-action="close">×</button></div><div class="card-body"></div>`);
  const title = element.querySelector('h2');
  const closeButton = element.querySelector('[data-action="close"]');
  const content = element.querySelector('.card-body');
  let current = null;

  /** A city with the member areas of it the project lies in, and their roles in the city. */
  function cityItem(city) {
    const areas = city.roles.map((r) => t('card.via', { name: local(r), role: term('role', r.role) })).join(t('list.separator'));
    return html`<li data-city="${city.id}"><span class="chip city-chip" data-city-colour="${city.colour}">${local(city)}</span>
      ${areas ? html`<span class="muted">${t('card.lies', { areas })}</span>` : ''}</li>`;
  }

  function body({ feature }) {
    const p = feature.properties;
    const { districts = [], areas = [], cities = [] } = feature.linked ?? {};
    // the city the project's record names, apart from those it is near only by where it lies
    const declared = cities.filter((c) => c.basis === 'declared');
    const derived = cities.filter((c) => c.basis !== 'declared');
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
      <h3>${t('card.serves')}</h3>
      <ul class="card-cities card-cities--declared">${declared.length ? declared.map(cityItem) : html`<li class="muted">${t('card.none')}</li>`}</ul>
      ${derived.length ? html`<h3>${t('card.derivedCities')}</h3>
        <ul class="card-cities card-cities--derived">${derived.map(cityItem)}</ul>` : ''}
      ${p.note ? html`<p class="note">${p.note}</p>` : ''}
      ${onCheck ? html`<p><button type="button" class="link-button" data-action="check">${t('card.check')}</button></p>` : ''}`;
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
    } else if (event.target.closest('[data-action="check"]') && current) {
      onCheck(current.id);
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
