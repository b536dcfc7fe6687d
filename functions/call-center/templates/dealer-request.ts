// The mail a dealer's people get for a new request, and again as a reminder when it waits past its
// acceptance target: what the customer wants, when they could come, their name and the one contact
// detail they asked to be reached by — nothing else of the customer.
import { safeHtml } from '../../../shared/html.js';
import type { Language } from '../../../shared/language.js';
import { recordNumber } from '../../../shared/record-numbers.js';
import { consoleLink, defineTemplate, recordReference } from '../../../shared/templates.js';
import { istanbulDateTime } from '../../../shared/time.js';
import type { CustomerRequest } from '../request-store.js';

export interface DealerRequestVars {
  request: CustomerRequest;
  customerName: string;
  /** The phone or e-mail address of the channel the customer chose, if the record has it. */
  contact?: string;
  /** A reminder: the request is still waiting to be accepted. */
  overdue: boolean;
}

const words = {
  tr: {
    intro: 'Çağrı merkezi size yeni bir müşteri talebi yönlendirdi.',
    subject: 'Yeni talep',
    reminder: (by: string) => `Hatırlatma: bu talep ${by} saatine kadar kabul edilmeliydi ve hâlâ bekliyor.`,
    reminderSubject: 'Bekleyen talep',
    kinds: {
      'test-drive': 'Test sürüşü',
      service: 'Servis randevusu',
      appraisal: 'Ekspertiz',
      information: 'Bilgi',
      quote: 'Teklif',
    },
    channels: { phone: 'telefon', email: 'e-posta', sms: 'SMS', whatsapp: 'WhatsApp' },
    labels: {
      kind: 'Talep',
      customer: 'Müşteri',
      contact: 'İletişim',
      model: 'Model',
      vehicle: 'Araç',
      sku: 'Ürün kodu',
      times: 'Uygun zamanlar',
      notes: 'Notlar',
    },
    button: 'Talebi açın',
  },
  en: {
    intro: 'The call center has sent you a new customer request.',
    subject: 'New request',
    reminder: (by: string) => `Reminder: this request was to be accepted by ${by} and is still waiting.`,
    reminderSubject: 'Request waiting',
    kinds: {
      'test-drive': 'Test drive',
      service: 'Service appointment',
      appraisal: 'Appraisal',
      information: 'Information',
      quote: 'Quote',
    },
    channels: { phone: 'phone', email: 'e-mail', sms: 'SMS', whatsapp: 'WhatsApp' },
    labels: {
      kind: 'Request',
      customer: 'Customer',
      contact: 'Contact',
      model: 'Model',
      vehicle: 'Vehicle',
      sku: 'Product code',
      times: 'Preferred times',
      notes: 'Notes',
    },
    button: 'Open the request',
  },
} as const;

const facts = (v: DealerRequestVars, language: Language): [string, string][] => {
  const w = words[language];
  const { details, channel, kind } = v.request;
  const rows: [string, string | undefined][] = [
    [w.labels.kind, w.kinds[kind]],
    [w.labels.customer, v.customerName],
    [w.labels.contact, v.contact ? `${v.contact} (${w.channels[channel]})` : w.channels[channel]],
    [w.labels.model, details.model],
    [w.labels.vehicle, details.vehicle],
    [w.labels.sku, details.sku],
    [w.labels.times, details.preferredTimes?.map((at) => istanbulDateTime(at, language)).join(', ')],
    [w.labels.notes, details.notes],
  ];
  return rows.filter((row): row is [string, string] => Boolean(row[1]));
};

/** A large button (a dealer often reads the mail on a phone) to the request's page in the console. */
const openButton = (requestId: string, words: string) => {
  const url = consoleLink('request', requestId);
  return url
    ? safeHtml`<p><a href="${url}" style="display:inline-block;padding:14px 22px;background:#0b6e4f;color:#fff;text-decoration:none;border-radius:6px">${words}</a></p>`
    : '';
};

const version = (language: Language) => {
  const w = words[language];
  const intro = (v: DealerRequestVars) =>
    v.overdue ? w.reminder(istanbulDateTime(v.request.acceptBy, language)) : w.intro;
  return {
    subject: (v: DealerRequestVars) =>
      `${v.overdue ? w.reminderSubject : w.subject}: ${w.kinds[v.request.kind]} ${recordNumber('request', v.request.requestId)}`,
    text: (v: DealerRequestVars) =>
      [
        intro(v),
        '',
        ...facts(v, language).map(([label, value]) => `${label}: ${value}`),
        '',
        recordReference(language, 'request', v.request.requestId),
      ].join('\n'),
    html: (v: DealerRequestVars) =>
      safeHtml`<p>${intro(v)}</p><dl>${facts(v, language).map(
        ([label, value]) =>
          safeHtml`<dt style="font-weight:bold">${label}</dt><dd style="margin:0 0 8px 0;white-space:pre-wrap">${value}</dd>`,
      )}</dl>${openButton(v.request.requestId, w.button)}<p style="color:#52606d;font-size:13px">${recordReference(
        language,
        'request',
        v.request.requestId,
      )}</p>`,
  };
};

export const dealerRequestMail = defineTemplate<DealerRequestVars>({
  name: 'dealer-request',
  optional: ['contact'],
  tr: version('tr'),
  en: version('en'),
});
