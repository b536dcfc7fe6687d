// The marketer's day: the start page (campaigns sending or scheduled with their send progress, the
// newest letter runs and call lists, whoever started them) and a text campaign's preview (each language's length,
// encoding and cost, the segment's recipients and the campaign's estimated cost, as the API answers).
import { html, nothing, render } from 'lit';
import { api, asProblem } from '../api.js';
import type { operations } from '../api-types.js';
import { label, money, t } from '../strings.js';
import { clearProblem, problemSlot, problemView, show, showProblem, statusView } from '../ui.js';
import { offerOf } from './campaigns.js';

type SmsPreview = operations['previewSmsCampaign']['responses'][200]['content']['application/json'];
type Client = Awaited<ReturnType<typeof api>>;

/** The first page of segments and of templates a marketer picks from (a marketing team keeps tens). */
export const pickerOptions = async (client: Client, templates: boolean) => {
  const [segments, parts] = await Promise.all([
    client.GET('/segments', { params: { query: { limit: 100 } } }),
    templates ? client.GET('/templates', { params: { query: { limit: 100 } } }) : undefined,
  ]);
  const failed = !segments.data ? segments : parts && !parts.data ? parts : undefined;
  return {
    segments: segments.data?.items ?? [],
    templates: parts?.data?.items ?? [],
    problem: failed ? asProblem(failed.error, failed.response.status) : undefined,
  };
};

export const segmentSelect = (segments: { segmentId: string; name: string }[]) =>
  html`<label>${t('audience')}
    <select name="segmentId" required>
      ${segments.map((s) => html`<option value=${s.segmentId}>${s.name}</option>`)}
    </select></label>`;

const campaignsInProgress = async (client: Client, target: HTMLElement) => {
  const { data, error, response } = await client.GET('/campaigns', { params: { query: { limit: 50 } } });
  if (!data) return render(problemView(asProblem(error, response.status)), target);
  const going = data.items.filter((c) => c.status === 'sending' || c.status === 'scheduled');
  const runs = await Promise.all(
    going.map((c) =>
      client.GET('/campaigns/{campaignId}/progress', { params: { path: { campaignId: c.campaignId } } }),
    ),
  );
  render(
    going.length === 0
      ? html`<p>${t('noCampaignsInProgress')}</p>`
      : html`<ul data-campaigns-in-progress>${going.map((c, i) => {
          const run = runs[i]?.data?.run;
          const done = run ? run.sent + run.failed + run.skipped : 0;
          return html`<li data-campaign=${c.campaignId}><a href="#/campaigns/${c.campaignId}">${c.name}</a>
            · ${statusView('campaignStatus', c.status)}
            ${
              run
                ? html`<progress aria-label="${t('progress')}: ${c.name}" max=${Math.max(run.recipients, 1)} value=${done}></progress>
                  <small>${t('sent')} ${run.sent} / ${t('recipients')} ${run.recipients}</small>`
                : html`<small>${t('notStarted')}</small>`
            }</li>`;
        })}</ul>`,
    target,
  );
};

/** The newest few of a list the API keeps (a marketing team starts a few runs and lists a week). */
const RECENT = 10;

const letterRunsRecent = async (client: Client, target: HTMLElement) => {
  const { data, error, response } = await client.GET('/letter-runs', { params: { query: { limit: RECENT } } });
  if (!data) return render(problemView(asProblem(error, response.status)), target);
  render(
    data.items.length === 0
      ? html`<p>${t('nothing')}</p>`
      : html`<ul>${data.items.map(
          (
            run,
          ) => html`<li data-letter-run=${run.runId}><a href="#/letter-runs/${run.runId}">${label('letterKind', run.kind)}
            · ${label('purpose', run.purpose)}</a> · ${statusView('letterRunStatus', run.status)}
            · ${t('printed')} ${run.printed} · ${t('partsPrinted')} ${run.parts}</li>`,
        )}</ul>`,
    target,
  );
};

const callListsRecent = async (client: Client, target: HTMLElement) => {
  const { data, error, response } = await client.GET('/call-lists', { params: { query: { limit: RECENT } } });
  if (!data) return render(problemView(asProblem(error, response.status)), target);
  render(
    data.items.length === 0
      ? html`<p>${t('nothing')}</p>`
      : html`<ul>${data.items.map(
          (list) => html`<li data-call-list=${list.listId}><a href="#/call-lists/${list.listId}">${list.name}</a>
            · ${statusView('callListStatus', list.status)} · ${t('called')} ${list.total - list.remaining} / ${list.total}</li>`,
        )}</ul>`,
    target,
  );
};

