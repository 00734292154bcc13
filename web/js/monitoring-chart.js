/**
 * One indicator's small line chart: the whole city's figures by year against the path to its
 * target (dashed) and, except for growth rates, the target itself; sample figures are hollow
 * points, and a figure's tooltip says the status it gave in its year (chart.js, loaded the first
 * time a chart is drawn).
 */
import { local, t } from './i18n.js';
import { loadScript } from './lazy.js';

const ACTUAL = '#1a5276';
const PATH = '#7f8c8d';
const TARGET = '#922b21';

/** Draws the chart into canvas from /api/indicators/{id}; returns the Chart, to be destroyed before the next one. */
export async function drawIndicatorChart(canvas, details) {
  await loadScript('webjars/chart.js/dist/chart.umd.js');
  const { indicator, trajectory } = details;
  const city = details.series.find((s) => !s.district)?.figures ?? [];
  const first = Math.min(indicator.base_year, ...city.map((f) => f.year));
  const last = Math.max(indicator.target_year, ...city.map((f) => f.year));
  const years = Array.from({ length: last - first + 1 }, (unused, i) => first + i);
  const byYear = new Map(city.map((f) => [f.year, f]));
  const pathByYear = new Map(trajectory.map((p) => [p.year, p.value]));
  const datasets = [
    {
      label: t('monitor.chart.actual'),
      data: years.map((year) => byYear.get(year)?.value ?? null),
      borderColor: ACTUAL,
      backgroundColor: ACTUAL,
      pointBackgroundColor: years.map((year) => (byYear.get(year)?.sample ? '#fff' : ACTUAL)),
      pointRadius: 4,
      spanGaps: true,
    },
    {
      label: t('monitor.chart.trajectory'),
      data: years.map((year) => pathByYear.get(year) ?? null),
      borderColor: PATH,
      borderDash: [5, 4],
      pointRadius: 0,
      spanGaps: true,
    },
  ];
  if (indicator.kind !== 'growth_rate') {
    datasets.push({
      label: t('monitor.chart.target'),
      data: years.map((year) => (year === indicator.target_year ? indicator.target : null)),
      borderColor: TARGET,
      backgroundColor: TARGET,
      pointStyle: 'star',
      pointRadius: 7,
      showLine: false,
    });
  }
  return new Chart(canvas, {
    type: 'line',
    data: { labels: years.map(String), datasets },
    options: {
      animation: false,
      maintainAspectRatio: false,
      plugins: {
        legend: { position: 'bottom', labels: { boxWidth: 12 } },
        tooltip: {
          callbacks: {
            afterLabel: (item) => {
              const figure = item.datasetIndex === 0 ? byYear.get(years[item.dataIndex]) : null;
              return figure ? [figure.status ? t(`monitor.status.${figure.status}`) : '', figure.sample ? t('monitor.sample') : '']
                .filter(Boolean) : '';
            },
          },
        },
      },
      scales: { y: { title: { display: true, text: local(indicator, 'unit') } } },
    },
  });
}
