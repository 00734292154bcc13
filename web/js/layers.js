/**
 * The layer panel: every collection of /api/layers (imported ones too) with a toggle, an opacity
 * slider, a legend (colour and geometry kind), what the layer is and how accurate, and its export.
 *
 * Layers are drawn from vector tiles (mvt-layer.js): a tile holds what is drawn on it and no
 * more, whatever the layer's size. The project library is the exception: its GeoJSON layer is
 * owned by projects.js, because the map must show exactly what the project list shows.
 */
import { download } from './api.js';
import { html, setHtml } from './html.js';
import { errorText, lang, local, onLangChange, t, term } from './i18n.js';
import { MvtLayer } from './mvt-layer.js';

const DEFAULT_VISIBLE = ['districts', 'major-zones', 'corridors', 'dev-zones', 'projects'];

/**
 * Plan layers have a fixed look; imported layers take the next colour of IMPORTED. The schematic
 * zones overlap each other in the centre of the city: light fills keep the projects drawn over
 * them, and the zones under each other, readable.
 */
const STYLES = {
  districts: { colour: '#566573', fill: '#ffffff', fillOpacity: 0.75, weight: 1.2 },
  'agri-belts': { colour: '#9a7d0a', fill: '#f4d03f', fillOpacity: 0.22, weight: 1.5, dash: [6, 4] },
  'major-zones': { colour: '#6c3483', fill: '#c39bd3', fillOpacity: 0.08, weight: 1.6, opacity: 0.8, dash: [8, 4] },
  corridors: { colour: '#1f618d', fill: '#5dade2', fillOpacity: 0.16, weight: 1.2, opacity: 0.8 },
  'dev-zones': { colour: '#ba4a00', fill: '#f0b27a', fillOpacity: 0.2, weight: 1.1, opacity: 0.8 },
  'eco-redline-sample': { colour: '#1e8449', fill: '#82e0aa', fillOpacity: 0.3, weight: 1.6, dash: [3, 3] },
};
const IMPORTED = ['#117a65', '#1a5276', '#943126', '#7d6608', '#5b2c6f', '#0e6655'];

const EXPORTS = [
  { format: 'geojson', label: 'GeoJSON', extension: 'geojson' },
  { format: 'csv', label: 'CSV', extension: 'csv' },
  { format: 'shp', label: 'Shapefile', extension: 'zip' },
];

function geometryKind(type) {
  if (/Polygon/.test(type)) {
    return 'polygon';
  }
  if (/LineString/.test(type)) {
    return 'line';
  }
  return /Point/.test(type) ? 'point' : 'mixed';
}

/** When and by whom an imported layer was imported: what tells imports of alike files apart. */
function importedNote(info) {
  const date = new Intl.DateTimeFormat(lang() === 'zh' ? 'zh-CN' : 'en-GB', { dateStyle: 'medium', timeStyle: 'short' })
    .format(new Date(info.imported_at));
  return info.imported_by ? t('layers.importedBy', { date, by: info.imported_by }) : t('layers.imported', { date });
}

function swatch(kind, style) {
  const stroke = style.colour;
  const fill = style.fill ?? style.colour;
  const shape = {
    polygon: html`<rect x="2" y="3" width="14" height="12" rx="1" fill="${fill}" fill-opacity="${Math.max(style.fillOpacity ?? 0.3, 0.35)}"
      stroke="${stroke}" stroke-width="1.5" stroke-dasharray="${(style.dash ?? []).join(' ') || 'none'}"/>`,
    line: html`<path d="M2 14 L8 6 L16 10" fill="none" stroke="${stroke}" stroke-width="2.5"/>`,
    point: html`<circle cx="9" cy="9" r="5" fill="${fill}" stroke="${stroke}" stroke-width="1.5"/>`,
    mixed: html`<rect x="1.5" y="6" width="9" height="9" fill="${fill}" fill-opacity="0.4" stroke="${stroke}"/>
      <circle cx="13" cy="5" r="3.5" fill="${stroke}"/>`,
  }[kind];
  return html`<svg class="swatch" viewBox="0 0 18 18" width="18" height="18" aria-hidden="true">${shape}</svg>`;
}

