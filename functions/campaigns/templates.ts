// Campaign templates: stored Mustache sources per language, checked when saved, rendered per
// recipient. The same rendering serves the preview, the send-to-me test mail and the send itself.
import { transact } from '../../shared/db.js';
import { getUser } from '../../shared/directory.js';
import { advance, defineEntity } from '../../shared/entity.js';
import { newId } from '../../shared/ids.js';
import type { Language } from '../../shared/language.js';
import { ConflictError, NotFoundError, ProblemError } from '../../shared/problems.js';
import { queryPage } from '../../shared/query.js';
import { byState, keys } from '../../shared/table.js';
import { missingVariables, renderCampaignMail, type TemplateParts, type TemplateVars, templateProblems } from './domain/template-render.js';

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
  key: (t) => keys.campaignTemplate(t.templateId),
  indexes: (t) => keys.campaignTemplateList(t.createdAt, t.templateId),
});

/** 422 naming every field whose source is not a template campaigns can fill. */
export const checkTemplateParts = (parts: Partial<TemplateParts>) => {
  const problems = templateProblems(parts);
  if (problems.length) {
    throw new ProblemError(
      422,
      'unknown-template-variable',
      'The template has parts campaigns cannot fill.',
      problems.map(({ path, message }) => ({ path: `parts.${path}`, message })),
    );
  }
};

export const createTemplate = async (input: Pick<CampaignTemplate, 'name' | 'parts'>, by: string, now = new Date()) => {
  checkTemplateParts(input.parts);
  const at = now.toISOString();
  const template: CampaignTemplate = { ...input, templateId: newId(), status: 'active', seq: 1, createdBy: by, createdAt: at, updatedAt: at };
  await transact(campaignTemplates.createItems(template));
  return template;
};

export const getTemplate = (templateId: string) => campaignTemplates.get(keys.campaignTemplate(templateId));

export const templateOr404 = async (templateId: string) => {
  const found = await getTemplate(templateId);
  if (!found) throw new NotFoundError('The template');
  return found;
};

export const templateForCampaign = async (templateId: string) => {
  const found = await getTemplate(templateId);
  if (!found) {
    throw new ProblemError(422, 'template-not-found', 'There is no such template.', [{ path: 'templateId', message: 'No such template.' }]);
  }
  return found;
};

export const updateTemplate = async (
  before: CampaignTemplate,
  changes: { name?: string; parts?: Partial<TemplateParts> },
  seq?: number,
) => {
  if (seq !== undefined && seq !== before.seq) throw new ConflictError('campaign-changed', `The template is at seq ${before.seq} now; reload it.`);
  const parts = { ...before.parts, ...changes.parts };
  checkTemplateParts(parts);
  const after = advance(before, { name: changes.name ?? before.name, parts, updatedAt: new Date().toISOString() });
  if (!(await campaignTemplates.move(before, after))) throw new ConflictError('campaign-changed', 'The template changed meanwhile; reload it.');
  return after;
};

export const listTemplates = async (limit: number, cursor?: string) => {
  const page = await queryPage({ index: byState, partition: keys.campaignTemplateListPartition(), limit, cursor });
  return { items: page.items.map((item) => campaignTemplates.read(item)), next: page.next };
};

/** The variables a customer's directory item gives a template, its first owner's name included. */
export const customerVars = async (item: Record<string, unknown>, ownerName: (userId: string) => Promise<string | undefined>): Promise<TemplateVars> => {
  const ownerId = [...((item.ownerIds as Set<string> | undefined) ?? [])].sort()[0];
  return {
    name: item.name as string | undefined,
    company: item.company as string | undefined,
    owner: ownerId ? await ownerName(ownerId) : undefined,
  };
};

/** Owner names looked up once each: a run reads the same few reps for thousands of customers. */
export const ownerNames = () => {
  const cache = new Map<string, Promise<string | undefined>>();
  return (userId: string) => {
    if (!cache.has(userId)) cache.set(userId, getUser(userId).then((user) => user?.name));
    return cache.get(userId)!;
  };
};

/**
 * The rendered mail, or 422 `template-variable-missing` naming each variable the data lacks: what a
 * preview answers, and the check before a test mail.
 */
export const renderOrExplain = (template: CampaignTemplate, language: Language, vars: TemplateVars, unsubscribeUrl: string) => {
  const version = template.parts[language];
  const missing = missingVariables(version, vars);
  if (missing.length) {
    throw new ProblemError(
      422,
      'template-variable-missing',
      `The data lacks ${missing.map((m) => `"${m.variable}"`).join(', ')}.`,
      missing.map(({ path, variable }) => ({ path: `parts.${language}.${path}`, message: `Uses "${variable}", which the data lacks.` })),
    );
  }
  return renderCampaignMail(language, version, vars, unsubscribeUrl);
};
