/**
 * Click anywhere on the map: a popup lists what is there in every layer on the map (/api/identify),
 * and for a district the cities it supports, with the role the plan states, or marked as derived when
 * only a schematic zone of the city overlaps it. From the popup a planner opens a project or asks
 * which projects lie in an area. Keyboard users press Enter on the map to ask about its centre.
 *
 * Points and lines count as hit within a few pixels of the click, whatever the zoom: the page turns
 * those pixels into the metres the service asks for, at the click's latitude.
 */
import { getJson, query } from './api.js';
import { html, setHtml } from './html.js';
import { errorText, local, onLangChange, t, term } from './i18n.js';

/** How far from a point or line a click still hits it: about the radius of a drawn dot. */
const TOLERANCE_PIXELS = 5;
/** The service's bounds of the tolerance, in metres. */
const MIN_TOLERANCE_METRES = 1;
const MAX_TOLERANCE_METRES = 100_000;
const EARTH_CIRCUMFERENCE_METRES = 40_075_016.686;

/** The ground length of a few screen pixels at a zoom and latitude (Web Mercator, 256-pixel tiles). */
export function pixelsToMetres(pixels, zoom, latitude) {
  const metresPerPixel = EARTH_CIRCUMFERENCE_METRES * Math.cos(latitude * Math.PI / 180) / (256 * 2 ** zoom);
  return Math.min(MAX_TOLERANCE_METRES, Math.max(MIN_TOLERANCE_METRES, Math.round(pixels * metresPerPixel)));
}

function featureName(feature) {
  const p = feature.properties ?? {};
  // imported layers name their features as Chinese agencies do: 名称, or MC (its pinyin initials)
  return local(p) || p.name || p.NAME || p['名称'] || p.mc || p.MC || feature.id;
}

/**
 * @param options.visibleLayers () → ids of the layers on the map: only those are asked about
 * @param options.isActive () → false while another tool (drawing, picking) owns clicks
 * @param options.onProject (id) → open a project's card
 * @param options.onArea (layer, feature) → analyse the projects in that polygon
 */
export function createIdentify({ map, datum, layerInfo, visibleLayers, isActive, onProject, onArea }) {
  const content = document.createElement('div');
  content.className = 'identify';
  const popup = L.popup({ maxWidth: 380, minWidth: 260, maxHeight: 420, className: 'identify-popup' });
  let controller = null;
  let last = null;

  /** A city the district supports: the plan's role, or, for a link derived from schematic overlaps, only that. */
  function supportChip(city) {
    return city.basis === 'derived'
      ? html`<li class="chip city-chip chip--derived" data-city="${city.id}" data-basis="derived" data-city-colour="${city.colour}"
          title="${t('basis.derivedNote')}">${local(city)} · ${t('basis.derived')}</li>`
      : html`<li class="chip city-chip" data-city="${city.id}" data-basis="plan" data-city-colour="${city.colour}">
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
      const answer = await getJson(`api/identify?${query({
        lon: lonLat[0].toFixed(6),
        lat: lonLat[1].toFixed(6),
        tolerance: pixelsToMetres(TOLERANCE_PIXELS, map.getZoom(), lonLat[1]),
      })}&layers=${visibleLayers().map(encodeURIComponent).join(',')}`, { signal });
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
