/**
 * What a link must reproduce: the view, the visible layers, the chosen city, the open panel, the
 * area asked about (area=layer/feature or polygon=lon,lat,… with mode and km), the open project
 * card, the language, a running import job, in the monitoring panel the city shown (monitor=), the
 * status shown (status=) and the open indicator (indicator=), the versions compared
 * (compare=layer/from/to, key), and the compliance check (site=lon,lat,… or check=project id, with
 * declare=city/industry; conflict=layer/against for a conflict check). Read once from the URL at start; every change is
 * written back with history.replaceState, so the address bar is always a link to this view.
 * The view is kept in WGS84 whatever the basemap's datum, so a link means the same place on
 * every installation.
 */

const params = new URLSearchParams(location.search);

function parseView(text) {
  const [zoom, lat, lon] = (text ?? '').split('/').map(Number);
  if ([zoom, lat, lon].some((n) => !Number.isFinite(n))) {
    return null;
  }
  return { zoom, lat, lon };
}

function list(text) {
  return text == null ? null : text.split(',').filter(Boolean);
}

const state = {
  lang: params.get('lang') ?? localStorage.getItem('plan.lang') ?? 'zh',
  view: parseView(params.get('view')),
  layers: list(params.get('layers')),
  city: params.get('city'),
  tab: params.get('tab'),
  area: params.get('area'),
  polygon: params.get('polygon'),
  mode: params.get('mode'),
  km: params.get('km'),
  project: params.get('project'),
  job: params.get('job'),
  monitor: params.get('monitor'),
  status: params.get('status'),
  indicator: params.get('indicator'),
  compare: params.get('compare'),
  key: params.get('key'),
  site: params.get('site'),
  check: params.get('check'),
  declare: params.get('declare'),
  conflict: params.get('conflict'),
};

/** The state as the page was opened; modules read their starting point from it. */
export const initial = Object.freeze({ ...state });

export function setState(changes) {
  Object.assign(state, changes);
  const out = new URLSearchParams();
  out.set('lang', state.lang);
  if (state.view) {
    const { zoom, lat, lon } = state.view;
    out.set('view', `${zoom}/${lat.toFixed(5)}/${lon.toFixed(5)}`);
  }
  if (state.layers) {
    out.set('layers', state.layers.join(','));
  }
  for (const key of ['city', 'tab', 'area', 'polygon', 'mode', 'km', 'project', 'job', 'monitor', 'status', 'indicator',
    'compare', 'key', 'site', 'check', 'declare', 'conflict']) {
    if (state[key]) {
      out.set(key, state[key]);
    }
  }
  // commas and slashes are legal in a query; keeping them unescaped keeps links readable
  const query = out.toString().replace(/%2C/g, ',').replace(/%2F/g, '/');
  history.replaceState(null, '', `${location.pathname}?${query}`);
}
