// Letter runs: a new run for a segment (letters from a Turkish and English template, or address
// labels on a sheet layout), started once per form (an Idempotency-Key), and a run's page, which
// follows the run as its segment is counted and its parts print in the background (never anyone
// twice, so a stopped run resumes where it was), shows the progress and offers each part's PDF.
import { html, nothing, render } from 'lit';
import { api, asProblem, idempotencyKey } from '../api.js';
import type { operations } from '../api-types.js';
import { label, t } from '../strings.js';
import { clearProblem, formValues, problemSlot, problemView, show, showProblem, statusView } from '../ui.js';
import { pickerOptions, segmentSelect } from './marketing.js';

type Run = operations['getRun']['responses'][200]['content']['application/json'];
type NewRun = NonNullable<operations['createRun']['requestBody']>['content']['application/json'];

const layouts = ['3x8', '3x7'] as const;

export const newLetterRunPage = async () => {
  const client = await api();
  const options = await pickerOptions(client, false);
  if (options.problem) return show(html`<h1>${t('newLetterRun')}</h1>${problemView(options.problem)}`);
  let kind: Run['kind'] = 'letters';
  // one key for the form: a submit retried after a lost answer makes no second run
  const key = idempotencyKey();
  const submit = async (event: SubmitEvent) => {
    event.preventDefault();
    const form = event.target as HTMLFormElement;
    clearProblem(form);
    const v = formValues(form);
    const version = (language: 'tr' | 'en') => ({
      ...(v[`template.${language}.subject`] ? { subject: v[`template.${language}.subject`] } : {}),
      body: v[`template.${language}.body`] ?? '',
    });
    const body: NewRun = {
      kind,
      segmentId: v.segmentId ?? '',
      purpose: v.purpose === 'transactional' ? 'transactional' : 'commercial',
      ...(v.topic ? { topic: v.topic } : {}),
      ...(kind === 'letters'
        ? { template: { tr: version('tr'), en: version('en') } }
        : { layout: v.layout === '3x7' ? '3x7' : '3x8' }),
    };
    const { data, error, response } = await client.POST('/letter-runs', { body, headers: key });
    if (!data) return showProblem(form, asProblem(error, response.status));
    location.hash = `#/letter-runs/${data.runId}?print=1`;
  };
  const draw = () =>
    show(html`<h1>${t('newLetterRun')}</h1>
      <form data-new-letter-run @submit=${submit}>
        ${problemSlot()}
        ${segmentSelect(options.segments)}
        <fieldset>
          <legend>${t('kind')}</legend>
          ${(['letters', 'labels'] as const).map(
            (k) => html`<label><input type="radio" name="kind" value=${k} .checked=${kind === k}
              @change=${() => {
                kind = k;
                draw();
              }} />${label('letterKind', k)}</label>`,
          )}
        </fieldset>
        <label>${t('purpose')}
          <select name="purpose">
            ${(['commercial', 'transactional'] as const).map((p) => html`<option value=${p}>${label('purpose', p)}</option>`)}
          </select></label>
        <label>${t('consentTopic')} <input name="topic" maxlength="50" /></label>
        ${
          kind === 'letters'
            ? html`<p><small>${t('mergeFieldsHint')}</small></p>
              <label>${t('letterSubjectTr')} <input name="template.tr.subject" maxlength="200" /></label>
              <label>${t('letterBodyTr')} <textarea name="template.tr.body" rows="5" required></textarea></label>
              <label>${t('letterSubjectEn')} <input name="template.en.subject" maxlength="200" /></label>
              <label>${t('letterBodyEn')} <textarea name="template.en.body" rows="5" required></textarea></label>`
            : html`<label>${t('labelLayout')}
              <select name="layout">${layouts.map((l) => html`<option value=${l}>${label('labelLayout', l)}</option>`)}</select></label>`
        }
        <button type="submit">${t('startRun')}</button>
      </form>`);
  draw();
};

/** Saves a part's PDF as fetched with the bearer (a bare link would carry no sign-in). */
const download = (runId: string, part: number) => async (event: Event) => {
  const button = event.target as HTMLButtonElement;
  const client = await api();
  const { data, error, response } = await client.GET('/letter-runs/{runId}/parts/{part}', {
    params: { path: { runId, part: String(part) } },
    headers: { accept: 'application/pdf' },
    parseAs: 'blob',
  });
  const note = button.nextElementSibling as HTMLElement;
  if (!data) {
    note.textContent = asProblem(error, response.status).detail ?? String(response.status);
    return;
  }
  const link = document.createElement('a');
  link.href = URL.createObjectURL(data as Blob);
  link.download = `letter-run-${runId}-${part}.pdf`;
  link.click();
  URL.revokeObjectURL(link.href);
};

