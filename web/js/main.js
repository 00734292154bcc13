/**
 * Starts the map page: fetches the map settings, the layer catalog, the six cities and the
 * districts in parallel, builds the map and the panels, and wires them to each other and to
 * the URL (state.js). Each panel lives in its own module and knows nothing of the others;
 * the few ways they lead into each other are the callbacks passed here.
 */
import { getJson } from './api.js';
import { createCityPanel } from './cities.js';
import { createCompliance } from './compliance.js';
import { createConflicts } from './conflicts.js';
import { createCoverage } from './coverage.js';
import { createIdentify } from './identify.js';
import { createHistory } from './history.js';
import { createImports } from './imports.js';
import { errorText, lang, onLangChange, setLang, t } from './i18n.js';
import { createDistrictLabels, createLabelPlacer, createZoneLabels } from './labels.js';
import { createLayerPanel, stylesFrom } from './layers.js';
import { boundsOf, createMap, fitOptions } from './map.js';
import { createMonitoring } from './monitoring.js';
import { createProjectCard } from './project-card.js';
import { createPrint } from './print.js';
import { createProjects } from './projects.js';
import { initial, setState } from './state.js';
import { createStatistics } from './statistics.js';
import { createTabs } from './tabs.js';

const $ = (selector) => document.querySelector(selector);

/** The layers whose features the six cities name as members: a chosen city draws the others faint. */
const CITY_MEMBER_LAYERS = ['major-zones', 'corridors', 'dev-zones', 'sites', 'regional-zones', 'regional-corridors'];

/**
 * The layers the layer panel and the coverage lists offer: not those the service derives from other
 * data (the districts with their monitoring figures, which the monitoring panel draws itself).
 */
function mapLayers(catalog) {
  return catalog.filter((l) => l.kind !== 'derived');
}

function setUpHeader(datum) {
  const toggle = $('#lang-toggle');
  const badge = $('#datum-badge');
  const about = $('#about');
  function render() {
    const other = lang() === 'zh' ? 'en' : 'zh';
    toggle.textContent = t(`lang.switchTo.${other}`);
    toggle.lang = other === 'zh' ? 'zh-CN' : 'en';
    badge.dataset.datum = datum.name;
    badge.textContent = datum.hasBasemap
      ? t('datum.basemap', { datum: t(`datum.${datum.name}`) }) + (datum.shifted ? t('datum.shifted') : '')
      : t('datum.none');
    badge.title = t(datum.hasBasemap ? 'datum.basemapHelp' : 'datum.noneHelp');
  }
  toggle.addEventListener('click', () => setLang(lang() === 'zh' ? 'en' : 'zh'));
  document.querySelectorAll('[data-action="about"]').forEach((button) => button.addEventListener('click', () => about.showModal()));
  about.querySelector('[data-action="close"]').addEventListener('click', () => about.close());
  onLangChange(render);
  render();
}

/** The one plan style (a MapLibre style document), which the server's maps and prints draw with too. */
function planStyle() {
  return getJson('ogc/styles/plan', { headers: { Accept: 'application/vnd.mapbox.style+json' } });
}

/** On a phone the open layer panel would cover most of the map: there it starts collapsed. */
const NARROW_SCREEN = '(max-width: 700px)';

function setUpLayerPanelToggle() {
  const button = $('#layer-panel-toggle');
  function expand(expanded) {
    button.setAttribute('aria-expanded', String(expanded));
    $('#layer-list').hidden = !expanded;
    $('.layer-panel').classList.toggle('layer-panel--collapsed', !expanded);
  }
  button.addEventListener('click', () => expand(button.getAttribute('aria-expanded') !== 'true'));
  expand(!matchMedia(NARROW_SCREEN).matches);
}

