// GET /approval-policy  catalogue:read — the ordered approval rules in force, and the seq to replace them at.
import { type HttpEvent, httpHandler, json } from '../../../shared/http.js';
import { NotFoundError } from '../../../shared/problems.js';
import { getApprovalPolicy } from '../approval-policy-store.js';
import { staff } from '../staff.js';

export const handler = httpHandler(async (event: HttpEvent) => {
  await staff(event, 'catalogue:read');
  const policy = await getApprovalPolicy();
  if (!policy) throw new NotFoundError('An approval policy');
  return json(200, policy);
});
