/**
 * The six cities (六城) panel. Choosing a city lights up the lead areas the plan names (strong) and
 * the supporting districts and zones it names (light) from /api/cities/{id}/footprint, which holds
 * exactly those unions and the outline of both, and, only outlined, the districts derived from
 * overlaps with its schematic zones; lists the districts the plan names with the plan's role apart
 * from the derived ones (/api/cities/{id}), its targets and the projects inside its footprint, and
 * fits the map to it.
 */
import { getJson } from './api.js';
import { html, setHtml } from './html.js';
import { errorText, formatInvestment, formatNumber, local, onLangChange, t, term } from './i18n.js';
import { fitOptions, geoJsonOptions } from './map.js';

const COMPARATORS = { '>=': '≥', '<=': '≤', '>': '>', '<': '<', '=': '=' };

function footprintStyle(colour) {
  return (feature) => ({
    lead: { color: colour, weight: 2.5, fillColor: colour, fillOpacity: 0.5 },
    support: { color: colour, weight: 1, opacity: 0.8, fillColor: colour, fillOpacity: 0.16 },
    footprint: { color: colour, weight: 2.5, dashArray: '6 5', fill: false },
    // derived from overlaps with schematic zones, not the plan's word: outlined only, never filled like its areas
    derived: { color: colour, weight: 1.2, opacity: 0.9, dashArray: '2 4', fill: false },
  }[feature.properties.kind]);
}

/**
 * @param options.layerInfo      (layer id) → the layer's catalog entry, to name a member's layer
 * @param options.fitInitial     fit the map to the city chosen at start (not when the link has a view)
 * @param options.onChange       called with the chosen city id, or null
 * @param options.onShowProjects called with a city id: list that city's projects
 * @param options.onFocus        called with { id, members: Set of 'layer/feature', districts: Set of adcodes }
 *                               once a chosen city is loaded, and with null when none is chosen: the map
 *                               draws faint what does not belong to it
 */
