/**
 * Click anywhere on the map: a popup lists what is there in every layer (/api/identify), and for
 * a district the cities it supports, with the role the plan states, or marked as derived when only a
 * schematic zone of the city overlaps it. From the popup a planner opens a project or
 * asks which projects lie in an area. Keyboard users press Enter on the map to ask about its centre.
 */
import { getJson } from './api.js';
import { html, setHtml } from './html.js';
import { errorText, local, onLangChange, t, term } from './i18n.js';

function featureName(feature) {
  const p = feature.properties ?? {};
  return local(p) || p.name || p.NAME || p.mc || p.MC || feature.id;
}

/**
 * @param options.isActive () → false while another tool (drawing, picking) owns clicks
 * @param options.onProject (id) → open a project's card
 * @param options.onArea (layer, feature) → analyse the projects in that polygon
 */
export function createIdentify({ map, datum, layerInfo, isActive, onProject, onArea }) {
  const content = document.createElement('div');
  content.className = 'identify';
  const popup = L.popup({ maxWidth: 380, minWidth: 260, maxHeight: 420, className: 'identify-popup' });
  let controller = null;
  let last = null;

  /** A city the district supports: the plan's role, or, for a link derived from schematic overlaps, only that. */
  function supportChip(city) {
    return city.basis === 'derived'
      ? html`<li class="chip city-chip chip--derived" data-city="${city.id}" data-basis="derived" style="--city-colour: ${city.colour}"
          title="${t('basis.derivedNote')}">${local(city)} · ${t('basis.derived')}</li>`
      : html`<li class="chip city-chip" data-city="${city.id}" data-basis="plan" style="--city-colour: ${city.colour}">
          ${local(city)} · ${term('role', city.role)}</li>`;
  }

  function hit(feature) {
    const info = layerInfo(feature.layer);
    const supports = feature.supports ?? [];
    return html`<li data-layer="${feature.layer}" data-feature="${feature.id}">
      <strong>${featureName(feature)}</strong>
      ${supports.length ? html`<div class="supports"><span class="muted">${t('identify.supports')}</span>
        <ul class="chips">${supports.map(supportChip)}</ul></div>` : ''}
      ${info?.kind === 'projects' ? html`<button type="button" class="link-button" data-action="project">${t('identify.projectDetails')}</button>` : ''}
      ${info && info.kind !== 'projects' && /Polygon/.test(info.geometry_type)
        ? html`<button type="button" class="link-button" data-action="area">${t('identify.projectsInArea')}</button>` : ''}
    </li>`;
  }

  function render() {
    if (!last) {
      return;
    }
    const [lon, lat] = last.lonLat;
    const where = html`<p class="identify-where">${t('identify.at', { lon: lon.toFixed(5), lat: lat.toFixed(5) })}</p>`;
    if (last.error) {
      setHtml(content, html`${where}<p class="error" role="alert">${errorText(last.error)}</p>`);
    } else if (!last.answer) {
      setHtml(content, html`${where}<p role="status">${t('status.loading')}</p>`);
    } else if (last.answer.features.length === 0) {
      setHtml(content, html`${where}<p>${t('identify.nothing')}</p>`);
    } else {
      const groups = new Map();
      last.answer.features.forEach((feature) => {
        groups.set(feature.layer, [...(groups.get(feature.layer) ?? []), feature]);
      });
      setHtml(content, html`${where}${[...groups].map(([layer, features]) => html`
        <section class="identify-layer" data-layer="${layer}">
          <h3>${local(features[0], 'layer_title')}</h3>
          <ul>${features.map(hit)}</ul>
        </section>`)}`);
    }
    popup.update();
  }

  async function identifyAt(latLng) {
    controller?.abort();
    controller = new AbortController();
    const { signal } = controller;
    const lonLat = datum.fromMap(latLng);
    last = { lonLat };
    popup.setLatLng(latLng).setContent(content).openOn(map);
    render();
    try {
      const answer = await getJson(`api/identify?lon=${lonLat[0].toFixed(6)}&lat=${lonLat[1].toFixed(6)}`, { signal });
      last = { lonLat, answer };
    } catch (error) {
      if (error.name === 'AbortError') {
        return;
      }
      last = { lonLat, error };
    }
    render();
  }

  content.addEventListener('click', (event) => {
    const button = event.target.closest('[data-action]');
    if (!button) {
      return;
    }
    const item = button.closest('[data-feature]');
    if (button.dataset.action === 'project') {
      onProject(item.dataset.feature);
    } else {
      map.closePopup(popup);
      onArea(item.dataset.layer, item.dataset.feature);
    }
  });
  map.on('click', (event) => {
    if (isActive()) {
      identifyAt(event.latlng);
    }
  });
  map.getContainer().addEventListener('keydown', (event) => {
    if (event.key === 'Enter' && event.target === map.getContainer() && isActive()) {
      identifyAt(map.getCenter());
    }
  });
  onLangChange(render);
  return { identifyAt };
}
