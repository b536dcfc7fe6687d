// What a web form or an integration may send to POST /leads, and nothing more. Owner, status and
// consent timestamps are the CRM's to set: a form that sends them is refused, naming the field.
import type { ConsentChannel } from '../../../shared/consent.js';
import { toE164 } from '../../../shared/contact.js';
import { defaultLanguage, languages } from '../../../shared/language.js';
import { emailOrPhone, notAnEmail, notAPhone, notAUrl } from '../../../shared/messages.js';
import * as z from '../../../shared/schema.js';

/** One line, no markup. */
const plain = (max: number) => z.line(max).check(z.noMarkup);

/** An empty field is an absent one. */
const optional = (schema: z.ZodMiniString<string>) =>
  z.pipe(
    z.optional(schema),
    z.transform((s) => (s === '' ? undefined : s)),
  );

/** Checkboxes arrive as "on"/"true"/"1" from forms, as booleans from JSON; absent means not ticked. */
const checkbox = z.pipe(
  z.optional(z.union([z.boolean(), z.enum(['on', 'true', '1', 'yes', 'false', '0', 'no', 'off'])])),
  z.transform((v) => v === true || v === 'on' || v === 'true' || v === '1' || v === 'yes'),
);

export const leadSubmissionSchema = z
  .strictObject({
    name: z.requiredLine(200).check(z.noMarkup),
    email: z.pipe(optional(plain(254)), z.optional(z.email(z.said(notAnEmail)))),
    phone: optional(plain(40)).check(z.refine((p) => p === undefined || toE164(p) !== undefined, z.said(notAPhone))),
    company: optional(plain(200)),
    sector: optional(plain(100)),
    city: optional(plain(100)),
    region: optional(plain(100)),
    productInterest: optional(plain(200)),
    /** The dealer the person would like to deal with (a dealer of the directory, checked on capture). */
    preferredDealerId: optional(plain(100)),
    message: optional(z.text(4000).check(z.noMarkup)),
    language: z._default(z.enum(languages), defaultLanguage),
    source: optional(plain(100)),
    utm_source: optional(plain(200)),
    utm_medium: optional(plain(200)),
    utm_campaign: optional(plain(200)),
    utm_term: optional(plain(200)),
    utm_content: optional(plain(200)),
    consent_email: checkbox,
    consent_sms: checkbox,
    consent_phone: checkbox,
    /** The version of the consent text the form showed: evidence for the ledger. */
    consentTextVersion: optional(plain(50)),
    /** A thank-you page to redirect a browser form to; must be on an allowed origin. */
    redirect: z.pipe(optional(plain(2000)), z.optional(z.url(z.said(notAUrl)))),
    /** For forms that cannot set headers; the Idempotency-Key header wins. */
    idempotencyKey: optional(plain(100)),
    /** Honeypot: hidden from people, filled in by bots. */
    website: z.optional(z.string().check(z.maxLength(2000))),
  })
  .check(
    z.superRefine((lead, ctx) => {
      if (!lead.email && !lead.phone) {
        ctx.addIssue(z.saidIssue('email', emailOrPhone));
      }
      const anyConsent = lead.consent_email || lead.consent_sms || lead.consent_phone;
      if (anyConsent && !lead.consentTextVersion) {
        ctx.addIssue(
          z.saidIssue('consentTextVersion', {
            en: 'Required when a consent box is ticked.',
            tr: 'Bir izin kutusu işaretliyken zorunlu.',
          }),
        );
      }
      if (lead.consent_email && !lead.email) {
        ctx.addIssue(
          z.saidIssue('consent_email', {
            en: 'E-mail consent needs an e-mail address.',
            tr: 'E-posta izni için bir e-posta adresi gerekir.',
          }),
        );
      }
      if ((lead.consent_sms || lead.consent_phone) && !lead.phone) {
        ctx.addIssue(
          z.saidIssue('phone', {
            en: 'SMS or call consent needs a phone number.',
            tr: 'SMS ya da arama izni için bir telefon numarası gerekir.',
          }),
        );
      }
    }),
  );

/** The lead itself, without the form's delivery instructions. */
export type LeadSubmission = Omit<z.infer<typeof leadSubmissionSchema>, 'website' | 'redirect' | 'idempotencyKey'>;

export const consentsGiven = (lead: LeadSubmission): ConsentChannel[] =>
  (['email', 'sms', 'phone'] as const).filter((channel) => lead[`consent_${channel}`]);
