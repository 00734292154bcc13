/**
 * The layer panel: every collection of /api/layers (imported ones too) with a toggle, an opacity
 * slider, a legend (colour and geometry kind), what the layer is and how accurate, and its export;
 * below the list, the layers on the map exported together as one GeoPackage.
 *
 * Layers are drawn from vector tiles (mvt-layer.js): a tile holds what is drawn on it and no
 * more, whatever the layer's size. The project library is the exception: its GeoJSON layer is
 * owned by projects.js, because the map must show exactly what the project list shows.
 */
import { download } from './api.js';
import { html, setHtml } from './html.js';
import { errorText, lang, local, onLangChange, t, term } from './i18n.js';
import { MvtLayer } from './mvt-layer.js';

const DEFAULT_VISIBLE = ['districts', 'major-zones', 'corridors', 'dev-zones', 'sites', 'projects'];

/**
 * Each layer's look as the Leaflet layers here take it, from the one plan style the service serves
 * (/ogc/styles/plan, a MapLibre style document; gis-data/style.json): the server's renderer, WMS and
 * print draw with the same document. Dashes are in line widths there, in pixels here. A colour that is
 * an expression (the projects' colour by city) is left to the layer that draws it.
 */
export function stylesFrom(document) {
  const styles = {};
  const colour = (value) => (typeof value === 'string' ? value : undefined);
  for (const layer of document.layers) {
    const id = layer['source-layer'];
    const paint = layer.paint ?? {};
    if (!id) {
      continue;
    }
    const style = (styles[id] ??= {});
    if (layer.type === 'fill') {
      style.fill = colour(paint['fill-color']);
      style.fillOpacity = paint['fill-opacity'] ?? 1;
    } else if (layer.type === 'line') {
      style.colour = colour(paint['line-color']);
      style.weight = paint['line-width'] ?? 1;
      style.opacity = paint['line-opacity'] ?? 1;
      if (paint['line-dasharray']) {
        style.dash = paint['line-dasharray'].map((d) => d * style.weight);
      }
    } else if (layer.type === 'symbol') {
      // the zoom from which the layer's names are written
      style.labelMinZoom = layer.minzoom ?? 0;
    } else if (layer.type === 'circle') {
      style.radius = paint['circle-radius'];
      style.fill ??= colour(paint['circle-color']);
      style.fillOpacity ??= paint['circle-opacity'] ?? 1;
      style.colour ??= colour(paint['circle-stroke-color']);
      style.weight ??= paint['circle-stroke-width'];
    }
  }
  return styles;
}

const FALLBACK = { colour: '#566573', fill: '#566573', fillOpacity: 0.35, weight: 1.5, radius: 4 };

const EXPORTS = [
  { format: 'geojson', label: 'GeoJSON', extension: 'geojson' },
  { format: 'csv', label: 'CSV', extension: 'csv' },
  { format: 'shp', label: 'Shapefile', extension: 'zip' },
  { format: 'gpkg', label: 'GeoPackage', extension: 'gpkg' },
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
export function createLayerPanel({ map, datum, element, exportVisible, catalog, styles: firstStyles, visible, special = {}, onChange }) {
  const entries = new Map();
  let styles = firstStyles;

  function styleFor(info) {
    const style = styles[info.id] ?? FALLBACK;
    if (info.id === 'districts' && datum.hasBasemap) {
      // without a basemap the districts' white fill is the land; over one it would hide it
      return { ...style, fillOpacity: 0.05 };
    }
    return style;
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

  /** The layers on the map as one GeoPackage, a table each (/api/export). */
  async function exportVisibleLayers() {
    const button = exportVisible.querySelector('button');
    const error = exportVisible.querySelector('.error');
    const ids = visibleIds();
    error.hidden = ids.length > 0;
    error.textContent = t('layers.exportVisibleNone');
    if (!ids.length) {
      return;
    }
    button.disabled = true;
    try {
      await download(`api/export?layers=${ids.map(encodeURIComponent).join(',')}`, 'changchun-plan-layers.gpkg');
    } catch (e) {
      error.textContent = errorText(e);
      error.hidden = false;
    } finally {
      button.disabled = false;
    }
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
  exportVisible?.querySelector('button').addEventListener('click', exportVisibleLayers);
  onLangChange(render);

  const shown = new Set(visible ?? DEFAULT_VISIBLE);
  catalog.forEach((info, index) => add(info, index, shown.has(info.id)));
  render();

  return {
    /** Adds the layers a new catalog has that the panel does not (after an import), in the style's colours. */
    update(newCatalog, newStyles) {
      styles = newStyles;
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