async function start() {
  setLang(initial.lang);
  // before the map frames the plan, which keeps clear of the panel as it is
  setUpLayerPanelToggle();
  const [settings, firstCatalog, cities, districts, firstStyle] = await Promise.all([
    getJson('api/map-settings'),
    getJson('api/layers'),
    getJson('api/cities'),
    getJson('api/districts'),
    planStyle(),
  ]);
  let catalog = firstCatalog;
  const districtsInfo = catalog.find((l) => l.id === 'districts');
  const { map, datum } = createMap($('#map'), {
    basemap: settings.basemap,
    initialView: initial.view,
    fitExtent: districtsInfo?.extent ?? [124.0, 43.1, 127.1, 45.3],
    attribution: t('attribution.plan'),
  });
  setUpHeader(datum);
  let attribution = t('attribution.plan');
  onLangChange(() => {
    map.attributionControl.removeAttribution(attribution);
    attribution = t('attribution.plan');
    map.attributionControl.addAttribution(attribution);
  });

  let monitoring = null;
  let openTab = null;
  let compliance = null;
  const statistics = createStatistics({ map, datum, element: $('#pane-statistics') });
  const tabs = createTabs($('#panel [role="tablist"]'), {
    initial: initial.tab,
    onChange: (tab) => {
      openTab = tab;
      statistics.setActive(tab === 'statistics');
      setState({ tab });
      monitoring?.setActive(tab === 'monitoring');
    },
  });
  const card = createProjectCard({
    element: $('#project-card'),
    onChange: (project) => setState({ project }),
    onCheck: (id) => {
      tabs.open('compliance');
      compliance?.check(id);
    },
  });
  const projects = createProjects({
    map,
    datum,
    element: $('#pane-projects'),
    cities,
    libraryInfo: () => catalog.find((l) => l.id === 'projects'),
    onOpen: (id) => card.show(id),
  });
  const placer = createLabelPlacer(map);
  const styles = stylesFrom(firstStyle);
  // names are written from the zoom the plan style gives each layer's labels
  const labelZoom = (id) => styles[id]?.labelMinZoom ?? 0;
  const districtLabels = createDistrictLabels(map, datum, districts, placer, { minZoom: labelZoom('districts') });
  const zoneLabels = (id, priority) => ({
    companion: createZoneLabels(map, datum, id, placer, { minZoom: labelZoom(id), priority }),
  });
  const layers = createLayerPanel({
    map,
    datum,
    element: $('#layer-list'),
    exportVisible: $('#export-visible'),
    catalog: mapLayers(catalog),
    styles,
    visible: initial.layers,
    special: {
      projects: { layer: projects.layer, legend: projects.legend },
      districts: { companion: districtLabels },
      // zone names once the zones are some tens of pixels across (the style's minzoom); major zones first
      'major-zones': zoneLabels('major-zones', 100),
      corridors: zoneLabels('corridors', 200),
      'dev-zones': zoneLabels('dev-zones', 300),
      sites: zoneLabels('sites', 400),
      // the provincial corridors and bases are hundreds of kilometres long: named from the province's zoom
      'regional-zones': zoneLabels('regional-zones', 500),
      'regional-corridors': zoneLabels('regional-corridors', 600),
    },
    onChange: (visible) => setState({ layers: visible }),
  });
  let drawing = false;
  // the layers whose polygons can be an area asked about or a side of a conflict check
  const polygonLayers = () => mapLayers(catalog).filter((l) => l.kind !== 'projects' && /Polygon/.test(l.geometry_type));
  const coverage = createCoverage({
    map,
    datum,
    element: $('#pane-coverage'),
    cities,
    districts,
    polygonLayers,
    onProject: (id) => projects.select(id),
    onDrawing: (active) => { drawing = active; },
    initial,
    fitInitial: !initial.view,
    onChange: (question) => setState(question),
  });
  compliance = createCompliance({
    map,
    datum,
    element: $('#pane-compliance'),
    cities,
    onProject: (id) => projects.select(id),
    onDrawing: (active) => { drawing = active; },
    onShowLayer: (id) => layers.show(id),
    initial,
    fitInitial: !initial.view,
    onChange: (check) => setState(check),
  });
  const conflicts = createConflicts({
    map,
    datum,
    element: $('#pane-compliance .conflicts'),
    polygonLayers,
    onShowLayer: (id) => layers.show(id),
    initial: initial.conflict,
    onChange: (check) => setState(check),
  });
  createIdentify({
    map,
    datum,
    layerInfo: (id) => catalog.find((l) => l.id === id),
    visibleLayers: () => layers.visible(),
    isActive: () => !drawing,
    onProject: (id) => projects.select(id),
    onArea: (layer, feature) => {
      tabs.open('coverage');
      coverage.analyse(layer, feature);
    },
  });
  createCityPanel({
    map,
    datum,
    element: $('#pane-cities'),
    cities,
    layerInfo: (id) => catalog.find((l) => l.id === id),
    initialCity: initial.city,
    fitInitial: !initial.view,
    onChange: (city) => setState({ city }),
    onFocus: (focus) => {
      layers.setDimmed(CITY_MEMBER_LAYERS, focus && ((layer, feature) => !focus.members.has(`${layer}/${feature}`)));
      projects.focusCity(focus?.id ?? null);
      districtLabels.setDimmed(focus && ((adcode) => !focus.districts.has(adcode)));
    },
    onShowProjects: (city) => {
      tabs.open('projects');
      projects.showCity(city);
    },
  });
  const history = createHistory({
    map,
    datum,
    element: $('#pane-history'),
    layers: () => mapLayers(catalog),
    initial,
    onChange: (comparison) => setState(comparison),
    onRestored: async () => {
      catalog = await getJson('api/layers');
      layers.update(mapLayers(catalog), stylesFrom(await planStyle()));
    },
  });
  const imports = createImports({
    element: $('#pane-imports'),
    initialJob: initial.job,
    onJob: (job) => setState({ job }),
    onImported: async (layerId) => {
      catalog = await getJson('api/layers');
      layers.update(mapLayers(catalog), stylesFrom(await planStyle()));
      layers.show(layerId);
      coverage.refresh();
      history.refresh();
      conflicts.refresh();
      const info = catalog.find((l) => l.id === layerId);
      if (info?.extent) {
        map.fitBounds(boundsOf(datum, info.extent), fitOptions(map));
      }
    },
  });
  monitoring = createMonitoring({
    map,
    datum,
    element: $('#pane-monitoring'),
    initial,
    onChange: (question) => setState(question),
  });
  monitoring.setActive(openTab === 'monitoring');
  createPrint({ map, datum, dialog: $('#print'), visibleLayers: () => layers.visible() });
  if (!initial.tab && imports.hasJob()) {
    tabs.open('imports');
  }
  if (initial.project) {
    projects.select(initial.project);
  }

  map.on('moveend', () => {
    const [lon, lat] = datum.fromMap(map.getCenter());
    setState({ view: { zoom: map.getZoom(), lat, lon } });
  });
  setState({ lang: lang() });
  onLangChange((next) => setState({ lang: next }));
  document.body.dataset.ready = 'true';
}

start().catch((error) => {
  const message = $('#fatal');
  message.textContent = `${t('error.start')} ${errorText(error)}`;
  message.hidden = false;
  throw error;
});