/**
 * @param options.special per layer id: { layer, legend() } to use instead of vector tiles,
 *                        or { companion } drawn and hidden together with the tiles (labels)
 * @param options.onChange called with the ids of the visible layers after every toggle
 */
export function createLayerPanel({ map, datum, element, catalog, visible, special = {}, onChange }) {
  const entries = new Map();
  let importedCount = 0;

  function styleFor(info) {
    if (info.id === 'districts' && datum.hasBasemap) {
      // without a basemap the districts' white fill is the land; over one it would hide it
      return { ...STYLES.districts, fillOpacity: 0.05 };
    }
    if (STYLES[info.id]) {
      return STYLES[info.id];
    }
    const colour = IMPORTED[importedCount++ % IMPORTED.length];
    return { colour, fill: colour, fillOpacity: 0.35, weight: 1.5, radius: 4 };
  }

  // the map says it is busy while any vector-tile layer is still loading tiles
  const loading = new Set();
  function busy(layer, isLoading) {
    if (isLoading) {
      loading.add(layer);
    } else {
      loading.delete(layer);
    }
    map.getContainer().setAttribute('aria-busy', String(loading.size > 0));
  }

  function add(info, index, shown) {
    const own = special[info.id] ?? {};
    const style = styleFor(info);
    const layer = own.layer ?? new MvtLayer({
      collection: info.id,
      style,
      datum,
      zIndex: index,
      className: `plan-layer plan-layer--${info.id}`,
    });
    const entry = { info, style, layer, companion: own.companion, legend: own.legend, visible: false, opacity: 1, failed: false };
    if (layer instanceof MvtLayer) {
      const failed = (value) => {
        entry.failed = value;
        const warning = element.querySelector(`.layer[data-layer="${CSS.escape(info.id)}"] .warning`);
        if (warning) {
          warning.hidden = !value;
        }
      };
      layer.on('loading', () => {
        busy(layer, true);
        failed(false);
      });
      layer.on('tileerror', () => failed(true));
      layer.on('load remove', () => busy(layer, false));
    }
    entries.set(info.id, entry);
    setVisible(entry, shown);
  }

  function setVisible(entry, shown) {
    entry.visible = shown;
    for (const layer of [entry.layer, entry.companion]) {
      if (!layer) {
        continue;
      }
      if (shown) {
        layer.addTo(map);
      } else {
        layer.remove();
      }
    }
  }

  function visibleIds() {
    return [...entries.values()].filter((e) => e.visible).map((e) => e.info.id);
  }

  function row(entry) {
    const { info, style } = entry;
    const id = info.id;
    const kind = geometryKind(info.geometry_type);
    const facts = [t(`geom.${kind}`), t('layers.count', { count: info.feature_count }),
      info.accuracy ? term('accuracy', info.accuracy) : '', info.imported_at ? importedNote(info) : ''].filter(Boolean).join(' · ');
    return html`<li class="layer" data-layer="${id}">
      <div class="layer-row">
        <input type="checkbox" id="show-layer-${id}" ${entry.visible ? html`checked` : ''}>
        <label for="show-layer-${id}">${swatch(kind, style)}<span class="layer-title">${local(info, 'title')}</span></label>
        <button type="button" class="icon-button layer-more" aria-expanded="false" aria-controls="about-layer-${id}"
          title="${t('layers.details')}" aria-label="${t('layers.detailsOf', { title: local(info, 'title') })}">ⓘ</button>
      </div>
      <div class="layer-meta">
        <span class="layer-legend">${entry.legend ? entry.legend() : facts}
          <span class="warning" role="status" ${entry.failed ? '' : html`hidden`}>${t('layers.tileError')}</span></span>
        <input type="range" min="0" max="100" step="5" value="${Math.round(entry.opacity * 100)}"
          title="${t('layers.opacity')}" aria-label="${t('layers.opacityOf', { title: local(info, 'title') })}">
      </div>
      <div class="layer-more-text" id="about-layer-${id}" hidden>
        <p>${local(info, 'description')}</p>
        ${local(info, 'source') ? html`<p><strong>${t('layers.source')}</strong> ${local(info, 'source')}</p>` : ''}
        ${local(info, 'licence') ? html`<p><strong>${t('layers.licence')}</strong> ${local(info, 'licence')}</p>` : ''}
        <p class="layer-export"><strong>${t('layers.export')}</strong>
          ${EXPORTS.map((e) => html`<button type="button" class="link-button" data-export="${e.format}" data-extension="${e.extension}">${e.label}</button>`)}
        </p>
        <p class="layer-export-error error" role="alert" hidden></p>
      </div>
    </li>`;
  }

  function render() {
    const open = [...element.querySelectorAll('.layer-more[aria-expanded="true"]')].map((b) => b.closest('.layer').dataset.layer);
    setHtml(element, [...entries.values()].map(row));
    open.forEach((id) => toggleDetails(element.querySelector(`.layer[data-layer="${CSS.escape(id)}"] .layer-more`)));
  }

  function toggleDetails(button) {
    const expanded = button.getAttribute('aria-expanded') !== 'true';
    button.setAttribute('aria-expanded', String(expanded));
    document.getElementById(button.getAttribute('aria-controls')).hidden = !expanded;
  }

  async function exportLayer(button) {
    const item = button.closest('.layer');
    const id = item.dataset.layer;
    const error = item.querySelector('.layer-export-error');
    error.hidden = true;
    button.disabled = true;
    try {
      await download(`api/layers/${encodeURIComponent(id)}/export?format=${button.dataset.export}`, `${id}.${button.dataset.extension}`);
    } catch (e) {
      error.textContent = errorText(e);
      error.hidden = false;
    } finally {
      button.disabled = false;
    }
  }

  element.addEventListener('change', (event) => {
    if (event.target.type !== 'checkbox') {
      return;
    }
    setVisible(entries.get(event.target.closest('.layer').dataset.layer), event.target.checked);
    onChange?.(visibleIds());
  });
  element.addEventListener('input', (event) => {
    if (event.target.type !== 'range') {
      return;
    }
    const entry = entries.get(event.target.closest('.layer').dataset.layer);
    entry.opacity = Number(event.target.value) / 100;
    entry.layer.setOpacity(entry.opacity);
  });
  element.addEventListener('click', (event) => {
    const more = event.target.closest('.layer-more');
    if (more) {
      toggleDetails(more);
    }
    const exporting = event.target.closest('[data-export]');
    if (exporting) {
      exportLayer(exporting);
    }
  });
  onLangChange(render);

  const shown = new Set(visible ?? DEFAULT_VISIBLE);
  catalog.forEach((info, index) => add(info, index, shown.has(info.id)));
  render();

  return {
    /** Adds the layers a new catalog has that the panel does not (after an import). */
    update(newCatalog) {
      newCatalog.forEach((info, index) => {
        if (entries.has(info.id)) {
          entries.get(info.id).info = info;
        } else {
          add(info, index, false);
        }
      });
      render();
    },
    /** Shows a layer and tells onChange. */
    show(id) {
      const entry = entries.get(id);
      if (entry && !entry.visible) {
        setVisible(entry, true);
        render();
        onChange?.(visibleIds());
      }
    },
    info(id) {
      return entries.get(id)?.info;
    },
    /** The ids of the layers on the map. */
    visible: visibleIds,
    /** Draws faint the features of these layers for which dimmed(layer id, feature id) is true; null: none. */
    setDimmed(layerIds, dimmed) {
      layerIds.forEach((id) => {
        const layer = entries.get(id)?.layer;
        if (layer instanceof MvtLayer) {
          layer.setDimmed(dimmed && ((featureId) => dimmed(id, featureId)));
        }
      });
    },
    catalog() {
      return [...entries.values()].map((e) => e.info);
    },
  };
}
