/**
 * The coverage answer's small chart: projects per city, stacked by status (chart.js, loaded the
 * first time a chart is drawn).
 */
import { local, t, term } from './i18n.js';
import { loadScript } from './lazy.js';
import { STATUSES } from './vocabulary.js';

const STATUS_COLOURS = { planned: '#85929e', under_construction: '#e67e22', completed: '#1e8449' };

/** Draws the chart into canvas; returns the Chart, to be destroyed before the next one. */
export async function drawCoverageChart(canvas, features, cities) {
  await loadScript('webjars/chart.js/dist/chart.umd.js');
  const counts = (city, status) => features.filter((f) => f.properties.city === city && f.properties.status === status).length;
  return new Chart(canvas, {
    type: 'bar',
    data: {
      labels: cities.map((city) => local(city)),
      datasets: STATUSES.map((status) => ({
        label: term('status', status),
        data: cities.map((city) => counts(city.id, status)),
        backgroundColor: STATUS_COLOURS[status],
      })),
    },
    options: {
      indexAxis: 'y',
      animation: false,
      maintainAspectRatio: false,
      plugins: { legend: { position: 'bottom', labels: { boxWidth: 12 } } },
      scales: {
        x: { stacked: true, ticks: { precision: 0 }, title: { display: true, text: t('coverage.chartAxis') } },
        y: { stacked: true },
      },
    },
  });
}
