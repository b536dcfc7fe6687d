// Campaigns: the list, the new-campaign form (a segment with its count, a template with its mail
// rendered for one of the segment's customers, once or on a cron; both pickers page on with the
// API's cursors, so any of a firm's many segments and templates can be picked) and a campaign's page, whose send
// progress is polled while it sends, with cancel and, once sent, the report's funnel.
import { html, nothing, render } from 'lit';
import { until } from 'lit/directives/until.js';
import { api, asProblem, type Problem } from '../api.js';
import type { operations } from '../api-types.js';
import { currentLanguage, dateTime, label, noteText, t, transition } from '../strings.js';
import {
  clearProblem,
  formValues,
  onFields,
  pagedTable,
  pollPage,
  problemSlot,
  problemView,
  show,
  showProblem,
  statusView,
  stopPagePolling,
} from '../ui.js';
import { reputationGateView } from './reputation-gate.js';

type Campaign = operations['getCampaign']['responses'][200]['content']['application/json'];
type Progress = operations['campaignProgress']['responses'][200]['content']['application/json'];
type Language = 'tr' | 'en';
/** What the API keeps of a campaign beyond the fields its schema names. */
interface CampaignExtras {
  schedule?: { at: string } | { cron: string };
  nextRunAt?: string;
  runCount?: number;
}

const extras = (campaign: object) => campaign as CampaignExtras;
const scheduleText = (campaign: object) => {
  const { schedule } = extras(campaign);
  if (!schedule) return '';
  return 'at' in schedule ? dateTime(schedule.at) : `cron ${schedule.cron}`;
};

/** Sent, failed and skipped: the recipients the run is done with. */
const settled = (run: NonNullable<Progress['run']>) => run.sent + run.failed + run.skipped;

export const campaignsPage = async () => {
  show(html`<h1>${t('campaigns')}</h1>
    <p><a href="#/campaigns/new" role="button">${t('newCampaign')}</a>
      <a href="#/segments" role="button" class="secondary outline">${t('segmentsTitle')}</a>
      <a href="#/templates" role="button" class="secondary outline">${t('templatesTitle')}</a></p>
    <section id="reputation-gate"></section>
    <section id="list"></section>`);
  void reputationGateView(document.getElementById('reputation-gate')!);
  const client = await api();
  // A run's counts, asked once per row however often the table redraws.
  const counts = new Map<string, Promise<string>>();
  const countsOf = (campaignId: string) => {
    if (!counts.has(campaignId)) {
      counts.set(
        campaignId,
        client
          .GET('/campaigns/{campaignId}/progress', { params: { path: { campaignId } } })
          .then(({ data }) => (data?.run ? `${data.run.sent} / ${data.run.recipients}` : '—')),
      );
    }
    return counts.get(campaignId)!;
  };
  await pagedTable(
    document.getElementById('list')!,
    [t('name'), t('status'), t('schedule'), `${t('sent')} / ${t('recipients')}`, t('created')],
    (campaign) => html`<tr data-campaign=${campaign.campaignId}>
      <td><a href="#/campaigns/${campaign.campaignId}">${campaign.name}</a></td><td data-status=${campaign.status}>${label('campaignStatus', campaign.status)}</td>
      <td>${scheduleText(campaign)}</td><td>${until(countsOf(campaign.campaignId), '…')}</td><td>${dateTime(campaign.createdAt)}</td>
    </tr>`,
    async (cursor?: string) => {
      const { data, error, response } = await client.GET('/campaigns', { params: { query: { cursor, limit: 20 } } });
      return data ? { items: data.items, nextCursor: data.next } : asProblem(error, response.status);
    },
  );
};

/** `key=value` lines as the campaign's offer variables. */
export const offerOf = (text = '') =>
  Object.fromEntries(
    text
      .split('\n')
      .map((line) => line.split('='))
      .filter(([key]) => key?.trim())
      .map(([key, ...value]) => [key!.trim(), value.join('=').trim()]),
  );

