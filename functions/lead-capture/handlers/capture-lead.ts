// POST /leads (public): a plain HTML form or JSON from a web form or an integration.
import { config } from '../../../shared/config.js';
import {
  allowedOrigin,
  clientIp,
  type HttpEvent,
  header,
  json,
  preflight,
  publicFormPost,
  refuseForeignOrigin,
  route,
  routes,
} from '../../../shared/http.js';
import { defaultLanguage, type Language, languages } from '../../../shared/language.js';
import { metrics } from '../../../shared/observability.js';
import type { ProblemError } from '../../../shared/problems.js';
import { captureLead } from '../capture.js';
import { leadRoutes } from '../manifest.js';
import { formProblemsPage } from '../templates/form-problems.js';

const guard = (event: HttpEvent) => {
  // Every path records a metric, so the flush never logs an empty-metrics warning.
  metrics.addMetric('LeadSubmitted', 'Count', 1);
  refuseForeignOrigin(event, 'leads');
};

/** "Back" on the problems page: the page that posted the form when it is one of ours, else the demo form. */
const backTo = (event: HttpEvent, language: Language) => {
  const referer = header(event, 'referer');
  const origin = referer && URL.canParse(referer) ? new URL(referer).origin : undefined;
  const ours = origin && (allowedOrigin(origin) || origin === new URL(config.publicBaseUrl()).origin);
  return ours && referer ? referer : `${config.publicBaseUrl()}/forms/lead?lang=${language}`;
};

const problemsPage = (problem: ProblemError, fields: Record<string, unknown>, event: HttpEvent) => {
  const language = languages.find((l) => l === fields.language) ?? defaultLanguage;
  return formProblemsPage(language, {
    status: problem.status,
    detail: problem.detail,
    errors: problem.errors,
    back: backTo(event, language),
  });
};

const submit = route(
  leadRoutes.captureLead,
  async ({ body, fromForm, idempotency }, event) => {
    const { website, redirect, idempotencyKey: _formKey, ...submission } = body;
    return publicFormPost({ redirect, website, fromForm, param: 'lead' }, async () => {
      const lead = await captureLead({ idempotencyKey: idempotency.key, submission, ip: clientIp(event) });
      metrics.addMetric('LeadCaptured', 'Count', 1);
      return { id: lead.leadId, answer: json(201, lead, { location: `/leads/${lead.leadId}` }) };
    });
  },
  { guard, formProblemPage: problemsPage },
);

const corsPreflight = route(leadRoutes.capturePreflight, async (_, event) => {
  metrics.addMetric('CorsPreflight', 'Count', 1);
  return preflight(event);
});

export const handler = routes([submit, corsPreflight], { cors: true, metrics: true });
