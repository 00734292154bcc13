/**
 * The project library: search by name (Chinese or English), filter by city, status and category
 * (十大工程 programme or 六新产业 industry); the list and the map's project layer are drawn from the
 * same answer, so they always show the same projects. Clicking a project in the list flies to it
 * and opens its card; clicking one on the map opens its card and marks it in the list.
 *
 * Filtering is done by the service, through the OGC API's CQL2 filter, not in the page: the
 * library is edited by GIS staff and grows, the filter runs where the data and its indexes are,
 * and the page fetches only the projects it draws and only the fields it shows (properties=…).
 * A search answers in a few milliseconds on the embedded store; typing is debounced.
 */
import { getJson, query } from './api.js';
import { html, setHtml } from './html.js';
import { errorText, formatInvestment, local, onLangChange, t, term } from './i18n.js';
import { fitOptions, geoJsonOptions } from './map.js';
import { INDUSTRIES, PROGRAMMES, STATUSES } from './vocabulary.js';

const FIELDS = ['name_zh', 'name_en', 'city', 'status', 'programme', 'industry', 'investment_cny_100m'];
const DEBOUNCE_MS = 250;
/** How much of its opacity a project keeps when a city it does not serve is chosen. */
const FAINT = 0.2;

/** A CQL2 text string literal: quotes are doubled. % and _ the user types act as LIKE wildcards. */
function literal(text) {
  return `'${text.replaceAll("'", "''")}'`;
}

function cql2Filter({ q, city, status, category }) {
  const parts = [];
  if (q) {
    const pattern = literal(`%${q}%`);
    parts.push(`(name_zh LIKE ${pattern} OR CASEI(name_en) LIKE CASEI(${pattern}))`);
  }
  if (city) {
    parts.push(`city = ${literal(city)}`);
  }
  if (status) {
    parts.push(`status = ${literal(status)}`);
  }
  if (category) {
    const [field, value] = category.split(':');
    parts.push(`${field === 'industry' ? 'industry' : 'programme'} = ${literal(value)}`);
  }
  return parts.join(' AND ');
}

/**
 * @param options.libraryInfo () → the catalog entry of the projects layer (its feature count bounds a page)
 * @param options.onOpen (id) → open the project's card
 */