/** A variable a template part lacks belongs to the template's field, an offer key to the offer box. */
const onForm = (problem: Problem): Problem =>
  onFields(problem, (path) => (path.startsWith('parts.') ? 'templateId' : path.startsWith('offer') ? 'offer' : path));

/** A minute-rounded instant two minutes ahead, as a datetime-local value in Istanbul time (UTC+3 all year). */
const soonInIstanbul = () =>
  new Date(Math.ceil((Date.now() + 2 * 60_000) / 60_000) * 60_000 + 3 * 3600_000).toISOString().slice(0, 16);

/** A picker's options so far, newest first, and how to load the next page of them. */
const pickerList = <T>(
  load: (cursor?: string) => Promise<{ data?: { items: T[]; next?: string }; error?: unknown; response: Response }>,
) => {
  const list = {
    items: [] as T[],
    next: undefined as string | undefined,
    problem: undefined as Problem | undefined,
    more: async () => {
      const { data, error, response } = await load(list.next);
      list.problem = data ? undefined : asProblem(error, response.status);
      if (data) {
        list.items.push(...data.items);
        list.next = data.next;
      }
    },
  };
  return list;
};

/** Options per page of a picker: a firm with more loads on. */
const PICKER_PAGE = 50;

export const newCampaignPage = async () => {
  const client = await api();
  const segments = pickerList((cursor) =>
    client.GET('/segments', { params: { query: { limit: PICKER_PAGE, cursor } } }),
  );
  const templates = pickerList((cursor) =>
    client.GET('/templates', { params: { query: { limit: PICKER_PAGE, cursor } } }),
  );
  await Promise.all([segments.more(), templates.more()]);
  const failed = segments.problem ?? templates.problem;
  if (failed) return show(html`<h1>${t('newCampaign')}</h1>${problemView(failed)}`);
  const state = {
    segmentId: segments.items[0]?.segmentId ?? '',
    templateId: templates.items[0]?.templateId ?? '',
    language: currentLanguage() as Language,
    offer: '',
    repeat: false,
    /** The segment's first matching customer fills the preview's variables. */
    sampleCustomer: undefined as string | undefined,
    /** Created by an earlier submit whose scheduling was refused: the next submit edits it. */
    draft: undefined as Campaign | undefined,
  };
  const soon = soonInIstanbul();
  const form = () => document.querySelector<HTMLFormElement>('form[data-new-campaign]')!;

  const previewSegment = async () => {
    const target = document.getElementById('segment-count')!;
    if (!state.segmentId) return;
    target.setAttribute('aria-busy', 'true');
    const { data, error, response } = await client.GET('/segments/{segmentId}/preview', {
      params: { path: { segmentId: state.segmentId } },
    });
    target.removeAttribute('aria-busy');
    state.sampleCustomer = data?.sample[0]?.customerId;
    render(
      data
        ? html`${t('segmentCount')}: <strong data-segment-count>${data.complete ? '' : `${t('atLeast')} `}${data.count}</strong>`
        : html`${asProblem(error, response.status).detail}`,
      target,
    );
  };

  const previewTemplate = async () => {
    const target = document.getElementById('preview')!;
    if (!state.templateId) return;
    target.setAttribute('aria-busy', 'true');
    const { data, error, response } = await client.POST('/templates/{templateId}/preview', {
      params: { path: { templateId: state.templateId } },
      body: {
        language: state.language,
        offer: offerOf(state.offer),
        ...(state.sampleCustomer ? { customerId: state.sampleCustomer } : {}),
      },
    });
    target.removeAttribute('aria-busy');
    clearProblem(form());
    if (!data) {
      render(nothing, target);
      return showProblem(form(), onForm(asProblem(error, response.status)));
    }
    // The author's HTML in a sandbox of its own: an opaque origin that reaches nothing of the console's
    // (no storage, no parent, no navigation or popups). Scripts are allowed only so the page checker
    // can look inside; the console's CSP, which the frame inherits, blocks inline ones in AWS.
    render(
      html`<h2>${t('preview')}</h2><p><strong data-preview-subject>${data.subject}</strong></p>
        <iframe class="mail-preview" title=${t('previewFrame')} sandbox="allow-scripts" srcdoc=${data.html}></iframe>
        <details><summary>${t('textPart')}</summary><pre>${data.text}</pre></details>`,
      target,
    );
  };

  const chosen = (field: 'segmentId' | 'templateId' | 'language' | 'offer') => async (event: Event) => {
    (state as Record<typeof field, string>)[field] = (event.target as HTMLInputElement).value;
    if (field === 'segmentId') {
      draw(); // the topic follows the segment's consent
      await previewSegment();
    }
    await previewTemplate();
  };

  const submit = async (event: SubmitEvent) => {
    event.preventDefault();
    clearProblem(form());
    const values = formValues(form());
    const body = {
      name: values.name ?? '',
      segmentId: state.segmentId,
      templateId: state.templateId,
      topic: values.topic ?? '',
      language: state.language,
      schedule: state.repeat ? { cron: values['schedule.cron'] ?? '' } : { at: `${values['schedule.at']}:00+03:00` },
      offer: offerOf(state.offer),
    };
    const saved = state.draft
      ? await client.PATCH('/campaigns/{campaignId}', {
          params: { path: { campaignId: state.draft.campaignId } },
          body: { ...body, seq: state.draft.seq },
        })
      : await client.POST('/campaigns', { body });
    if (!saved.data) return showProblem(form(), onForm(asProblem(saved.error, saved.response.status)));
    state.draft = { ...saved.data, history: [] };
    const scheduled = await client.POST('/campaigns/{campaignId}/schedule', {
      params: { path: { campaignId: saved.data.campaignId } },
      body: { seq: saved.data.seq },
    });
    if (!scheduled.data) return showProblem(form(), onForm(asProblem(scheduled.error, scheduled.response.status)));
    location.hash = `#/campaigns/${saved.data.campaignId}`;
  };

  /** A picker's next page, then the form again with the choice kept; a refusal said beside the button. */
  const loading = new Set<unknown>();
  const loadMore = (list: typeof segments | typeof templates) => async () => {
    if (loading.has(list)) return;
    loading.add(list);
    draw();
    await list.more().finally(() => loading.delete(list));
    draw();
  };
  const moreButton = (list: typeof segments | typeof templates, label: 'moreSegments' | 'moreTemplates') =>
    html`${
      list.next
        ? html`<button type="button" class="secondary outline" aria-busy=${loading.has(list) ? 'true' : 'false'} ?disabled=${loading.has(list)} @click=${loadMore(list)}>${t(label)}</button>`
        : nothing
    }
    ${list.problem ? html`<small role="alert">${list.problem.detail ?? list.problem.title}</small>` : nothing}`;

  const draw = () =>
    show(html`<h1>${t('newCampaign')}</h1>
      <form @submit=${submit} data-new-campaign>
        ${problemSlot()}
        <label>${t('campaignName')} <input name="name" required maxlength="120" /></label>
        <label>${t('audience')}
          <select name="segmentId" required @change=${chosen('segmentId')}>
            ${segments.items.map((s) => html`<option value=${s.segmentId} ?selected=${s.segmentId === state.segmentId}>${s.name}</option>`)}
          </select>
        </label>
        ${moreButton(segments, 'moreSegments')}
        <p id="segment-count" role="status"></p>
        <label>${t('consentTopic')} <input name="topic" required maxlength="60"
          .value=${segments.items.find((s) => s.segmentId === state.segmentId)?.consent.topic ?? ''} /></label>
        <label>${t('template')}
          <select name="templateId" required @change=${chosen('templateId')}>
            ${templates.items.map((tp) => html`<option value=${tp.templateId} ?selected=${tp.templateId === state.templateId}>${tp.name}</option>`)}
          </select>
        </label>
        ${moreButton(templates, 'moreTemplates')}
        <label>${t('campaignLanguage')}
          <select name="language" @change=${chosen('language')}>
            ${(['tr', 'en'] as const).map((l) => html`<option value=${l} ?selected=${l === state.language}>${label('language', l)}</option>`)}
          </select>
        </label>
        <label>${t('offer')} <textarea name="offer" rows="3" .value=${state.offer} @change=${chosen('offer')}></textarea></label>
        <fieldset>
          <legend>${t('schedule')}</legend>
          ${([false, true] as const).map(
            (repeat) =>
              html`<label><input type="radio" name="repeat" .checked=${state.repeat === repeat} @change=${() => {
                state.repeat = repeat;
                draw();
              }} />${t(repeat ? 'recurring' : 'once')}</label>`,
          )}
          ${
            state.repeat
              ? html`<label>${t('cron')} <input name="schedule.cron" required placeholder="0 9 * * 1" /></label>`
              : html`<label>${t('sendAt')} <input name="schedule.at" type="datetime-local" required .value=${soon} /></label>`
          }
        </fieldset>
        <button type="submit">${t('createAndSchedule')}</button>
      </form>
      <section id="preview" aria-live="polite"></section>`);
  draw();
  await previewSegment();
  await previewTemplate();
};

