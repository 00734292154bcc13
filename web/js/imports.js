/**
 * Shapefile import for GIS staff: sign in, choose a zipped shapefile and name the layer (the names
 * are filled in from the file's name, as GET /api/imports/names suggests them: unique among the
 * layers), upload it for a dry run, read the report (names, encoding, CRS, feature count,
 * problems), confirm, and watch the job to completion; the new layer then appears in the layer
 * panel, switched on.
 *
 * POST /api/imports (multipart: file + options, dryRun=true|false) answers a dry run with its
 * report and an import with 202 and the job; GET /api/imports/{id} is polled. The job id is kept
 * in the URL and in localStorage, so a reload (or a link) resumes watching it.
 */
import { getJson, request } from './api.js';
import { authHeaders, editorName, forgetSignIn, refreshSignIn, signIn, signOut } from './auth.js';
import { html, setHtml } from './html.js';
import { errorText, formatNumber, local, onLangChange, t, term } from './i18n.js';

const POLL_MS = 700;
const RETRY_MS = 5000;
const JOB_KEY = 'plan.importJob';
const NAME_FIELDS = ['layer', 'title_zh', 'title_en'];

/**
 * @param options.initialJob a job id from the URL, to resume
 * @param options.onJob      (id or null) → the job being watched, for the URL
 * @param options.onImported (layer id) → a layer was imported: show it
 */
