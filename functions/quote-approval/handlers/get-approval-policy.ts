// GET /approval-policy  catalogue:read — the ordered approval rules in force, and the seq to replace them at.
import { json, route } from '../../../shared/http.js';
import { records } from '../../../shared/messages.js';
import { NotFoundError } from '../../../shared/problems.js';
import { getApprovalPolicy } from '../approval-policy-store.js';
import { quoteRoutes } from '../manifest.js';

export const handler = route(quoteRoutes.getApprovalPolicy, async () => {
  const policy = await getApprovalPolicy();
  if (!policy) throw new NotFoundError(records.approvalPolicy);
  return json(200, policy);
});