export function createCityPanel({ map, datum, element, cities, layerInfo, initialCity, fitInitial, onChange, onShowProjects,
  onFocus }) {
  const list = element.querySelector('.city-list');
  const details = element.querySelector('.city-details');
  const highlight = L.geoJSON(null, geoJsonOptions(datum, { pane: 'highlight', interactive: false }));
  highlight.addTo(map);
  let chosen = null;
  let answer = null;
  let controller = null;

  function renderList() {
    setHtml(list, cities.map((city) => html`<li>
      <button type="button" class="city-button" data-city="${city.id}" aria-pressed="${city.id === chosen}"
        data-city-colour="${city.colour}" title="${t('cities.leads', { names: city.leads.map((l) => local(l)).join(t('list.separator')) })}">
        <span class="city-dot" aria-hidden="true"></span>
        <span class="city-name">${local(city)}</span>
        <span class="city-meta">${districtCounts(city.districts)}</span>
      </button>
    </li>`));
  }

  function districtCounts(districts) {
    const derived = districts.filter((d) => d.basis === 'derived').length;
    return t('cities.districtCount', { count: districts.length - derived })
      + (derived ? t('cities.derivedCount', { count: derived }) : '');
  }

  function derivedItem(district) {
    const zones = district.via.filter((reason) => reason.kind === 'overlay').map((reason) => local(reason));
    return html`<li data-adcode="${district.adcode}"><span class="district-name">${local(district)}</span>
      <span class="role role--derived" title="${t('basis.derivedWhy', { zones: zones.join(t('list.separator')) })}">${t('basis.derived')}</span></li>`;
  }

  function memberItem(member) {
    const layer = member.layer ? layerInfo(member.layer) : null;
    return html`<li>${local(member)}
      <span class="muted">${layer ? local(layer, 'title') : t('cities.noGeometry')}${member.group_zh ? html` · ${local(member, 'group')}` : ''}</span></li>`;
  }

  function target(item) {
    return html`<tr><th scope="row">${local(item, 'label')}</th>
      <td>${COMPARATORS[item.comparator] ?? item.comparator} ${formatNumber(item.value, 1)} ${local(item, 'unit')}</td>
      <td>${item.year ?? ''}</td></tr>`;
  }

  function projectSummary(city, summary) {
    const own = summary.by_city.find((row) => row.key === city.id);
    return html`<p>${t('cities.projectsInside', { count: summary.total.count, investment: formatInvestment(summary.total.investment_cny_100m) })}
        ${own ? t('cities.projectsServing', { count: own.count }) : ''}</p>
      <ul class="chips">${summary.by_status.map((row) => html`<li class="chip status--${row.key}">${term('status', row.key)} ${row.count}</li>`)}</ul>
      <p><button type="button" class="link-button" data-action="projects">${t('cities.showProjects', { name: local(city) })}</button></p>`;
  }

  function renderDetails() {
    if (!chosen) {
      setHtml(details, html`<p class="hint">${t('cities.hint')}</p>`);
      return;
    }
    if (!answer) {
      setHtml(details, html`<p class="hint" role="status">${t('status.loading')}</p>`);
      return;
    }
    if (answer.error) {
      setHtml(details, html`<p class="error" role="alert">${errorText(answer.error)}</p>`);
      return;
    }
    const { city, footprint } = answer;
    const leads = city.members.filter((m) => m.role === 'lead');
    const zones = city.members.filter((m) => m.role !== 'lead' && m.layer !== 'districts');
    const named = city.districts.filter((d) => d.basis === 'plan');
    const derived = city.districts.filter((d) => d.basis === 'derived');
    setHtml(details, html`
      <h3 class="city-title" data-city-colour="${city.colour}">${local(city)}</h3>
      <p class="city-summary">${local(city, 'summary')}</p>
      <div class="button-row">
        <button type="button" data-action="fit">${t('cities.fit')}</button>
        <button type="button" data-action="clear">${t('cities.clear')}</button>
      </div>
      <p class="hint">${t('cities.dimmed')}</p>
      <h4>${t('cities.legend')}</h4>
      <p class="legend-row"><span class="legend-box legend-box--lead" data-city-colour="${city.colour}"></span>${t('role.lead')}
        <span class="legend-box legend-box--support" data-city-colour="${city.colour}"></span>${t('role.support')}
        ${derived.length ? html`<span class="legend-box legend-box--derived" data-city-colour="${city.colour}"></span>${t('basis.derived')}` : ''}</p>
      <h4>${t('cities.leadAreas')}</h4>
      <ul class="members">${leads.map(memberItem)}</ul>
      <h4>${t('cities.districts')}</h4>
      <ul id="city-districts" class="district-list">${named.length ? named.map((d) => html`
        <li data-adcode="${d.adcode}"><span class="district-name">${local(d)}</span>
          <span class="role role--${d.role}">${term('role', d.role)}</span></li>`) : html`<li class="muted">${t('cities.noneNamed')}</li>`}</ul>
      ${zones.length ? html`<h4>${t('cities.zones')}</h4><ul class="members">${zones.map(memberItem)}</ul>` : ''}
      ${derived.length ? html`<h4>${t('cities.derivedDistricts')}</h4>
        <p class="hint">${t('cities.derivedHint')}</p>
        <ul id="city-derived-districts" class="district-list">${derived.map(derivedItem)}</ul>` : ''}
      <h4>${t('cities.targets')}</h4>
      <table class="targets"><tbody>${city.targets.map(target)}</tbody></table>
      <h4>${t('cities.projects')}</h4>
      ${projectSummary(city, footprint.summary)}`);
  }

  function draw(footprint, colour) {
    highlight.clearLayers();
    highlight.options.style = footprintStyle(colour);
    // the footprint also lists the projects inside it; the project layer already draws them.
    // An empty union (a city without derived districts) has nothing to draw.
    highlight.addData(footprint.features.filter((f) => f.properties.kind !== 'project' && f.geometry.coordinates.length));
  }

  function fit() {
    const bounds = highlight.getBounds();
    if (bounds.isValid()) {
      map.fitBounds(bounds, fitOptions(map));
    }
  }

  async function choose(id, { fitMap = true } = {}) {
    controller?.abort();
    chosen = id;
    answer = null;
    highlight.clearLayers();
    renderList();
    renderDetails();
    onChange?.(id);
    onFocus?.(null);
    if (!id) {
      return;
    }
    controller = new AbortController();
    const { signal } = controller;
    try {
      const [city, footprint] = await Promise.all([
        getJson(`api/cities/${encodeURIComponent(id)}`, { signal }),
        getJson(`api/cities/${encodeURIComponent(id)}/footprint`, { signal }),
      ]);
      answer = { city, footprint };
      draw(footprint, city.colour);
      onFocus?.({
        id,
        members: new Set(city.members.map((m) => `${m.layer}/${m.feature}`)),
        districts: new Set(city.districts.map((d) => d.adcode)),
      });
      if (fitMap) {
        fit();
      }
    } catch (error) {
      if (error.name === 'AbortError') {
        return;
      }
      answer = { error };
    }
    renderDetails();
  }

  list.addEventListener('click', (event) => {
    const button = event.target.closest('.city-button');
    if (button) {
      choose(button.dataset.city === chosen ? null : button.dataset.city);
    }
  });
  details.addEventListener('click', (event) => {
    const action = event.target.closest('[data-action]')?.dataset.action;
    if (action === 'fit') {
      fit();
    } else if (action === 'clear') {
      choose(null);
    } else if (action === 'projects') {
      onShowProjects?.(chosen);
    }
  });
  onLangChange(() => {
    renderList();
    renderDetails();
  });

  renderList();
  renderDetails();
  if (initialCity && cities.some((c) => c.id === initialCity)) {
    choose(initialCity, { fitMap: fitInitial });
  }
  return { choose };
}
