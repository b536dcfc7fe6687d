// An import's upload and its background job, shared by the catalogue page and the order-history import:
// the file is sent with a fresh Idempotency-Key, a refused file's rows are listed (row number, column,
// message), an accepted one becomes a job whose progress bar polls it until it is done or failed. The
// caller's recent jobs are read when the page is drawn, so a reload finds a running import and follows it.
import { html, nothing, render } from 'lit';
import { asProblem, idempotencyKey, type Problem } from '../api.js';
import type { operations } from '../api-types.js';
import { currentLanguage, dateTime, label, t } from '../strings.js';
import { clearProblem, pollPage, problemSlot, showProblem, statusView } from '../ui.js';

export type ImportJob = operations['getCatalogueImport']['responses'][200]['content']['application/json'];

export interface ImportSource {
  /** Sends the file; answers the job or the problem. */
  post: (file: File, fields: FormData, headers: Record<string, string>) => Promise<Answer>;
  /** The caller's recent jobs, newest first. */
  list: () => Promise<ImportJob[]>;
  get: (jobId: string) => Promise<ImportJob | undefined>;
  /** Queues a stopped job's next part again. */
  resume: (jobId: string) => Promise<Answer>;
}

interface Answer {
  data?: ImportJob;
  error?: unknown;
  response: Response;
}

/** An import error: the problem's field is the CSV column, `line` the 1-based file line. */
type RowProblem = NonNullable<Problem['errors']>[number] & { line?: number };

const rowProblems = (errors: RowProblem[]) =>
  html`<div class="overflow-auto"><table class="striped" data-import-errors>
    <thead><tr><th scope="col">${t('rowNumber')}</th><th scope="col">${t('column')}</th><th scope="col">${t('problem')}</th></tr></thead>
    <tbody>${errors.map((e) => html`<tr data-line=${e.line ?? ''}><td>${e.line ?? '—'}</td><td>${e.path || '—'}</td><td>${e.message}</td></tr>`)}</tbody>
  </table></div>`;

const active = (job: ImportJob) => job.status === 'queued' || job.status === 'running';

/**
 * A part is applied in seconds and the next is queued as it is counted: an unfinished job unchanged for
 * this long was stopped by an outage (its part's event retried out), and may be resumed. The API refuses a
 * resume while a part is being applied, so offering it early costs nothing but a refusal.
 */
const STALLED_MS = 2 * 60 * 1000;
const stalled = (job: ImportJob) => active(job) && Date.now() - Date.parse(job.updatedAt) > STALLED_MS;

const count = (n: number) => new Intl.NumberFormat(currentLanguage() === 'en' ? 'en-GB' : 'tr-TR').format(n);

const countWords = { imported: 'importCounted', alreadyCounted: 'importAlready' } as const;

const jobView = (job: ImportJob, resume: (job: ImportJob, button: HTMLButtonElement) => void) =>
  html`<li data-import-job=${job.jobId}>
    <p><strong>${label('importSubject', job.subject)}</strong> · ${statusView('importStatus', job.status)} ·
      ${t('importStartedAt')} ${dateTime(job.createdAt)}</p>
    <progress max=${Math.max(job.rows, 1)} value=${job.status === 'done' ? Math.max(job.rows, 1) : job.rowsDone}
      aria-label=${`${t('importProgress')}: ${label('importSubject', job.subject)}`}></progress>
    <p><span data-rows-done=${job.rowsDone}>${count(job.rowsDone)}</span> /
      <span data-rows=${job.rows}>${count(job.rows)}</span> ${t('importRows')} (%${job.percent})${Object.entries(
        job.counts,
      )
        .filter(([name]) => name in countWords)
        .map(
          ([name, n]) =>
            html` · ${t(countWords[name as keyof typeof countWords])}: <span data-counted=${name}>${count(n)}</span>`,
        )}</p>
    ${job.failure ? html`<p class="problem" data-failure>${t('importReason')}: ${job.failure[currentLanguage()]}</p>` : nothing}
    ${
      stalled(job)
        ? html`<form data-resume-import @submit=${(event: SubmitEvent) => {
            event.preventDefault();
            resume(job, (event.target as HTMLFormElement).querySelector('button')!);
          }}>${problemSlot()}<p>${t('importStalled')}</p><button type="submit">${t('importResume')}</button></form>`
        : nothing
    }
  </li>`;

/**
 * The upload form's submit handler, and the caller's jobs drawn into the slot `slotOf()` finds once the
 * page is shown; running jobs are followed. The handler holds a submit back until the jobs are read.
 */
export const importJobs = (source: ImportSource, slotOf: () => HTMLElement) => {
  let jobs: ImportJob[] = [];
  let refused: RowProblem[] | undefined;
  let accepted = false;
  const draw = () =>
    render(
      html`${refused ? rowProblems(refused) : nothing}
        ${accepted ? html`<p role="status" data-import-accepted>${t('importQueuedHint')}</p>` : nothing}
        <h2>${t('importsRecent')}</h2>
        ${jobs.length ? html`<ul data-import-jobs>${jobs.map((job) => jobView(job, resume))}</ul>` : html`<p>${t('nothing')}</p>`}`,
      slotOf(),
    );
  const follow = () =>
    pollPage(async (current) => {
      jobs = await Promise.all(jobs.map(async (job) => (active(job) ? ((await source.get(job.jobId)) ?? job) : job)));
      if (current()) draw();
      return jobs.some(active);
    }, 1000);
  const resume = async (job: ImportJob, button: HTMLButtonElement) => {
    const form = button.form!;
    clearProblem(form);
    button.setAttribute('aria-busy', 'true');
    const answer = await source.resume(job.jobId).finally(() => button.removeAttribute('aria-busy'));
    if (!answer.data) {
      showProblem(form, asProblem(answer.error, answer.response.status));
      return;
    }
    const resumed = answer.data;
    jobs = jobs.map((j) => (j.jobId === resumed.jobId ? resumed : j));
    draw();
    await follow();
  };
  const read = async () => {
    jobs = await source.list();
    draw();
    if (jobs.some(active)) void follow();
  };

  const submit = async (event: SubmitEvent) => {
    event.preventDefault();
    await listed;
    const form = event.target as HTMLFormElement;
    clearProblem(form);
    refused = undefined;
    accepted = false;
    draw();
    const fields = new FormData(form);
    const file = fields.get('file');
    if (!(file instanceof File) || file.size === 0) return;
    form.setAttribute('aria-busy', 'true');
    const answer = await source.post(file, fields, idempotencyKey()).finally(() => form.removeAttribute('aria-busy'));
    if (!answer.data) {
      const problem = asProblem(answer.error, answer.response.status);
      // Row problems name CSV columns, not this form's inputs: they go in their own table.
      showProblem(form, { ...problem, errors: [] });
      if (problem.code === 'import-failed') refused = problem.errors ?? [];
      draw();
      return;
    }
    const job = answer.data;
    accepted = true;
    jobs = [job, ...jobs.filter((j) => j.jobId !== job.jobId)];
    draw();
    await follow();
  };
  // Read after the page that holds the slot is shown (the caller shows it right after this returns).
  const listed = Promise.resolve().then(read);
  return submit;
};
