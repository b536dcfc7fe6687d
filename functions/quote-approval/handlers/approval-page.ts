// GET /quote-links/approval?token= shows the quote, the rules that asked for approval and the
// button; POST acts (rejecting asks for a reason). A used, expired or tampered link gets a clear
// page and changes nothing: the approval is a conditional write on the step the link was made for.

import { getCustomer } from '../../../shared/customer.js';
import { getUser } from '../../../shared/directory.js';
import { route, routes } from '../../../shared/http.js';
import { defaultLanguage } from '../../../shared/language.js';
import { textOf } from '../../../shared/messages.js';
import { logger } from '../../../shared/observability.js';
import { ProblemError } from '../../../shared/problems.js';
import { rejectionReasonSchema } from '../domain/quote-input.js';
import { approvalLink } from '../links.js';
import { quoteRoutes } from '../manifest.js';
import { getQuote } from '../quote-store.js';
import { decideQuote } from '../quotes.js';

import { approvalOutcomePage, approvalPage, reasonMissing, reasonRefused } from '../templates/link-pages.js';
import { customerView, statusNames } from '../templates/quote-view.js';

/** `fields` is the posted form: the approver's button press, which acts; a GET only shows. */
const approval = async (token: string, fields?: { reason?: string }) => {
  const posted = fields !== undefined;
  const link = await approvalLink.read(token);
  if (!link.ok) return approvalOutcomePage(defaultLanguage, link.reason);
  const { action, ...ref } = link.claims;
  const [approver, quote] = await Promise.all([getUser(ref.userId), getQuote(ref.customerId, ref.quoteId)]);
  const language = approver?.language ?? defaultLanguage;
  if (!approver || !quote) return approvalOutcomePage(language, 'invalid');
  const awaiting =
    quote.status === 'pending_approval' && quote.version === ref.version && quote.approval?.approved === ref.step;
  if (!awaiting) return approvalOutcomePage(language, 'decided', textOf(statusNames, quote.status, language));

  if (!posted) {
    const [customer, owner] = await Promise.all([getCustomer(quote.customerId), getUser(quote.ownerId)]);
    return approvalPage(language, {
      quote,
      customer: customerView(customer),
      ownerName: owner?.name ?? quote.ownerId,
      action,
      token,
    });
  }
  const reason = action === 'reject' ? rejectionReasonSchema.safeParse(fields?.reason ?? '') : undefined;
  if (reason && !reason.success) {
    const missing = reason.error.issues.some((issue) => issue.code === 'too_small');
    const customer = await getCustomer(quote.customerId);
    return approvalPage(language, {
      quote,
      customer: customerView(customer),
      ownerName: (await getUser(quote.ownerId))?.name ?? quote.ownerId,
      action,
      token,
      error: missing ? reasonMissing(language) : reasonRefused(language),
    });
  }
  try {
    const decided = await decideQuote(
      quote,
      reason ? { type: 'reject', reason: reason.data } : { type: 'approve' },
      { userId: approver.userId, role: approver.role },
      { via: 'link', step: ref.step },
    );
    if (decided.status === 'rejected') return approvalOutcomePage(language, 'rejected');
    if (decided.status === 'approved') return approvalOutcomePage(language, 'approvedFinal');
    return approvalOutcomePage(language, 'approvedNext', decided.approvalSteps?.[decided.approval!.approved]?.role);
  } catch (error) {
    if (!(error instanceof ProblemError)) throw error;
    logger.info('approval link refused', { code: error.code });
    if (error.status === 403) return approvalOutcomePage(language, 'notYours');
    const now = await getQuote(ref.customerId, ref.quoteId);
    return approvalOutcomePage(language, 'decided', textOf(statusNames, now?.status ?? quote.status, language));
  }
};

export const handler = routes([
  route(quoteRoutes.approvalLinkPage, async ({ query }) => approval(query.token ?? '')),
  route(quoteRoutes.approvalLinkAct, async ({ body }) => approval(body.token ?? '', body)),
]);
