// POST /leads (public): a plain HTML form or JSON from a web form or an integration.
import {
  allowedOrigin,
  clientIp,
  decodeBody,
  type HttpEvent,
  header,
  httpHandler,
  json,
  preflight,
  seeOther,
  validate,
} from '../../../shared/http.js';
import { metrics } from '../../../shared/observability.js';
import { ForbiddenError, ValidationError } from '../../../shared/problems.js';
import { captureLead } from '../capture.js';
import { leadSubmissionSchema } from '../domain/lead-submission.js';

/** A lead form is a few hundred bytes; 16 KiB leaves room for a long message and refuses junk. */
const MAX_BODY_BYTES = 16 * 1024;

const thankYouUrl = (redirect: string, leadId: string) => {
  const url = new URL(redirect);
  url.searchParams.set('lead', leadId);
  return url.toString();
};

export const handler = httpHandler(
  async (event: HttpEvent) => {
    // Every path records a metric, so the flush never logs an empty-metrics warning.
    metrics.addMetric(event.httpMethod === 'OPTIONS' ? 'CorsPreflight' : 'LeadSubmitted', 'Count', 1);
    if (event.httpMethod === 'OPTIONS') return preflight(event);
    const origin = header(event, 'origin');
    // Browsers send Origin on cross-site posts: only the company's own sites may post leads.
    if (origin && origin !== 'null' && !allowedOrigin(origin)) {
      throw new ForbiddenError('This origin may not post leads.');
    }
    const { fields, fromForm } = decodeBody(event, MAX_BODY_BYTES);
    const { website, redirect, idempotencyKey: bodyKey, ...submission } = validate(leadSubmissionSchema, fields);
    if (redirect && !allowedOrigin(new URL(redirect).origin)) {
      throw new ValidationError([{ path: 'redirect', message: 'Redirects go only to allowed origins.' }]);
    }
    if (website) {
      // A bot filled the honeypot: answer as if it worked so it learns nothing, and store nothing.
      metrics.addMetric('HoneypotTripped', 'Count', 1);
      return redirect && fromForm ? seeOther(thankYouUrl(redirect, 'received')) : json(202, { status: 'received' });
    }
    const idempotencyKey = header(event, 'idempotency-key') ?? bodyKey;
    const lead = await captureLead({ idempotencyKey, submission, ip: clientIp(event) });
    metrics.addMetric('LeadCaptured', 'Count', 1);
    return redirect && fromForm
      ? seeOther(thankYouUrl(redirect, lead.leadId))
      : json(201, lead, { location: `/leads/${lead.leadId}` });
  },
  { cors: true, metrics: true },
);
