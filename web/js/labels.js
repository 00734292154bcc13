/**
 * District names drawn as labels at each district's label point (an interior point computed by
 * /api/districts). Labels are markers, not part of the tiles, so a name is drawn once rather
 * than once per tile the district touches. Hidden below zoom 7, where they would overlap.
 */
import { html } from './html.js';
import { lang, local, onLangChange } from './i18n.js';

const MIN_ZOOM = 7;

/** English labels drop "District", "City", "County": the map already shows what they are, and space is short. */
function labelOf(district) {
  return lang() === 'en' ? local(district).replace(/ (District|City|County)$/, '') : local(district);
}

export function createDistrictLabels(map, datum, districts) {
  const group = L.layerGroup();
  const markers = districts.filter((d) => d.label_point).map((district) => {
    const marker = L.marker(datum.toMap(district.label_point), {
      pane: 'labels',
      interactive: false,
      keyboard: false,
    });
    marker.district = district;
    return marker;
  });

  function render() {
    markers.forEach((marker) => {
      marker.setIcon(L.divIcon({
        className: 'district-label',
        html: html`<span data-adcode="${marker.district.adcode}">${labelOf(marker.district)}</span>`.toString(),
        iconSize: null,
      }));
    });
  }

  function fitZoom() {
    map.getContainer().classList.toggle('labels-hidden', map.getZoom() < MIN_ZOOM);
  }

  render();
  markers.forEach((marker) => group.addLayer(marker));
  onLangChange(render);
  map.on('zoomend', fitZoom);
  fitZoom();
  return group;
}
