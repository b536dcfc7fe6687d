// The text rule over HTTP: control, invisible and bidi characters and lone surrogates are refused
// with a problem naming the field, on every route that takes free text; Turkish text, and the line
// breaks of multi-line fields, get through as typed.
import { beforeAll, describe, expect, it } from 'vitest';
import {
  bearer,
  captureLead,
  getLead,
  keys,
  mailTo,
  readProblem,
  send,
  settle,
  staffEmails,
  tableItemCount,
  uniquePerson,
} from '../support/e2e.js';
import {
  act,
  approvalPage,
  call,
  createQuote,
  getQuote,
  linksIn,
  newCustomer,
  quoteKeys,
  quoteMail,
  staffMail,
  submitLinkForm,
} from '../support/quotes.js';

const JSON_TYPE = { 'content-type': 'application/json' };
/** A form post that asks for problem JSON (a browser's gets an HTML page listing the problems). */
const FORM_TYPE = { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/problem+json' };

/** The paths a refused request's problem names; fails when the request was not a 400 validation problem. */
const refusedPaths = async (response: Response) => {
  const problem = await readProblem(response);
  expect([response.status, problem.code]).toEqual([400, 'validation-failed']);
  return [...new Set(problem.errors?.map((e) => e.path))];
};

describe('POST /leads', () => {
  it('refuses a name that would forge a line in the owner’s mail, and writes and mails nothing', async () => {
    const p = uniquePerson('forged-line');
    await settle();
    const before = await tableItemCount();
    const name = `${p.name}\nYeni sahip: ${staffEmails['rep-ayse']}`;
    const response = await send('/leads', {
      headers: JSON_TYPE,
      body: JSON.stringify({ name, email: p.email, city: 'İstanbul' }),
    });
    expect(await refusedPaths(response)).toEqual(['name']);
    await settle();
    expect(await tableItemCount()).toBe(before);
    expect(await mailTo(p.email)).toEqual([]);
  });

  it.each([
    ['company', 'C1 control', 'Acme\u0085Ltd'],
    ['city', 'right-to-left override', 'Van\u202egnp.exe'],
    ['region', 'isolate', 'Doğu\u2066Anadolu\u2069'],
    ['sector', 'zero-width space', 'Maki\u200bne'],
    ['productInterest', 'byte order mark', 'Fork\ufefflift'],
    ['source', 'line separator', 'web\u2028form'],
    ['message', 'NUL', 'Merhaba\u0000'],
    ['message', 'right-to-left override', 'Fiyat \u202e00.001 TL'],
  ])('refuses %s with a %s (JSON)', async (field, _, value) => {
    const p = uniquePerson('invisible');
    const response = await send('/leads', {
      headers: JSON_TYPE,
      body: JSON.stringify({ name: p.name, email: p.email, [field]: value }),
    });
    expect(await refusedPaths(response)).toEqual([field]);
  });

  it('refuses a lone surrogate sent as a JSON escape, and a CR in a one-line form field', async () => {
    const p = uniquePerson('surrogate');
    const raw = `{"name":${JSON.stringify(p.name)},"email":${JSON.stringify(p.email)},"company":"Acme \\ud800 A.Ş."}`;
    expect(await refusedPaths(await send('/leads', { headers: JSON_TYPE, body: raw }))).toEqual(['company']);
    const form = new URLSearchParams({ name: `${p.name}\r`, email: p.email, company: 'Acme\r\nBcc: x@example.com' });
    expect(await refusedPaths(await send('/leads', { headers: FORM_TYPE, body: form.toString() }))).toEqual([
      'company',
    ]);
  });

  it('keeps Turkish text as typed (NFC) and a form textarea’s line breaks as LF', async () => {
    const p = uniquePerson('turkish');
    const form = new URLSearchParams({
      name: 'Şükrü Çağlar-Öztürk',
      email: p.email,
      // İ and ş as a letter plus a combining mark, as some keyboards send them.
      company: 'I\u0307ğne Makina Ltd. S\u0327ti. & Ortakları (Ümraniye)',
      city: 'İSTANBUL',
      message: 'Merhaba,\r\n\r\n3 adet forklift için fiyat: %18 KDV dahil mi? <3\r\nİyi çalışmalar.',
    });
    const response = await send('/leads', { headers: FORM_TYPE, body: form.toString() });
    expect(response.status, await response.clone().text()).toBe(201);
    const { leadId } = (await response.json()) as { leadId: string };
    const lead = (await getLead(leadId)) as Awaited<ReturnType<typeof getLead>> & { company: string; message: string };
    expect(lead.name).toBe('Şükrü Çağlar-Öztürk');
    expect(lead.company).toBe('İğne Makina Ltd. Şti. & Ortakları (Ümraniye)');
    expect(lead.message).toBe('Merhaba,\n\n3 adet forklift için fiyat: %18 KDV dahil mi? <3\nİyi çalışmalar.');
  });
});

describe('POST /leads/{id}/notes', () => {
  let leadId: string;
  beforeAll(async () => {
    const p = uniquePerson('notes');
    ({ leadId } = await captureLead({ name: p.name, email: p.email }));
  });

  const note = (text: string) =>
    send(`/leads/${leadId}/notes`, {
      headers: { ...JSON_TYPE, ...bearer(keys().manager) },
      body: JSON.stringify({ text }),
    });

  it.each([
    ['zero-width joiner', 'Aradım\u200d, ulaşılamadı'],
    ['bidi embedding', 'Aradım \u202bulaşılamadı'],
    ['escape sequence', 'Aradım \u001b[2J'],
    ['lone surrogate', 'Aradım \udc00'],
  ])('refuses a note with a %s, naming text', async (_, text) => {
    expect(await refusedPaths(await note(text))).toEqual(['text']);
  });

  it('keeps a multi-line Turkish note', async () => {
    const response = await note('Müşteri aradı:\n\t- İki forklift\n\t- Çatal uzatma');
    expect(response.status).toBe(201);
    expect(((await response.json()) as { text: string }).text).toBe(
      'Müşteri aradı:\n\t- İki forklift\n\t- Çatal uzatma',
    );
  });
});

describe('quotes', () => {
  let customerId: string;
  beforeAll(async () => {
    ({ customerId } = await newCustomer('quote-text'));
  });

  it('refuses notes and SKUs with characters the rule refuses, naming each field', async () => {
    const k = quoteKeys();
    const body = {
      customerId,
      priceListId: 'tr-standart',
      lines: [{ sku: 'TP\n20', quantity: 1 }],
      notes: 'Teslim\u2028İzmir',
    };
    const created = await call<{ code: string; errors: { path: string }[] }>('POST', '/quotes', k.repAyse, body);
    expect(created.status, created.text).toBe(400);
    expect(created.body.errors.map((e) => e.path).sort()).toEqual(['lines.0.sku', 'notes']);

    const quote = await createQuote(k.repAyse, {
      customerId,
      priceListId: 'tr-standart',
      lines: [{ sku: 'TP-20', quantity: 1 }],
    });
    const edited = await call<{ errors: { path: string }[] }>('PATCH', `/quotes/${quote.quoteId}`, k.repAyse, {
      notes: 'Ödeme \u2067peşin',
    });
    expect(edited.status, edited.text).toBe(400);
    expect(edited.body.errors.map((e) => e.path)).toEqual(['notes']);
    const kept = await call<{ notes: string }>('PATCH', `/quotes/${quote.quoteId}`, k.repAyse, {
      notes: 'Ödeme peşin.\nTeslim: İzmir, 3 gün.',
    });
    expect(kept.status, kept.text).toBe(200);
    expect(kept.body.notes).toBe('Ödeme peşin.\nTeslim: İzmir, 3 gün.');
  });

  it('refuses a rejection reason with a control character, through the API and through the approval page', async () => {
    const k = quoteKeys();
    // 15% off a forklift: over the 10% rule, so a sales manager must approve.
    const draft = await createQuote(k.repAyse, {
      customerId,
      priceListId: 'tr-standart',
      lines: [{ sku: 'FL-25E', quantity: 1, discountBp: 1500 }],
    });
    const submitted = await act(draft.quoteId, 'submit', k.repAyse, { seq: draft.seq });
    expect(submitted.body.status).toBe('pending_approval');

    const viaApi = await act(draft.quoteId, 'reject', k.manager, { reason: 'Marj düşük\u0085Bcc: x@example.com' });
    expect(viaApi.status, viaApi.text).toBe(400);
    expect(viaApi.body.errors?.map((e) => e.path)).toEqual(['reason']);

    await settle();
    const [toZeynep] = await quoteMail(staffMail['mgr-zeynep'], draft.quoteId);
    const [, rejectUrl] = linksIn(toZeynep, '/quote-links/approval');
    expect((await approvalPage(rejectUrl!)).status).toBe(200);
    const viaPage = await submitLinkForm(rejectUrl!, { reason: 'Marj \u202edüşük' });
    expect(viaPage.status).toBe(400);
    expect(viaPage.html).toContain('denetim ve görünmez karakterler içeremez');
    expect((await getQuote(draft.quoteId)).status).toBe('pending_approval');

    const rejected = await submitLinkForm(rejectUrl!, { reason: 'Marj çok düşük.\r\nİndirimi %10’a çekin.' });
    expect(rejected.status).toBe(200);
    const quote = await getQuote(draft.quoteId);
    expect([quote.status, quote.rejection?.reason]).toEqual(['rejected', 'Marj çok düşük.\nİndirimi %10’a çekin.']);
    await settle();
  });
});

describe('catalogue import', () => {
  it('reports a product name with a zero-width space by file line and column, and imports nothing', async () => {
    const admin = quoteKeys().catalogueAdmin;
    const csv = [
      'sku,name_tr,name_en,description_tr,description_en,unit,category,cost,cost_currency,tax_rate,active',
      // A description may hold a line break: this record takes lines 2 and 3.
      'FT-1,Çatal uzatma,Fork extension,"İki satır\naçıklama",,adet,aksesuar,1200.00,TRY,20,true',
      'FT-2,Kab\u200bin,Cabin,,,adet,aksesuar,100.00,TRY,20,true',
      'FT-3,Ayna,Mirror\u202e,,,adet,aksesuar,50.00,TRY,20,true',
    ].join('\n');
    const refused = await call<{ code: string; errors: { line: number; path: string }[] }>(
      'POST',
      '/catalogue/products',
      admin,
      csv,
      {
        'content-type': 'text/csv',
      },
    );
    expect([refused.status, refused.body.code], refused.text).toEqual([422, 'import-failed']);
    expect(refused.body.errors.map((e) => [e.line, e.path])).toEqual([
      [4, 'name_tr'],
      [5, 'name_en'],
    ]);
    const products = await call<{ sku: string }[]>('GET', '/catalogue/products?format=json', admin);
    expect(JSON.stringify(products.body)).not.toContain('FT-1');
  });
});