export function createImports({ element, initialJob, onJob, onImported }) {
  const signInForm = element.querySelector('.signin-form');
  const signedIn = element.querySelector('.signed-in');
  const form = element.querySelector('.import-form');
  const reportBox = element.querySelector('.import-report');
  const jobBox = element.querySelector('.import-job');
  let report = null;
  let error = null;
  let job = null;
  let timer = null;

  function renderSignIn() {
    const name = editorName();
    signInForm.hidden = Boolean(name);
    signedIn.hidden = !name;
    form.hidden = !name;
    signedIn.querySelector('.editor-name').textContent = name ?? '';
  }

  /**
   * Fills the name fields from the chosen file, leaving alone those the user typed. A suggestion
   * left as it is goes to the service blank (see uploadBody).
   */
  async function suggestNames() {
    const file = form.elements.file.files[0];
    if (!file) {
      return;
    }
    let names = null;
    try {
      names = await getJson(`api/imports/names?file=${encodeURIComponent(file.name)}`);
    } catch {
      return; // the fields stay as they are, and the service names the layer itself
    }
    for (const field of NAME_FIELDS) {
      const input = form.elements[field];
      if (input.value === '' || input.value === input.dataset.suggested) {
        input.value = names[field];
        input.dataset.suggested = names[field];
      }
    }
  }

  function uploadBody(dryRun, member) {
    const body = new FormData(form);
    for (const [key, value] of [...body.entries()]) {
      // an untouched suggestion is left to the service, which names each shapefile of a zip that
      // holds several, and keeps names unique even if another import took them meanwhile
      if (value === '' || (NAME_FIELDS.includes(key) && value === form.elements[key].dataset.suggested)) {
        body.delete(key);
      }
    }
    if (member) {
      body.set('member', member);
    }
    body.set('dryRun', String(dryRun));
    return body;
  }

  async function upload(dryRun, member) {
    const response = await request('api/imports', { method: 'POST', headers: authHeaders(), body: uploadBody(dryRun, member) });
    return response.json();
  }

  function fail(e) {
    if (e.status === 401) {
      forgetSignIn();
      renderSignIn();
    }
    error = e;
  }

  function shapefile(item, several) {
    const crs = item.crs ?? {};
    const encoding = item.encoding ?? {};
    const problems = item.problems ?? [];
    return html`<article class="shapefile" data-name="${item.name}">
      <h3>${several ? html`<label><input type="radio" name="member" value="${item.name}"> ${item.name}</label>` : item.name}</h3>
      <dl class="facts">
        <dt>${t('imports.count')}</dt><dd data-report="count">${formatNumber(item.feature_count, 0)}</dd>
        <dt>${t('imports.geometry')}</dt><dd>${item.geometry_type ?? '–'}</dd>
        <dt>${t('imports.encoding')}</dt><dd>${encoding.charset ?? '–'} <span class="muted">${local(encoding, 'reason')}</span></dd>
        <dt>${t('imports.crs')}</dt><dd>${crs.epsg ? `EPSG:${crs.epsg}` : '–'} ${crs.name ?? ''} <span class="muted">${local(crs, 'how')}</span></dd>
        <dt>${t('imports.layer')}</dt><dd data-report="layer">${local(item, 'title') || '–'} <code>${item.layer ?? ''}</code></dd>
        ${item.extent ? html`<dt>${t('imports.extent')}</dt><dd>${item.extent.map((v) => Number(v).toFixed(4)).join(', ')}</dd>` : ''}
      </dl>
      <details><summary>${t('imports.fields', { count: (item.fields ?? []).length })}</summary>
        <ul class="field-list">${(item.fields ?? []).map((f) => html`<li><code>${f.name}</code> <span class="muted">${f.type}</span></li>`)}</ul>
      </details>
      <h4>${t('imports.problems', { count: problems.length })}</h4>
      ${problems.length ? html`<ul class="problems">${problems.map((p) => html`<li>
          ${p.feature != null ? html`<span class="muted">#${p.feature}</span> ` : ''}${local(p, 'message')}</li>`)}</ul>`
        : html`<p class="ok">${t('imports.noProblems')}</p>`}
    </article>`;
  }

  function renderReport() {
    if (error) {
      setHtml(reportBox, html`<p class="error" role="alert">${errorText(error)}</p>`);
      return;
    }
    if (!report) {
      setHtml(reportBox, '');
      return;
    }
    const items = report.shapefiles ?? [];
    setHtml(reportBox, html`<h3>${t('imports.report', { file: report.file_name })}</h3>
      ${items.map((item) => shapefile(item, items.length > 1))}
      <div class="button-row">
        <button type="button" class="primary" data-action="confirm">${t('imports.confirm')}</button>
        <button type="button" data-action="cancel">${t('imports.cancel')}</button>
      </div>`);
    const first = reportBox.querySelector('input[name="member"]');
    if (first) {
      first.checked = true;
    }
  }

  function renderJob() {
    if (!job) {
      setHtml(jobBox, '');
      delete jobBox.dataset.job;
      return;
    }
    jobBox.dataset.job = job.id;
    // while writing, the rate so far; once ended, the whole import's, which the service's log states too
    const rateKey = job.state === 'SUCCEEDED' ? 'imports.rateOverall' : 'imports.rate';
    const rate = job.features_per_second ? t(rateKey, { rate: formatNumber(job.features_per_second, 0) }) : '';
    // after the last feature the indexes can take as long again: a moving bar, not one stuck at 99 %
    const measured = job.state !== 'RUNNING' || !job.phase || job.phase === 'WRITING';
    const bar = measured
      ? html`<progress max="100" value="${job.percent ?? 0}" aria-label="${t('imports.progress')}"></progress>`
      : html`<progress aria-label="${t('imports.progress')}"></progress>`;
    const phase = job.phase ? html` · <span class="job-phase" data-phase="${job.phase}">${term('imports.phase', job.phase)}</span>` : '';
    // another import of this replica runs first: say where this one stands and what it waits for
    const queue = job.queue ? html` · <span class="job-queue" data-place="${job.queue.place}">${t('imports.queue',
      { place: job.queue.place, job: job.queue.waiting_for.slice(0, 8) })}</span>` : '';
    setHtml(jobBox, html`<h3>${t('imports.job', { file: job.file_name ?? job.id })}</h3>
      ${bar}
      <p class="job-state" data-state="${job.state}">${term('imports.state', job.state)}${queue}${phase} · ${job.percent ?? 0}%
        · ${t('imports.done', { done: formatNumber(job.features_done, 0), total: formatNumber(job.features_total, 0) })} ${rate}</p>
      ${job.state === 'SUCCEEDED' ? html`<p class="ok">${t('imports.succeeded', { layer: job.layer })}</p>` : ''}
      ${job.state === 'FAILED' ? html`<p class="error" role="alert">${local(job.error, 'message') || t('error.network')}</p>` : ''}`);
  }

  function watch(id) {
    localStorage.setItem(JOB_KEY, id);
    onJob(id);
    clearTimeout(timer);
    poll(id);
  }

  async function poll(id) {
    try {
      job = await getJson(`api/imports/${encodeURIComponent(id)}`);
      error = null;
    } catch (e) {
      error = e;
      renderReport();
      if (e.status === 404) {
        // a job the service does not know (any more): stop watching it
        job = null;
        localStorage.removeItem(JOB_KEY);
        onJob(null);
        renderJob();
      } else {
        // the service or the network is down for a moment: the job goes on, keep asking
        timer = setTimeout(() => poll(id), RETRY_MS);
      }
      return;
    }
    renderJob();
    if (job.state === 'QUEUED' || job.state === 'RUNNING') {
      timer = setTimeout(() => poll(id), POLL_MS);
      return;
    }
    // ended: a reload shows nothing more to watch
    localStorage.removeItem(JOB_KEY);
    onJob(null);
    if (job.state === 'SUCCEEDED') {
      onImported(job.layer);
    }
  }

  signInForm.addEventListener('submit', async (event) => {
    event.preventDefault();
    error = null;
    try {
      await signIn(signInForm.elements.name.value.trim(), signInForm.elements.password.value);
      signInForm.reset();
    } catch (e) {
      error = e;
    }
    renderSignIn();
    renderReport();
  });
  signedIn.addEventListener('click', async (event) => {
    if (event.target.closest('[data-action="signout"]')) {
      await signOut().catch(() => null);
      renderSignIn();
    }
  });
  // a reload keeps the session: show who is signed in
  refreshSignIn().then(renderSignIn, () => null);
  form.elements.file.addEventListener('change', suggestNames);
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    report = null;
    error = null;
    setHtml(reportBox, html`<p role="status">${t('imports.checking')}</p>`);
    try {
      report = await upload(true);
    } catch (e) {
      fail(e);
    }
    renderReport();
  });
  reportBox.addEventListener('click', async (event) => {
    const button = event.target.closest('[data-action]');
    if (button?.dataset.action === 'cancel') {
      report = null;
      renderReport();
    } else if (button?.dataset.action === 'confirm') {
      const member = reportBox.querySelector('input[name="member"]:checked')?.value;
      button.disabled = true;
      try {
        const started = await upload(false, member);
        report = null;
        job = started;
        renderJob();
        watch(started.id);
      } catch (e) {
        fail(e);
      }
      renderReport();
    }
  });
  onLangChange(() => {
    renderReport();
    renderJob();
  });

  renderSignIn();
  const resume = initialJob ?? localStorage.getItem(JOB_KEY);
  if (resume) {
    watch(resume);
  }
  return {
    /** true when there is a job to show, so the page can open this panel. */
    hasJob: () => Boolean(resume),
  };
}