export function createProjects({ map, datum, element, cities, libraryInfo, onOpen }) {
  const form = element.querySelector('.project-filters');
  const count = element.querySelector('.project-count');
  const list = element.querySelector('.project-list');
  const colourOf = (cityId) => cities.find((c) => c.id === cityId)?.colour ?? '#566573';
  let features = [];
  let matched = 0;
  let error = null;
  let selected = null;
  let opacity = 1;
  // the city chosen in the six-cities panel: projects serving another city are drawn faint
  let focusCity = null;
  let controller = null;
  let timer = null;

  const layer = L.geoJSON(null, geoJsonOptions(datum, {
    pane: 'projects',
    style,
    pointToLayer: (feature, latLng) => L.circleMarker(latLng, { pane: 'projects', ...style(feature) }),
    onEachFeature: (feature, featureLayer) => {
      featureLayer.bindTooltip(() => local(feature.properties), { direction: 'top', sticky: feature.geometry.type !== 'Point' });
      featureLayer.on('click', (event) => {
        L.DomEvent.stop(event);
        select(feature.id, { fly: false });
      });
    },
  }));
  // the layer panel's opacity slider
  layer.setOpacity = (value) => {
    opacity = value;
    layer.setStyle(style);
  };

  function style(feature) {
    const colour = colourOf(feature.properties.city);
    const isSelected = feature.id === selected;
    const faint = focusCity && feature.properties.city !== focusCity && !isSelected ? FAINT : 1;
    return {
      radius: isSelected ? 9 : 6,
      color: isSelected ? '#17202a' : '#ffffff',
      weight: isSelected ? 3 : 1.5,
      opacity: opacity * faint,
      fillColor: colour,
      fillOpacity: (feature.geometry.type === 'Point' ? 0.9 : 0.7) * opacity * faint,
      // read once, when the project is first drawn: says which city it serves (tests, styles)
      className: `project project--city-${feature.properties.city}`,
    };
  }

  function filters() {
    const data = new FormData(form);
    return {
      q: data.get('q').trim(),
      city: data.get('city'),
      status: data.get('status'),
      category: data.get('category'),
    };
  }

  function renderFilters() {
    const current = filters();
    const option = (value, label) => html`<option value="${value}">${label}</option>`;
    setHtml(form.elements.city, [option('', t('projects.allCities')), ...cities.map((c) => option(c.id, local(c)))]);
    setHtml(form.elements.status, [option('', t('projects.allStatuses')), ...STATUSES.map((s) => option(s, term('status', s)))]);
    setHtml(form.elements.category, html`${option('', t('projects.allCategories'))}
      <optgroup label="${t('projects.programmes')}">${PROGRAMMES.map((p) => option(`programme:${p}`, term('programme', p)))}</optgroup>
      <optgroup label="${t('projects.industries')}">${INDUSTRIES.map((i) => option(`industry:${i}`, term('industry', i)))}</optgroup>`);
    form.elements.city.value = current.city ?? '';
    form.elements.status.value = current.status ?? '';
    form.elements.category.value = current.category ?? '';
  }

  function renderList() {
    if (error) {
      count.textContent = '';
      setHtml(list, html`<li class="error" role="alert">${errorText(error)}</li>`);
      return;
    }
    count.textContent = matched > features.length
      ? t('projects.countPartial', { shown: features.length, count: matched })
      : t('projects.count', { count: features.length });
    setHtml(list, features.map((feature) => {
      const p = feature.properties;
      const city = cities.find((c) => c.id === p.city);
      return html`<li><button type="button" class="project-item" data-id="${feature.id}" aria-current="${feature.id === selected}">
        <span class="city-dot" data-city-colour="${colourOf(p.city)}" aria-hidden="true"></span>
        <span class="project-name">${local(p)}</span>
        <span class="project-meta">${city ? local(city) : p.city} · ${term('status', p.status)} · ${formatInvestment(p.investment_cny_100m)}</span>
      </button></li>`;
    }));
  }

  async function load() {
    controller?.abort();
    controller = new AbortController();
    const limit = Math.min(Math.max(libraryInfo()?.feature_count ?? 1000, 1), 10000);
    const url = `ogc/collections/projects/items?${query({
      limit,
      properties: FIELDS.join(','),
      sortby: '-investment_cny_100m',
      filter: cql2Filter(filters()),
    })}`;
    try {
      const answer = await getJson(url, { signal: controller.signal });
      features = answer.features;
      matched = answer.numberMatched ?? features.length;
      error = null;
    } catch (e) {
      if (e.name === 'AbortError') {
        return;
      }
      features = [];
      error = e;
    }
    layer.clearLayers();
    layer.addData(features);
    renderList();
  }

  function flyTo(feature) {
    const target = layer.getLayers().find((l) => l.feature.id === feature.id);
    if (!target) {
      return;
    }
    if (target.getBounds) {
      map.flyToBounds(target.getBounds(), fitOptions(map, { maxZoom: 14 }));
    } else {
      map.flyTo(target.getLatLng(), Math.max(map.getZoom(), 13));
    }
  }

  function select(id, { fly = true } = {}) {
    selected = id;
    layer.setStyle(style);
    layer.getLayers().find((l) => l.feature.id === id)?.bringToFront();
    // the card opens first, so the flight frames the project beside it, not under it
    onOpen(id);
    const feature = features.find((f) => f.id === id);
    if (feature && fly) {
      flyTo(feature);
    }
    renderList();
    list.querySelector(`[data-id="${CSS.escape(id)}"]`)?.scrollIntoView({ block: 'nearest' });
  }

  form.addEventListener('input', (event) => {
    if (event.target.type === 'search') {
      clearTimeout(timer);
      timer = setTimeout(load, DEBOUNCE_MS);
    }
  });
  form.addEventListener('change', (event) => {
    if (event.target.tagName === 'SELECT') {
      clearTimeout(timer);
      load();
    }
  });
  form.addEventListener('submit', (event) => event.preventDefault());
  form.addEventListener('reset', () => {
    clearTimeout(timer);
    timer = setTimeout(load, 0);
  });
  list.addEventListener('click', (event) => {
    const item = event.target.closest('.project-item');
    if (item) {
      select(item.dataset.id);
    }
  });
  onLangChange(() => {
    renderFilters();
    renderList();
    layer.eachLayer((l) => l.setTooltipContent(local(l.feature.properties)));
  });

  renderFilters();
  load();

  return {
    layer,
    /** Lists the projects of one city (from the six-cities panel). */
    showCity(cityId) {
      form.reset();
      form.elements.city.value = cityId;
      clearTimeout(timer);
      load();
    },
    /** Draws faint the projects that do not serve this city (null: none). */
    focusCity(cityId) {
      focusCity = cityId;
      layer.setStyle(style);
    },
    /** Marks a project chosen elsewhere (identify popup, coverage list). */
    select(id) {
      select(id, { fly: false });
    },
    legend() {
      return html`<span>${t('projects.legend')}</span>`;
    },
  };
}
