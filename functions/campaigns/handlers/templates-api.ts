// Templates: POST/GET /templates, GET/PATCH /templates/{id}, POST /templates/{id}/preview and
// /templates/{id}/send-to-me. Previews are filled from a customer or from sample data.
import { viewerOf } from '../../../shared/access.js';
import { config } from '../../../shared/config.js';
import { customerVisibleTo } from '../../../shared/customer.js';
import { getUser } from '../../../shared/directory.js';
import { type Actor, json, route, routes } from '../../../shared/http.js';
import type { Language } from '../../../shared/language.js';
import { sendTransactional } from '../../../shared/mail.js';
import { ProblemError } from '../../../shared/problems.js';
import type { TemplateVars } from '../domain/template-render.js';
import { campaignRoutes } from '../manifest.js';
import {
  type CampaignTemplate,
  createTemplate,
  customerVars,
  listTemplates,
  ownerNames,
  renderOrExplain,
  templateOr404,
  updateTemplate,
} from '../templates.js';

const create = route(campaignRoutes.createTemplate, async ({ actor, body }) => {
  const template = await createTemplate(body, actor.userId);
  return json(201, template, { location: `/templates/${template.templateId}` });
});

const list = route(campaignRoutes.listTemplates, async ({ query }) =>
  json(200, await listTemplates(query.limit, query.cursor)),
);

const get = route(campaignRoutes.getTemplate, async ({ params }) => json(200, await templateOr404(params.templateId)));

const edit = route(campaignRoutes.editTemplate, async ({ params, body: { seq, ...changes } }) =>
  json(200, await updateTemplate(await templateOr404(params.templateId), changes, seq)),
);

interface PreviewRequest {
  language: Language;
  customerId?: string;
  sample?: TemplateVars;
  offer?: Record<string, string>;
}

/** A preview's links are not anyone's: the real one is signed per recipient at send time. */
const previewUnsubscribeUrl = () => `${config.publicBaseUrl()}/unsubscribe?preview=1`;

/** Filled from a customer only the caller may see: any other id answers as an unknown one. */
const rendered = async (template: CampaignTemplate, request: PreviewRequest, actor: Actor) => {
  let vars: TemplateVars = request.sample ?? {};
  if (request.customerId) {
    const customer = await customerVisibleTo(await viewerOf(actor), request.customerId);
    vars = await customerVars(customer as unknown as Record<string, unknown>, ownerNames());
  }
  return renderOrExplain(template, request.language, { ...vars, offer: request.offer }, previewUnsubscribeUrl());
};

const preview = route(campaignRoutes.previewTemplate, async ({ actor, params, body }) => {
  const template = await templateOr404(params.templateId);
  return json(200, { language: body.language, ...(await rendered(template, body, actor)) });
});

const sendToMe = route(campaignRoutes.sendTemplateToMe, async ({ actor, params, body }) => {
  const template = await templateOr404(params.templateId);
  const me = await getUser(actor.userId);
  if (!me?.email) {
    throw new ProblemError(
      422,
      'customer-has-no-email',
      { en: 'Your directory record has no e-mail address.', tr: 'Dizindeki kaydınızda e-posta adresi yok.' },
      [{ path: '', message: { en: 'No address on file.', tr: 'Kayıtlı adres yok.' } }],
    );
  }
  const mail = await rendered(template, body, actor);
  const outcome = await sendTransactional({ to: me.email, ...mail, subject: `[TEST] ${mail.subject}` });
  return json(200, { to: me.email, status: outcome.status });
});

export const handler = routes([create, list, get, edit, preview, sendToMe]);
