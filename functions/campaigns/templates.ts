// Campaign templates: stored Mustache sources per language, checked when saved, rendered per
// recipient. The same rendering serves the preview, the send-to-me test mail and the send itself.

import { clockNow } from '../../shared/clock.js';
import { transact } from '../../shared/db.js';
import { getUser } from '../../shared/directory.js';
import { advance, defineEntity, refuseStale } from '../../shared/entity.js';
import { newId } from '../../shared/ids.js';
import type { Language } from '../../shared/language.js';
import { type NameParts, personFields } from '../../shared/merge-fields.js';
import { changedReload, records } from '../../shared/messages.js';
import { ConflictError, NotFoundError, ProblemError } from '../../shared/problems.js';
import { queryPage } from '../../shared/query.js';
import { byState } from '../../shared/table.js';
import {
  missingVariables,
  renderCampaignMail,
  type TemplateParts,
  type TemplateVars,
  templateProblems,
} from './domain/template-render.js';
import { campaignsKeys } from './keys.js';

export interface CampaignTemplate {
  templateId: string;
  name: string;
  parts: TemplateParts;
  status: 'active';
  seq: number;
  createdBy: string;
  createdAt: string;
  updatedAt: string;
}

export const campaignTemplates = defineEntity<CampaignTemplate>({
  type: 'campaign-template',
  key: (t) => campaignsKeys.campaignTemplate(t.templateId),
  indexes: (t) => campaignsKeys.campaignTemplateList(t.createdAt, t.templateId),
});

const quotedVariables = (missing: { variable: string }[]) => missing.map((m) => `"${m.variable}"`).join(', ');

/** 422 naming every field whose source is not a template campaigns can fill. */
export const checkTemplateParts = (parts: Partial<TemplateParts>) => {
  const problems = templateProblems(parts);
  if (problems.length) {
    throw new ProblemError(
      422,
      'unknown-template-variable',
      {
        en: 'The template has parts campaigns cannot fill.',
        tr: 'Şablonda kampanyaların dolduramayacağı bölümler var.',
      },
      problems.map(({ path, message }) => ({ path: `parts.${path}`, message })),
    );
  }
};

export const createTemplate = async (input: Pick<CampaignTemplate, 'name' | 'parts'>, by: string, now = clockNow()) => {
  checkTemplateParts(input.parts);
  const at = now.toISOString();
  const template: CampaignTemplate = {
    ...input,
    templateId: newId(),
    status: 'active',
    seq: 1,
    createdBy: by,
    createdAt: at,
    updatedAt: at,
  };
  await transact(campaignTemplates.createItems(template));
  return template;
};

export const getTemplate = (templateId: string) => campaignTemplates.get(campaignsKeys.campaignTemplate(templateId));

export const templateOr404 = async (templateId: string) => {
  const found = await getTemplate(templateId);
  if (!found) throw new NotFoundError(records.template);
  return found;
};

export const templateForCampaign = async (templateId: string) => {
  const found = await getTemplate(templateId);
  if (!found) {
    throw new ProblemError(
      422,
      'template-not-found',
      { en: 'There is no such template.', tr: 'Böyle bir şablon yok.' },
      [{ path: 'templateId', message: { en: 'No such template.', tr: 'Böyle bir şablon yok.' } }],
    );
  }
  return found;
};

export const updateTemplate = async (
  before: CampaignTemplate,
  changes: { name?: string; parts?: Partial<TemplateParts> },
  seq?: number,
) => {
  refuseStale(before, seq, 'campaign-changed', records.template);
  const parts = { ...before.parts, ...changes.parts };
  checkTemplateParts(parts);
  const after = advance(before, { name: changes.name ?? before.name, parts, updatedAt: clockNow().toISOString() });
  if (!(await campaignTemplates.move(before, after)))
    throw new ConflictError('campaign-changed', changedReload(records.template));
  return after;
};

export const listTemplates = async (limit: number, cursor?: string) => {
  const page = await queryPage({
    index: byState,
    partition: campaignsKeys.campaignTemplateListPartition(),
    limit,
    cursor,
  });
  return { items: page.items.map((item) => campaignTemplates.read(item)), next: page.next };
};

/** The variables a customer's directory item gives a template, its first owner's name included. */
export const customerVars = async (
  item: Record<string, unknown>,
  ownerName: (userId: string) => Promise<string | undefined>,
): Promise<TemplateVars> => {
  const ownerId = [...((item.ownerIds as Set<string> | undefined) ?? [])].sort()[0];
  return {
    ...personFields(item.language === 'en' ? 'en' : 'tr', item as NameParts),
    company: item.company as string | undefined,
    owner: ownerId ? await ownerName(ownerId) : undefined,
  };
};

/** Owner names looked up once each: a run reads the same few reps for thousands of customers. */
export const ownerNames = () => {
  const cache = new Map<string, Promise<string | undefined>>();
  return (userId: string) => {
    if (!cache.has(userId))
      cache.set(
        userId,
        getUser(userId).then((user) => user?.name),
      );
    return cache.get(userId)!;
  };
};

/**
 * The rendered mail, or 422 `template-variable-missing` naming each variable the data lacks: what a
 * preview answers, and the check before a test mail.
 */
export const renderOrExplain = (
  template: CampaignTemplate,
  language: Language,
  vars: TemplateVars,
  unsubscribeUrl: string,
) => {
  const version = template.parts[language];
  const missing = missingVariables(version, vars);
  if (missing.length) {
    throw new ProblemError(
      422,
      'template-variable-missing',
      { en: `The data lacks ${quotedVariables(missing)}.`, tr: `Veride ${quotedVariables(missing)} yok.` },
      missing.map(({ path, variable }) => ({
        path: `parts.${language}.${path}`,
        message: {
          en: `Uses "${variable}", which the data lacks.`,
          tr: `Veride olmayan "${variable}" değişkenini kullanıyor.`,
        },
      })),
    );
  }
  return renderCampaignMail(language, version, vars, unsubscribeUrl);
};