export const marketingPage = async () => {
  show(html`<h1>${t('marketingDay')}</h1>
    <p><a href="#/campaigns/new" role="button">${t('newCampaign')}</a>
      <a href="#/marketing/sms-preview" role="button" class="secondary">${t('smsPreview')}</a>
      <a href="#/letter-runs/new" role="button" class="secondary">${t('newLetterRun')}</a>
      <a href="#/call-lists/new" role="button" class="secondary">${t('newCallList')}</a>
      <a href="#/segments" role="button" class="secondary outline">${t('segmentsTitle')}</a>
      <a href="#/templates" role="button" class="secondary outline">${t('templatesTitle')}</a></p>
    <section aria-labelledby="going-heading"><h2 id="going-heading">${t('campaignsInProgress')}</h2>
      <div id="going" aria-busy="true"></div></section>
    <section aria-labelledby="runs-heading"><h2 id="runs-heading">${t('letterRuns')}</h2>
      <div id="runs" aria-busy="true"></div></section>
    <section aria-labelledby="lists-heading"><h2 id="lists-heading">${t('callLists')}</h2>
      <div id="lists" aria-busy="true"></div></section>`);
  const client = await api();
  const parts: [string, (client: Client, target: HTMLElement) => Promise<unknown>][] = [
    ['going', campaignsInProgress],
    ['runs', letterRunsRecent],
    ['lists', callListsRecent],
  ];
  await Promise.all(
    parts.map(async ([id, draw]) => {
      const target = document.getElementById(id)!;
      await draw(client, target).finally(() => target.removeAttribute('aria-busy'));
    }),
  );
};

const estimateView = (preview: SmsPreview) => html`
  <h2>${t('preview')}</h2>
  <div class="overflow-auto"><table class="striped" data-sms-versions>
    <thead><tr><th scope="col">${t('campaignLanguage')}</th><th scope="col">${t('encoding')}</th>
      <th scope="col">${t('characters')}</th><th scope="col">${t('smsSegments')}</th><th scope="col">${t('costPerText')}</th></tr></thead>
    <tbody>${(['tr', 'en'] as const).map((language) => {
      const version = preview.versions[language];
      return html`<tr data-version=${language}><th scope="row">${label('language', language)}</th>
        <td data-encoding=${version.encoding}>${label('smsEncoding', version.encoding)}</td>
        <td data-characters>${version.characters}</td><td data-segments>${version.segments}</td>
        <td data-cost>${money(version.costMinor, preview.currency)}</td></tr>`;
    })}</tbody>
  </table></div>
  ${(['tr', 'en'] as const).map(
    (language) =>
      html`<details><summary>${t('textPart')} · ${label('language', language)}</summary><pre>${preview.versions[language].text}</pre></details>`,
  )}
  <dl class="grid" data-sms-estimate>
    <div><dt>${t('segmentRecipients')}</dt><dd data-recipients>${preview.complete ? '' : `${t('atLeast')} `}${preview.recipients}</dd></div>
    <div><dt>${t('costPerRecipient')}</dt><dd data-cost-per-recipient>${money(preview.costPerRecipientMinor, preview.currency)}</dd></div>
    <div><dt>${t('campaignCost')}</dt><dd data-campaign-cost>${money(preview.campaignCostMinor, preview.currency)}</dd></div>
    <div><dt>${t('maxSegments')}</dt><dd data-max-segments>${preview.maxSegments}</dd></div>
  </dl>`;

export const smsPreviewPage = async () => {
  const client = await api();
  const options = await pickerOptions(client, true);
  if (options.problem) return show(html`<h1>${t('smsPreview')}</h1>${problemView(options.problem)}`);
  const submit = async (event: SubmitEvent) => {
    event.preventDefault();
    const form = event.target as HTMLFormElement;
    const values = new FormData(form);
    const target = document.getElementById('sms-estimate')!;
    clearProblem(form);
    target.setAttribute('aria-busy', 'true');
    const { data, error, response } = await client
      .POST('/campaigns/sms-preview', {
        body: {
          segmentId: String(values.get('segmentId')),
          templateId: String(values.get('templateId')),
          offer: offerOf(String(values.get('offer') ?? '')),
        },
      })
      .finally(() => target.removeAttribute('aria-busy'));
    if (!data) {
      render(nothing, target);
      return showProblem(form, asProblem(error, response.status));
    }
    render(estimateView(data), target);
  };
  show(html`<h1>${t('smsPreview')}</h1>
    <form data-sms-preview @submit=${submit}>
      ${problemSlot()}
      ${segmentSelect(options.segments)}
      <label>${t('template')}
        <select name="templateId" required>
          ${options.templates.map((tp) => html`<option value=${tp.templateId}>${tp.name}</option>`)}
        </select></label>
      <label>${t('offer')} <textarea name="offer" rows="3"></textarea></label>
      <button type="submit">${t('previewSms')}</button>
    </form>
    <section id="sms-estimate" aria-live="polite"></section>`);
};
