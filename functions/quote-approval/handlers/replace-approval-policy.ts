// PUT /approval-policy {rules, seq?}  catalogue:write — replaces the rules; `seq` refuses a write
// based on a stale read, and a role nobody holds is refused (its quotes would wait for ever).
import { decodeBody, type HttpEvent, httpHandler, json } from '../../../shared/http.js';
import { UnsupportedMediaTypeError } from '../../../shared/problems.js';
import { setApprovalPolicy } from '../approval-policy-store.js';
import { staff } from '../staff.js';

/** A policy is tens of rules: 256 KiB is far more than any needs. */
const MAX_BODY_BYTES = 256 * 1024;

export const handler = httpHandler(async (event: HttpEvent) => {
  const viewer = await staff(event, 'catalogue:write');
  const body = decodeBody(event, MAX_BODY_BYTES);
  if (body.fromForm) throw new UnsupportedMediaTypeError(['application/json']);
  return json(200, await setApprovalPolicy(body.fields, viewer.actor.userId, new Date()));
});