const runView = (run: Run, printing: boolean, print: () => void) => {
  const skipped = Object.entries(run.skipped);
  return html`<p>${t('status')}: ${statusView('letterRunStatus', run.status)} · ${label('letterKind', run.kind)} ·
      ${label('purpose', run.purpose)}${run.layout ? html` · ${label('labelLayout', String(run.layout))}` : nothing}</p>
    <div role="status" aria-live="polite">
      ${run.status === 'counting' ? html`<p data-counting>${t('countingRecipients')}</p>` : nothing}
      <dl class="grid">
        <div><dt>${t('recipientsCounted')}</dt><dd data-count="recipients">${
          run.status === 'counting' ? '…' : run.recipients
        }</dd></div>
        <div><dt>${t('partsPrinted')}</dt><dd data-count="parts">${run.parts}</dd></div>
        <div><dt>${t('printed')}</dt><dd data-count="printed">${run.printed}</dd></div>
        <div><dt>${t('skippedBy')}</dt><dd data-count="skipped">${
          skipped.length ? skipped.map(([why, n]) => `${label('leftOut', why)} ${n}`).join(', ') : '0'
        }</dd></div>
      </dl>
      ${
        printing
          ? run.status === 'printing' && run.progress.recipients
            ? html`<progress aria-label=${t('progress')} value=${run.progress.lettersDone}
                max=${run.progress.recipients}></progress>`
            : html`<progress aria-label=${t('progress')}></progress>`
          : nothing
      }
    </div>
    ${
      run.status === 'printing'
        ? html`<form data-print @submit=${(event: SubmitEvent) => {
            event.preventDefault();
            print();
          }}>${problemSlot()}<button type="submit" ?disabled=${printing} aria-busy=${printing ? 'true' : 'false'}>${t('printParts')}</button></form>`
        : nothing
    }
    <h2>${t('downloads')}</h2>
    ${
      run.parts === 0
        ? html`<p>${t('nothing')}</p>`
        : html`<ul data-parts>${Array.from(
            { length: run.parts },
            (_, i) =>
              html`<li><button type="button" class="secondary outline" data-part=${i + 1} @click=${download(run.runId, i + 1)}>${t('part')} ${i + 1} (PDF)</button> <small role="alert"></small></li>`,
          )}</ul>`
    }`;
};

export const letterRunPage = async ({ runId }: Record<string, string>, query: URLSearchParams) => {
  const client = await api();
  const path = { params: { path: { runId: runId! } } };
  const { data, error, response } = await client.GET('/letter-runs/{runId}', path);
  if (!data) return show(html`<h1>${t('letterRun')}</h1>${problemView(asProblem(error, response.status))}`);
  let run = data;
  let printing = false;
  const here = location.hash;
  const draw = () =>
    render(
      html`<h1>${t('letterRun')}</h1><div data-letter-run=${run.runId}>${runView(run, printing, print)}</div>`,
      document.getElementById('main')!,
    );
  // The run is counted, then its parts print, in the background: the page reads the run every two
  // seconds until it is done or has stopped (counted, yet no printer at it and no part counted for 20
  // seconds); leaving the page stops reading. The button resumes a stopped run.
  const follow = async () => {
    printing = true;
    draw();
    let idle = 0;
    while (location.hash === here && idle < 10) {
      await new Promise((resolve) => setTimeout(resolve, 2000));
      const next = await client.GET('/letter-runs/{runId}', path);
      if (!next.data) break;
      const moving = next.data.status === 'counting' || next.data.printing || next.data.parts > run.parts;
      idle = moving || next.data.status !== run.status ? 0 : idle + 1;
      run = next.data;
      draw();
      if (run.status === 'done') break;
    }
    printing = false;
    draw();
  };
  const print = async () => {
    const resumed = await client.POST('/letter-runs/{runId}/parts', path);
    if (!resumed.data) {
      const form = document.querySelector<HTMLFormElement>('form[data-print]');
      if (form) showProblem(form, asProblem(resumed.error, resumed.response.status));
      return;
    }
    run = resumed.data;
    await follow();
  };
  draw();
  if (query.get('print') === '1' && run.status !== 'done') void follow();
};
