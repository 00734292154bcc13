/**
 * 打印 / 导出PDF: the map as it is on screen (its area and visible layers) printed by the service
 * (POST /api/maps/print) on A4 or A3, with the plan style, legend, scale bar, sources and caveats.
 */
import { request, saveBlob } from './api.js';
import { errorText, t } from './i18n.js';

export function createPrint({ map, datum, dialog, visibleLayers }) {
  const form = dialog.querySelector('form');
  const status = dialog.querySelector('.print-status');

  async function print() {
    const data = new FormData(form);
    const bounds = map.getBounds();
    const [west, south] = datum.fromMap(bounds.getSouthWest());
    const [east, north] = datum.fromMap(bounds.getNorthEast());
    status.textContent = t('print.working');
    try {
      const response = await request('api/maps/print', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Accept: 'application/pdf' },
        body: JSON.stringify({
          title: data.get('title'),
          paper: data.get('paper'),
          orientation: data.get('orientation'),
          layers: visibleLayers(),
          bbox: [west, south, east, north].map((v) => Math.round(v * 1e5) / 1e5),
        }),
      });
      saveBlob(await response.blob(), `${data.get('title') || 'map'}.pdf`);
      status.textContent = '';
      dialog.close();
    } catch (error) {
      status.textContent = errorText(error);
    }
  }

  document.querySelector('#print-map').addEventListener('click', () => dialog.showModal());
  dialog.querySelector('[data-action="cancel"]').addEventListener('click', () => dialog.close());
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    print();
  });
}
