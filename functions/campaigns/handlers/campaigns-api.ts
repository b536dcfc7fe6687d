// Campaigns: create, list, read, edit a draft, schedule, cancel, progress, and reports.
import { viewerOf } from '../../../shared/access.js';
import { clockNow } from '../../../shared/clock.js';
import { config } from '../../../shared/config.js';
import { json, route, routes } from '../../../shared/http.js';
import { type Language, languages } from '../../../shared/language.js';
import { commercialText } from '../../../shared/sms.js';
import { refuseLongSms, smsEstimate } from '../../channels/public.js';
import {
  campaignHistory,
  campaignOr404,
  campaignsCreatedBetween,
  cancelCampaign,
  createCampaign,
  editCampaign,
  listCampaigns,
  scheduleCampaign,
} from '../campaigns.js';
import { funnelRates } from '../domain/report.js';
import { renderCampaignText, smsSample } from '../domain/template-render.js';
import { campaignRoutes } from '../manifest.js';
import { accountReputation, campaignReport, gateHistory, liftGate, reportsByGroup } from '../reports.js';
import { allSegments, previewSegment, segmentForCampaign } from '../segments.js';
import { runProgress } from '../sending.js';
import { getTemplate, templateForCampaign } from '../templates.js';

const create = route(campaignRoutes.createCampaign, async ({ actor, body }) => {
  const campaign = await createCampaign(body, actor.userId);
  return json(201, campaign, { location: `/campaigns/${campaign.campaignId}` });
});

const list = route(campaignRoutes.listCampaigns, async ({ query }) =>
  json(200, await listCampaigns(query.limit, query.cursor)),
);

const get = route(campaignRoutes.getCampaign, async ({ params }) => {
  const campaign = await campaignOr404(params.campaignId);
  return json(200, { ...campaign, history: await campaignHistory(campaign) });
});

const edit = route(campaignRoutes.editCampaign, async ({ actor, params, body: { seq, ...changes } }) =>
  json(200, await editCampaign(await campaignOr404(params.campaignId), changes, actor.userId, seq)),
);

const schedule = route(campaignRoutes.scheduleCampaign, async ({ actor, params, body }) =>
  json(200, await scheduleCampaign(await campaignOr404(params.campaignId), actor.userId, body.seq)),
);

const cancel = route(campaignRoutes.cancelCampaign, async ({ actor, params, body }) =>
  json(200, await cancelCampaign(await campaignOr404(params.campaignId), actor.userId, body.seq)),
);

const progress = route(campaignRoutes.campaignProgress, async ({ params }) => {
  const campaign = await campaignOr404(params.campaignId);
  const run = campaign.currentRunId
    ? await runProgress({ campaignId: campaign.campaignId, runId: campaign.currentRunId })
    : undefined;
  return json(200, { campaignId: campaign.campaignId, status: campaign.status, ...(run ? { run } : {}) });
});

const report = route(campaignRoutes.campaignReport, async ({ params }) => {
  const campaign = await campaignOr404(params.campaignId);
  const [figures, reputation] = await Promise.all([campaignReport(campaign.campaignId), accountReputation()]);
  return json(200, { campaignId: campaign.campaignId, ...figures, reputation });
});

const reports = route(campaignRoutes.campaignReports, async ({ query }) => {
  const now = clockNow();
  const from = query.from ?? new Date(now.getTime() - 30 * 24 * 3600 * 1000).toISOString();
  const to = query.to ?? now.toISOString();
  const list = await campaignsCreatedBetween(from, to);
  const [{ bySegment, byTemplate }, segments, reputation] = await Promise.all([
    reportsByGroup(list),
    allSegments(),
    accountReputation(now),
  ]);
  const segmentNames = new Map(segments.map((s) => [s.segmentId, s.name]));
  const templateNames = new Map(
    await Promise.all([...byTemplate.keys()].map(async (id) => [id, (await getTemplate(id))?.name] as const)),
  );
  const rows = (map: typeof bySegment, names: Map<string, string | undefined>) =>
    [...map].map(([id, funnel]) => ({ id, name: names.get(id), funnel, rates: funnelRates(funnel) }));
  return json(200, {
    from,
    to,
    campaigns: list.length,
    bySegment: rows(bySegment, segmentNames),
    byTemplate: rows(byTemplate, templateNames),
    reputation,
  });
});

const gate = route(campaignRoutes.reputationGate, async () => {
  const [reputation, history] = await Promise.all([accountReputation(), gateHistory()]);
  return json(200, { reputation, history });
});

const lift = route(campaignRoutes.liftReputationGate, async ({ actor, body }) => {
  const reputation = await liftGate({ actorId: actor.userId, via: 'api' }, body.reason);
  return json(200, { reputation, history: await gateHistory() });
});

const smsPreview = route(campaignRoutes.previewSmsCampaign, async ({ actor, body }) => {
  const [segment, template] = await Promise.all([
    segmentForCampaign(body.segmentId),
    templateForCampaign(body.templateId),
  ]);
  const vars = { ...(body.sample ?? smsSample), offer: body.offer ?? {} };
  const versions = Object.fromEntries(
    languages.map((language) => {
      const text = commercialText(renderCampaignText(template.parts[language], vars), language);
      refuseLongSms(text, 'templateId');
      return [language, { text, ...smsEstimate(text) }];
    }),
  ) as Record<Language, { text: string } & ReturnType<typeof smsEstimate>>;
  const { count, complete } = await previewSegment(segment.filter, await viewerOf(actor));
  const perRecipient = Math.max(...languages.map((language) => versions[language].costMinor));
  return json(200, {
    versions,
    maxSegments: config.smsMaxSegments(),
    recipients: count,
    complete,
    costPerRecipientMinor: perRecipient,
    campaignCostMinor: perRecipient * count,
    currency: 'TRY',
  });
});

export const handler = routes([
  smsPreview,
  create,
  list,
  reports,
  gate,
  lift,
  get,
  edit,
  schedule,
  cancel,
  progress,
  report,
]);