/** Every few seconds while a run may be going; a scheduled campaign only when its run is this close. */
const POLL_MS = 3000;
const SOON_MS = 5 * 60_000;

const progressView = (progress: Progress) => {
  const { run } = progress;
  if (!run) return html`<p data-progress="none">${t('notStarted')}</p>`;
  const over = run.status === 'done' || run.status === 'cancelled';
  const max = Math.max(run.recipients, 1);
  const skippedBy = Object.entries(run.skippedBy)
    .map(([reason, n]) => `${label('skipReason', reason)} ${n}`)
    .join(', ');
  return html`<progress aria-label=${t('progress')} max=${max} value=${over ? max : settled(run)}></progress>
    <p data-progress=${run.status}><strong>${run.status === 'done' ? t('runDone') : run.status === 'cancelled' ? t('runCancelled') : `${t('runGoing')}: ${settled(run)} / ${run.recipients}`}</strong></p>
    <dl class="grid">
      <div><dt>${t('recipients')}</dt><dd data-count="recipients">${run.recipients}</dd></div>
      <div><dt>${t('sent')}</dt><dd data-count="sent">${run.sent}</dd></div>
      <div><dt>${t('failed')}</dt><dd data-count="failed">${run.failed}</dd></div>
      <div><dt>${t('skipped')}</dt><dd data-count="skipped">${run.skipped}${skippedBy ? ` (${skippedBy})` : ''}</dd></div>
      <div><dt>${t('remaining')}</dt><dd data-count="remaining">${run.remaining}</dd></div>
    </dl>`;
};

