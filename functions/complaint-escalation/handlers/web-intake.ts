// POST /cases/web (public): the web form or a site's JSON opens a case with lead capture's
// protections — the origin check, the size limit, the honeypot, Idempotency-Key, and the WAF rate
// rule every public route sits behind. GET /forms/case is the demo form.
import { randomUUID } from 'node:crypto';
import { config } from '../../../shared/config.js';
import { DEALER_FIELD, dealerChoiceField } from '../../../shared/dealer-choice.js';
import {
  type HttpEvent,
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
import { openCase } from '../cases.js';
import { intakeOfWebCase } from '../domain/web-case.js';
import { caseRoutes } from '../manifest.js';
import { caseFormPage, caseFormProblemsPage } from '../templates/web-form.js';

const guard = (event: HttpEvent) => {
  // Every path records a metric, so the flush never logs an empty-metrics warning.
  metrics.addMetric('CaseSubmitted', 'Count', 1);
  refuseForeignOrigin(event, 'cases');
};

const languageOf = (value: unknown): Language => languages.find((l) => l === value) ?? defaultLanguage;

const problemsPage = (problem: ProblemError, fields: Record<string, unknown>) => {
  const language = languageOf(fields.language);
  const back = `${config.publicBaseUrl()}/forms/case?lang=${language}`;
  return caseFormProblemsPage(language, {
    status: problem.status,
    detail: problem.detail,
    errors: problem.errors,
    back,
  });
};

const submit = route(
  caseRoutes.openWebCase,
  async ({ body, fromForm, idempotency }) => {
    const { website, redirect, idempotencyKey: _formKey, ...submission } = body;
    return publicFormPost({ redirect, website, fromForm, param: 'case' }, async () => {
      const opened = await openCase({
        intake: intakeOfWebCase(submission),
        actorId: 'web',
        // Anonymous: it may match a customer by contact, never name one by id.
        viewer: undefined,
        route: idempotency.route,
        caller: idempotency.caller,
        idempotencyKey: idempotency.key,
        dealerField: DEALER_FIELD,
      });
      return { id: opened.caseNumber, answer: json(201, { caseNumber: opened.caseNumber, status: opened.status }) };
    });
  },
  { guard, formProblemPage: problemsPage },
);

const corsPreflight = route(caseRoutes.webCasePreflight, async (_, event) => {
  metrics.addMetric('CorsPreflight', 'Count', 1);
  return preflight(event);
});

const form = route(caseRoutes.caseForm, async ({ query }) => {
  const language = query.lang === 'en' ? 'en' : 'tr';
  const base = config.publicBaseUrl();
  return caseFormPage(language, {
    action: `${base}/cases/web`,
    thanks: `${base}/forms/thanks?lang=${language}`,
    idempotencyKey: randomUUID(),
    dealerChoice: await dealerChoiceField(language),
  });
});

export const handler = routes([submit, corsPreflight, form], { cors: true, metrics: true });
