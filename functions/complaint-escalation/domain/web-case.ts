// What the public web form (or a site's JSON) may send to POST /cases/web: a flat form a browser
// can post without JavaScript. Priority, channel, status and routing are the CRM's to set.
import { toE164 } from '../../../shared/contact.js';
import { defaultLanguage, languages } from '../../../shared/language.js';
import { emailOrPhone, notAnEmail, notAPhone, notAUrl } from '../../../shared/messages.js';
import * as z from '../../../shared/schema.js';
import { type CaseIntake, caseCategories, caseTypes } from './case-input.js';

/** An empty form field is an absent one. */
const blankless = (schema: z.ZodMiniString<string>) =>
  z.pipe(
    z.optional(schema),
    z.transform((s) => (s === '' ? undefined : s)),
  );
const optionalLine = (max: number) => blankless(z.line(max).check(z.noMarkup));

export const webCaseSchema = z
  .strictObject({
    type: z._default(z.enum(caseTypes), 'complaint'),
    category: z._default(z.enum(caseCategories), 'other'),
    subject: z.requiredLine(200).check(z.noMarkup),
    description: blankless(z.text(4000).check(z.noMarkup)),
    name: z.requiredLine(200).check(z.noMarkup),
    email: z.pipe(optionalLine(254), z.optional(z.email(z.said(notAnEmail)))),
    phone: optionalLine(40).check(z.refine((p) => p === undefined || toE164(p) !== undefined, z.said(notAPhone))),
    language: z._default(z.enum(languages), defaultLanguage),
    relatedOrderId: optionalLine(40),
    preferredDealerId: optionalLine(100),
    /** A thank-you page to redirect a browser form to; must be on an allowed origin. */
    redirect: z.pipe(optionalLine(2000), z.optional(z.url(z.said(notAUrl)))),
    /** For forms that cannot set headers; the Idempotency-Key header wins. */
    idempotencyKey: optionalLine(100),
    /** Honeypot: hidden from people, filled in by bots. */
    website: z.optional(z.string().check(z.maxLength(2000))),
  })
  .check(z.refine((c) => Boolean(c.email || c.phone), { ...z.said(emailOrPhone), path: ['email'] }));

export type WebCase = z.infer<typeof webCaseSchema>;

/** The web form's case as the intake every channel shares. */
export const intakeOfWebCase = (w: Omit<WebCase, 'website' | 'redirect' | 'idempotencyKey'>): CaseIntake => ({
  type: w.type,
  category: w.category,
  priority: 'normal',
  channel: 'web',
  subject: w.subject,
  description: w.description,
  relatedOrderId: w.relatedOrderId,
  contact: {
    name: w.name,
    email: w.email,
    phone: w.phone,
    language: w.language,
    preferredDealerId: w.preferredDealerId,
  },
});