/** Whether a run may be going or about to start, so progress is worth asking again. */
const live = (campaign: Campaign, progress?: Progress) =>
  campaign.status === 'sending' ||
  progress?.run?.status === 'materialising' ||
  progress?.run?.status === 'sending' ||
  (campaign.status === 'scheduled' && Date.parse(extras(campaign).nextRunAt ?? '') - Date.now() < SOON_MS);

export const campaignPage = async ({ campaignId }: Record<string, string>) => {
  stopPagePolling();
  const client = await api();
  const path = { params: { path: { campaignId: campaignId! } } };
  const { data, error, response } = await client.GET('/campaigns/{campaignId}', path);
  if (!data) return show(html`<h1>${t('campaigns')}</h1>${problemView(asProblem(error, response.status))}`);
  const campaign = data;

  const act = async (event: SubmitEvent, action: 'cancel' | 'schedule') => {
    event.preventDefault();
    const form = event.target as HTMLFormElement;
    clearProblem(form);
    const body = { seq: campaign.seq };
    const answer =
      action === 'cancel'
        ? await client.POST('/campaigns/{campaignId}/cancel', { ...path, body })
        : await client.POST('/campaigns/{campaignId}/schedule', { ...path, body });
    if (!answer.data) return showProblem(form, asProblem(answer.error, answer.response.status));
    await campaignPage({ campaignId: campaignId! });
  };
  const actionForm = (action: 'cancel' | 'schedule') =>
    html`<form data-action=${action} @submit=${(event: SubmitEvent) => act(event, action)}>
      ${problemSlot()}
      <button type="submit" class=${action === 'cancel' ? 'secondary' : ''}>${t(action === 'cancel' ? 'cancelCampaign' : 'scheduleCampaign')}</button>
    </form>`;

  show(html`<h1>${campaign.name}</h1>
    <p>${t('status')}: ${statusView('campaignStatus', campaign.status)}</p>
    <dl>
      <dt>${t('schedule')}</dt><dd>${scheduleText(campaign)}</dd>
      ${extras(campaign).nextRunAt ? html`<dt>${t('nextRun')}</dt><dd>${dateTime(extras(campaign).nextRunAt!)}</dd>` : nothing}
      <dt>${t('consentTopic')}</dt><dd>${campaign.topic}</dd>
    </dl>
    <section aria-labelledby="progress-heading">
      <h2 id="progress-heading">${t('progress')}</h2>
      <div id="progress" role="status" aria-live="polite"></div>
    </section>
    ${campaign.status === 'draft' ? html`<section id="reputation-gate"></section>${actionForm('schedule')}` : nothing}
    ${['draft', 'scheduled', 'sending'].includes(campaign.status) ? actionForm('cancel') : nothing}
    <section id="report"></section>
    <h2>${t('timeline')}</h2>
    <ul data-history>${campaign.history.map((h) => html`<li>${h.at ? dateTime(String(h.at)) : ''} · ${transition('campaignStatus', h.from ? String(h.from) : undefined, String(h.to ?? ''))} ${h.note ? `· ${noteText(String(h.note))}` : ''}</li>`)}</ul>`);

  // A draft is scheduled only through the gate: its state and reason stand above the schedule button.
  const gateSlot = document.getElementById('reputation-gate');
  if (gateSlot) void reputationGateView(gateSlot);
  /** The funnel as counted so far; answers its `sent` (undefined when there is no report to show). */
  const drawReport = async () => {
    const report = await client.GET('/campaigns/{campaignId}/report', path);
    render(
      report.data
        ? html`<h2>${t('funnel')}</h2><div class="overflow-auto"><table class="striped" data-funnel>
            <tbody>${Object.entries(report.data.funnel).map(([stage, n]) => html`<tr><th scope="row">${label('funnel', stage)}</th><td data-stage=${stage}>${n}</td></tr>`)}</tbody>
          </table></div>
          <p>${Object.entries(report.data.rates)
            .map(
              ([rate, r]) =>
                `${label('rate', rate)} ${(r * 100).toLocaleString(currentLanguage(), { minimumFractionDigits: 1, maximumFractionDigits: 1 })} %`,
            )
            .join(' · ')}</p>`
        : problemView(asProblem(report.error, report.response.status)),
      document.getElementById('report')!,
    );
    return report.data?.funnel.sent;
  };
  let reported = campaign.status === 'sent' || (extras(campaign).runCount ?? 0) > 0 ? await drawReport() : undefined;

  // Polls while a run may be going; a change of status draws the whole page again (new seq, report).
  await pollPage(async (current) => {
    const progress = await client.GET('/campaigns/{campaignId}/progress', path);
    if (!current()) return false;
    if (progress.data) render(progressView(progress.data), document.getElementById('progress')!);
    if (progress.data && progress.data.status !== campaign.status) {
      void campaignPage({ campaignId: campaignId! });
      return false;
    }
    // The funnel is counted from SES's events, which follow the sends: read it again until it has counted
    // what the run sent.
    const sent = progress.data?.run?.sent ?? 0;
    if (reported !== undefined && reported < sent) reported = await drawReport();
    return live(campaign, progress.data) || (reported !== undefined && reported < sent);
  }, POLL_MS);
};
