// What staff and the call center send to POST /cases. Status, department, due times and the case
// number are the CRM's to set.
import { toE164 } from '../../../shared/contact.js';
import { defaultLanguage, languages } from '../../../shared/language.js';
import { emailOrPhone, notAnEmail, notAPhone } from '../../../shared/messages.js';
import * as z from '../../../shared/schema.js';

export const caseTypes = ['complaint', 'request', 'information'] as const;
export const caseCategories = ['product', 'billing', 'delivery', 'service', 'test-drive', 'website', 'other'] as const;
export const casePriorities = ['urgent', 'high', 'normal', 'low'] as const;
export const caseChannels = ['phone', 'email', 'web', 'walk-in', 'social'] as const;

export type CaseCategory = (typeof caseCategories)[number];
export type CasePriority = (typeof casePriorities)[number];

const contactSchema = z
  .strictObject({
    name: z.requiredLine(200).check(z.noMarkup),
    email: z.optional(z.line(254).check(z.email(z.said(notAnEmail)))),
    phone: z.optional(z.line(40).check(z.refine((p) => toE164(p) !== undefined, z.said(notAPhone)))),
    language: z._default(z.enum(languages), defaultLanguage),
    /** The dealer the person prefers: a new customer's, or a known one's who has none yet. */
    preferredDealerId: z.optional(z.requiredLine(100)),
  })
  .check(z.refine((c) => Boolean(c.email || c.phone), { ...z.said(emailOrPhone), path: ['email'] }));

export const caseIntakeSchema = z
  .strictObject({
    type: z.enum(caseTypes),
    category: z.enum(caseCategories),
    priority: z._default(z.enum(casePriorities), 'normal'),
    channel: z.enum(caseChannels),
    subject: z.requiredLine(200).check(z.noMarkup),
    description: z.optional(z.text(4000).check(z.noMarkup)),
    relatedOrderId: z.optional(z.requiredLine(40)),
    relatedQuoteId: z.optional(z.requiredLine(40)),
    /** A known customer, or contact details matched (or a customer created) as lead capture does. */
    customerId: z.optional(z.requiredLine(40)),
    contact: z.optional(contactSchema),
  })
  .check(
    z.refine((c) => Boolean(c.customerId) !== Boolean(c.contact), {
      ...z.said({
        en: 'Give either a customerId or contact details.',
        tr: 'Ya bir customerId ya da iletişim bilgileri verin.',
      }),
      path: ['customerId'],
    }),
  );

export type CaseIntake = z.infer<typeof caseIntakeSchema>;
export type CaseContact = z.infer<typeof contactSchema>;
