// What an access request answers (KVKK art. 11), the pure part: every item of the person's partition
// as stored, without the table's keys, grouped the way the record shows it — profile, consents with
// their evidence, each part of the record, and whatever else is kept about them (histories, notes,
// figures) by item type — and the same as a document the person can read, in their language.
import { SafeHtml, safeHtml } from '../../../shared/html.js';
import type { Language } from '../../../shared/language.js';
import { fromItem } from '../../../shared/table.js';
import { istanbulDateTime } from '../../../shared/time.js';

type Item = Record<string, unknown>;

export interface PersonExport {
  profile: Item;
  consents: Item[];
  /** Each part of the record by its name (leads, quotes, orders, cases, …), newest first. */
  parts: Record<string, Item[]>;
  /** Everything else kept in the person's partition, by item type. */
  other: Record<string, Item[]>;
}

/** JSON has no sets: a stored set (the owners) becomes a sorted list. */
const plain = (value: unknown): unknown => {
  if (value instanceof Set) return [...value].map(plain).sort();
  if (Array.isArray(value)) return value.map(plain);
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([name, inner]) => [name, plain(inner)]));
  }
  return value;
};

const stored = (item: Item) => plain(fromItem<Item>(item)) as Item;

export const personExport = (items: readonly Item[], parts: readonly (readonly [string, string])[]): PersonExport => {
  const partOfType = new Map(parts.map(([name, type]) => [type, name]));
  const result: PersonExport = {
    profile: {},
    consents: [],
    parts: Object.fromEntries(parts.map(([name]) => [name, []])),
    other: {},
  };
  for (const item of items) {
    const type = String(item.type);
    const part = partOfType.get(type);
    if (type === 'customer') result.profile = stored(item);
    else if (type === 'consent') result.consents.push(stored(item));
    else if (part) result.parts[part]!.push(stored(item));
    else result.other[type] = [...(result.other[type] ?? []), stored(item)];
  }
  return result;
};

const words = {
  tr: {
    title: 'Hakkınızda tuttuğumuz kişisel veriler',
    intro:
      '6698 sayılı Kişisel Verilerin Korunması Kanunu’nun 11. maddesi uyarınca talebiniz üzerine hazırlanmıştır. ' +
      'Aşağıda CRM’de sizinle ilgili tutulan bütün kayıtlar yer alır.',
    generated: 'Hazırlanma zamanı',
    profile: 'Profil',
    consents: 'İzinler ve kanıtları',
    other: 'Diğer kayıtlar',
    none: 'Kayıt yok.',
  },
  en: {
    title: 'The personal data we hold about you',
    intro:
      'Prepared at your request under article 11 of the Turkish Personal Data Protection Law (No. 6698). ' +
      'It lists every record the CRM holds about you.',
    generated: 'Prepared at',
    profile: 'Profile',
    consents: 'Consents and their evidence',
    other: 'Other records',
    none: 'No records.',
  },
} as const;

const partTitles: Record<string, { tr: string; en: string }> = {
  leads: { tr: 'Başvurular', en: 'Enquiries' },
  quotes: { tr: 'Teklifler', en: 'Quotes' },
  orders: { tr: 'Siparişler', en: 'Orders' },
  cases: { tr: 'Şikâyet ve talepler', en: 'Complaints and cases' },
  contacts: { tr: 'İlgili kişiler', en: 'Contact people' },
  timeline: { tr: 'Görüşmeler, aramalar ve gönderilen iletiler', en: 'Meetings, calls and messages sent' },
  opportunities: { tr: 'Satış fırsatları', en: 'Sales opportunities' },
  requests: { tr: 'Bayi talepleri', en: 'Requests to dealers' },
  points: { tr: 'Sadakat puanları', en: 'Loyalty points' },
  invoices: { tr: 'Faturalar', en: 'Invoices' },
  payments: { tr: 'Ödemeler', en: 'Payments' },
  instalments: { tr: 'Taksit planları', en: 'Instalment plans' },
};

/** Text as it is; anything else (a number, a list, an object, null) as JSON. */
const value = (v: unknown) => (typeof v === 'string' ? v : JSON.stringify(v));

const table = (item: Item) =>
  safeHtml`<table>${Object.entries(item).map(
    ([name, v]) => safeHtml`<tr><th scope="row">${name}</th><td>${value(v)}</td></tr>`,
  )}</table>`;

const section = (title: string, items: readonly Item[], none: string) =>
  safeHtml`<section><h2>${title}</h2>${items.length ? items.map(table) : safeHtml`<p>${none}</p>`}</section>`;

/** The export as a self-contained HTML page in the person's language: every value escaped. */
export const exportDocument = (data: PersonExport, language: Language, generatedAt: string) => {
  const w = words[language];
  const parts = Object.entries(data.parts).map(([name, items]) =>
    section(partTitles[name]?.[language] ?? name, items, w.none),
  );
  const other = Object.entries(data.other).map(([type, items]) => section(`${w.other}: ${type}`, items, w.none));
  const style = new SafeHtml(
    '<style>body{font-family:Arial,Helvetica,sans-serif;max-width:900px;margin:0 auto;padding:16px;color:#1f2933}' +
      'table{border-collapse:collapse;margin:8px 0 16px;width:100%}th,td{border:1px solid #ccd;padding:4px 8px;' +
      'text-align:left;vertical-align:top;word-break:break-word}th{width:30%;background:#f4f6f8}</style>',
  );
  return safeHtml`<!doctype html><html lang="${language}"><head><meta charset="utf-8"><title>${w.title}</title>${style}</head><body><h1>${w.title}</h1><p>${w.intro}</p><p>${w.generated}: ${istanbulDateTime(generatedAt, language)}</p>${section(w.profile, [data.profile], w.none)}${section(w.consents, data.consents, w.none)}${parts}${other}</body></html>`
    .value;
};
