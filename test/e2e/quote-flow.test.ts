// Quotes end to end over HTTP on the local stack: draft → approval (API and signed links) → sent
// with its PDF → accepted → order; the mail in the SES store; every event against its schema;
// replayed, expired and tampered links; concurrent approvals; revisions; lists, reports; the sweeps.
import { PDFDocument } from 'pdf-lib';
import { beforeAll, describe, expect, it } from 'vitest';
import { approvalLink } from '../../functions/quote-approval/links.js';
import { api, settle } from '../support/e2e.js';
import {
  act,
  approvalPage,
  backdate,
  call,
  createQuote,
  eventsOf,
  expectCatalogued,
  fireSchedule,
  getQuote,
  importFile,
  linksIn,
  newCustomer,
  outcomeOf,
  type QuoteView,
  quoteKeys,
  quoteMail,
  quoteMailsTo,
  staffMail,
  submitLinkForm,
} from '../support/quotes.js';

const k = () => quoteKeys();
/** 15% off one forklift: over the 10% rule, so the sales managers approve. */
const managerLines = [
  { sku: 'FL-25E', quantity: 2, discountBp: 1500 },
  { sku: 'MNT-Y', quantity: 1 },
];
/** Within every limit: approved by the policy itself. */
const calmLines = [{ sku: 'TP-20', quantity: 4, discountBp: 500 }];

const submitted = async (customerId: string, lines: unknown[] = managerLines, extra: Record<string, unknown> = {}) => {
  const quote = await createQuote(k().repAyse, { customerId, priceListId: 'tr-standart', lines, ...extra });
  const reply = await act(quote.quoteId, 'submit', k().repAyse, { seq: quote.seq });
  expect(reply.status, reply.text).toBe(200);
  return reply.body;
};

beforeAll(async () => {
  await settle();
});

describe('draft → approved → sent → accepted → order', () => {
  // The whole path, and the first use in this stack of the quote PDF and of every handler on it: cold, it may
  // take a minute beside the other suites.
  it('runs the whole path over HTTP, with every mail in the SES store and every event in the catalogue', async () => {
    const customer = await newCustomer('quote-path');
    const draft = await createQuote(k().repAyse, {
      customerId: customer.customerId,
      priceListId: 'tr-standart',
      lines: managerLines,
      paymentTerms: { type: 'instalments', count: 3, firstDueDate: '2027-01-15' },
    });
    expect(draft).toMatchObject({
      status: 'draft',
      version: 1,
      seq: 1,
      currency: 'TRY',
      language: 'tr',
      ownerId: 'rep-ayse',
    });
    // 2 × 950 000.00 − 15% + 38 000.00 = 1 653 000.00 net, 20% KDV.
    expect(draft.totals.grandTotal).toEqual({ amount: 198_360_000, currency: 'TRY' });

    const edited = await call<QuoteView>('PATCH', `/quotes/${draft.quoteId}`, k().repAyse, {
      notes: 'Teslimat 4 hafta.',
      seq: 1,
    });
    expect(edited.status, edited.text).toBe(200);
    expect(edited.body.seq).toBe(2);

    const submit = await act(draft.quoteId, 'submit', k().repAyse, { seq: 2 });
    expect(submit.status, submit.text).toBe(200);
    expect(submit.body).toMatchObject({ status: 'pending_approval', approval: { steps: 1, approved: 0 } });
    expect(submit.body.approvalSteps).toEqual([
      expect.objectContaining({ role: 'manager', ruleIds: ['discount-over-10'] }),
    ]);
    await settle();

    // Both sales managers are asked, each in their language; the rep and the director are not.
    const [toZeynep] = await quoteMail(staffMail['mgr-zeynep'], draft.quoteId);
    const [toSelin] = await quoteMail(staffMail['mgr-selin'], draft.quoteId);
    expect(toZeynep?.subject).toMatch(/^Onayınız bekleniyor: Q-/);
    expect(toSelin?.subject).toMatch(/^Your approval is needed: Q-/);
    expect(toZeynep?.body.text).toContain('İndirim (%14,71) %10 sınırını aşıyor.');
    expect(await quoteMail(staffMail['dir-kemal'], draft.quoteId)).toEqual([]);
    const [approveUrl, rejectUrl] = linksIn(toZeynep, '/quote-links/approval');
    expect(approveUrl).toBeDefined();
    expect(rejectUrl).toBeDefined();

    // The approval page shows the quote, the rule, and the button; opening it changes nothing.
    const shown = await approvalPage(approveUrl!);
    expect(shown.status).toBe(200);
    expect(shown.html).toContain('discount-over-10');
    expect(shown.html).toContain('₺1.983.600,00');
    expect(shown.html).toContain('Onayla');
    expect((await getQuote(draft.quoteId)).status).toBe('pending_approval');

    const approved = await submitLinkForm(approveUrl!);
    expect(approved.status).toBe(200);
    expect(outcomeOf(approved.html)).toBe('approvedFinal');
    await settle();

    // Approved → sent to the customer, in Turkish, with the PDF attached.
    const sent = await getQuote(draft.quoteId, k().repAyse);
    expect(sent.status).toBe('sent');
    expect(sent.mailedAt).toBeDefined();
    const customerMails = await quoteMailsTo(customer.email);
    expect(customerMails).toHaveLength(1);
    const mail = customerMails[0]!;
    expect(mail.subject).toBe(`Teklifimiz Q-${draft.quoteId.slice(-8)} — ₺1.983.600,00`);
    expect(mail.body.html).toContain('Akülü forklift 2,5 ton');
    expect(mail.body.text).toContain('15.01.2027  ₺661.200,00');
    expect(mail.attachments?.map((a) => [a.filename, a.contentType])).toEqual([
      [`Q-${draft.quoteId.slice(-8)}-1.pdf`, 'application/pdf'],
    ]);
    const pdf = Buffer.from(mail.attachments![0]!.content, 'base64');
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    const document = await PDFDocument.load(pdf);
    expect(document.getPageCount()).toBe(1);
    expect(document.getTitle()).toBe(`Teklif Q-${draft.quoteId.slice(-8)}`);

    // The staff download is the same document.
    const download = await fetch(`${api()}/quotes/${draft.quoteId}/pdf`, {
      headers: { authorization: `Bearer ${k().repAyse}` },
    });
    expect(download.status).toBe(200);
    expect(download.headers.get('content-type')).toBe('application/pdf');
    expect((await PDFDocument.load(await download.arrayBuffer())).getPageCount()).toBe(1);

    // The customer accepts through the link in the mail.
    const [acceptUrl, declineUrl] = linksIn(mail, '/quote-links/answer');
    const answerPage = await approvalPage(acceptUrl!);
    expect(answerPage.status).toBe(200);
    expect(answerPage.html).toContain('Teklifi kabul ediyorum');
    const accepted = await submitLinkForm(acceptUrl!);
    expect(accepted.status).toBe(200);
    expect(outcomeOf(accepted.html)).toBe('accepted');
    await settle();

    const done = await getQuote(draft.quoteId, k().repAyse);
    expect(done.status).toBe('accepted');
    expect(done.orderId).toBe(draft.quoteId);
    expect(done.order).toMatchObject({
      orderId: draft.quoteId,
      currency: 'TRY',
      lines: [{ sku: 'FL-25E' }, { sku: 'MNT-Y' }],
      totals: { grandTotal: { amount: 198_360_000 } },
    });

    // Used links change nothing and say so.
    const replayedApproval = await submitLinkForm(approveUrl!);
    expect([replayedApproval.status, outcomeOf(replayedApproval.html)]).toEqual([409, 'decided']);
    const replayedReject = await submitLinkForm(rejectUrl!, { reason: 'geç kaldım' });
    expect([replayedReject.status, outcomeOf(replayedReject.html)]).toEqual([409, 'decided']);
    const replayedAccept = await submitLinkForm(acceptUrl!);
    expect([replayedAccept.status, outcomeOf(replayedAccept.html)]).toEqual([409, 'answered']);
    const lateDecline = await submitLinkForm(declineUrl!);
    expect([lateDecline.status, outcomeOf(lateDecline.html)]).toEqual([409, 'answered']);
    await settle();
    expect((await getQuote(draft.quoteId)).status).toBe('accepted');

    // The event trail: thin, in order, each one valid against the catalogue. The ERP's stock check answers
    // OrderCreated beside routing, in either order: its events are counted apart.
    const events = await eventsOf(draft.quoteId);
    expect(events.filter((e) => e['detail-type'] === 'StockChecked')).toHaveLength(1);
    expect(events.filter((e) => e.source !== 'crm.erp').map((e) => e['detail-type'])).toEqual([
      'QuoteCreated',
      'QuoteSubmitted',
      'QuoteApprovalRequested',
      'QuoteApprovalGiven',
      'QuoteApproved',
      'QuoteSent',
      'QuoteAccepted',
      'OrderCreated',
      'OrderRouted',
    ]);
    expectCatalogued(events);
    const published = JSON.stringify(events);
    for (const personal of [customer.email, customer.name, customer.phone, 'Teslimat 4 hafta']) {
      expect(published).not.toContain(personal);
    }
    expect(events.filter((e) => e['detail-type'] === 'OrderCreated')).toHaveLength(1);
  }, 150_000);

  it('answers a tampered, a foreign and an expired link with a clear page, and changes nothing', async () => {
    const customer = await newCustomer('quote-links');
    const quote = await submitted(customer.customerId);
    await settle();
    const [toZeynep] = await quoteMail(staffMail['mgr-zeynep'], quote.quoteId);
    const [approveUrl] = linksIn(toZeynep, '/quote-links/approval');
    const url = new URL(approveUrl!);
    const token = url.searchParams.get('token')!;
    const [payload, signature] = token.split('.');

    // A claim changed (another approver's id) with the old signature: invalid.
    const forged = Buffer.from(payload!, 'base64url').toString().replace('mgr-zeynep', 'mgr-selin');
    url.searchParams.set('token', `${Buffer.from(forged).toString('base64url')}.${signature}`);
    for (const response of [await approvalPage(url.toString()), await submitLinkForm(url.toString())]) {
      expect([response.status, outcomeOf(response.html)]).toEqual([403, 'invalid']);
    }
    // No token, garbage, and an approval token on the customer's page.
    expect((await approvalPage(`${url.origin}/quote-links/approval`)).status).toBe(403);
    expect((await approvalPage(`${url.origin}/quote-links/approval?token=abc.def`)).status).toBe(403);
    expect(
      outcomeOf((await approvalPage(`${url.origin}/quote-links/answer?token=${encodeURIComponent(token)}`)).html),
    ).toBe('invalid');

    // A link past its time, signed as the CRM signs them.
    // (The stack's global setup put its signing secret in the environment the test workers inherit.)
    expect(process.env.SIGNING_SECRET).toBeTruthy();
    const claims = {
      customerId: quote.customerId,
      quoteId: quote.quoteId,
      version: 1,
      step: 0,
      userId: 'mgr-zeynep',
      action: 'approve' as const,
    };
    const expired = new URL(
      await approvalLink.url(claims, { now: new Date(Date.now() - 73 * 3600 * 1000) }),
    ).searchParams.get('token')!;
    for (const response of [
      await approvalPage(`${url.origin}/quote-links/approval?token=${encodeURIComponent(expired)}`),
      await submitLinkForm(`${url.origin}/quote-links/approval?token=${encodeURIComponent(expired)}`),
    ]) {
      expect([response.status, outcomeOf(response.html)]).toEqual([410, 'expired']);
    }
    // Rejecting through the page asks for a reason first.
    const [, rejectUrl] = linksIn(toZeynep, '/quote-links/approval');
    const noReason = await submitLinkForm(rejectUrl!, { reason: '   ' });
    expect(noReason.status).toBe(400);
    expect(noReason.html).toContain('Reddetmek için bir gerekçe yazın.');
    expect((await getQuote(quote.quoteId)).status).toBe('pending_approval');
    expect(await eventsOf(quote.quoteId).then((events) => events.map((e) => e['detail-type']))).toEqual([
      'QuoteCreated',
      'QuoteSubmitted',
      'QuoteApprovalRequested',
    ]);
  });
});

describe('approving through the API', () => {
  it('two managers approving at once: one 200 and one 409 problem', async () => {
    const customer = await newCustomer('quote-race');
    const quote = await submitted(customer.customerId);
    const replies = await Promise.all([
      act(quote.quoteId, 'approve', k().manager, { step: 0 }),
      act(quote.quoteId, 'approve', k().managerSelin, { step: 0 }),
    ]);
    expect(replies.map((r) => r.status).sort()).toEqual([200, 409]);
    const loser = replies.find((r) => r.status === 409)!;
    expect(loser.type).toMatch(/^application\/problem\+json/);
    expect(['quote-changed', 'step-already-decided', 'illegal-transition']).toContain(loser.body.code!);
    await settle();
    const events = (await eventsOf(quote.quoteId)).map((e) => e['detail-type']);
    expect(events.filter((t) => t === 'QuoteApproved')).toHaveLength(1);
    expect(events.filter((t) => t === 'QuoteSent')).toHaveLength(1);
    expect(await quoteMailsTo(customer.email)).toHaveLength(1);
  });

  it('checks the scope and the role the step names; the director approves the second step', async () => {
    const customer = await newCustomer('quote-roles');
    // 26% off: the manager, then the director.
    const quote = await submitted(customer.customerId, [{ sku: 'FL-35D', quantity: 1, discountBp: 2600 }]);
    expect(quote.approvalSteps?.map((s) => s.role)).toEqual(['manager', 'director']);
    const rep = await act(quote.quoteId, 'approve', k().repAyse);
    expect(rep.status).toBe(403); // no quotes:approve scope: refused at the gateway
    const director = await act(quote.quoteId, 'approve', k().director);
    expect(director.status).toBe(403);
    expect(director.body.detail).toContain('manager');
    const manager = await act(quote.quoteId, 'approve', k().manager, { step: 0 });
    expect(manager.body).toMatchObject({ status: 'pending_approval', approval: { approved: 1 } });
    await settle();
    const [toKemal] = await quoteMail(staffMail['dir-kemal'], quote.quoteId);
    expect(toKemal?.body.text).toContain('adım 2 / 2');
    // Awaiting the director: listed for him, not for the managers any more.
    const waiting = await call<{ quotes: { quoteId: string }[] }>('GET', '/quotes?awaiting=me', k().director);
    expect(waiting.body.quotes.map((q) => q.quoteId)).toContain(quote.quoteId);
    const managerWaiting = await call<{ quotes: { quoteId: string }[] }>('GET', '/quotes?awaiting=me', k().manager);
    expect(managerWaiting.body.quotes.map((q) => q.quoteId)).not.toContain(quote.quoteId);
    const final = await act(quote.quoteId, 'approve', k().director, { step: 1 });
    expect(final.status, final.text).toBe(200);
    expect(final.body.status).toBe('approved');
    await settle();
    expect((await getQuote(quote.quoteId)).status).toBe('sent');
  });

  it('a rejection reaches the owner with its reason; a revision makes version 2 and keeps version 1', async () => {
    const customer = await newCustomer('quote-revise');
    const quote = await submitted(customer.customerId);
    const noReason = await act(quote.quoteId, 'reject', k().manager, {});
    expect(noReason.status).toBe(400);
    expect(noReason.body.errors?.[0]?.path).toBe('reason');
    const rejected = await act(quote.quoteId, 'reject', k().manager, { reason: 'İndirim fazla; en çok %10.' });
    expect(rejected.body).toMatchObject({ status: 'rejected' });
    await settle();
    const [notice] = await quoteMail(staffMail['rep-ayse'], quote.quoteId);
    expect(notice?.subject).toMatch(/^Teklif reddedildi/);
    expect(notice?.body.text).toContain('İndirim fazla; en çok %10.');
    // Staff mail names the quote and how to open it; it links to no API URL (a browser gets 401 there).
    expect(notice?.body.text).toContain(quote.quoteId);
    // The link opens the quote's page in the console (a hash route), never an API path a browser gets 401 on.
    expect(notice?.body.text).toContain(`/console/#/quotes/${quote.quoteId}`);
    expect(`${notice?.body.text} ${notice?.body.html}`).not.toMatch(/https?:\/\/[^\s"<#]*\/quotes\//);
    expect(JSON.stringify(await eventsOf(quote.quoteId))).not.toContain('İndirim fazla');

    const revised = await act(quote.quoteId, 'revise', k().repAyse, {});
    expect(revised.status, revised.text).toBe(201);
    // seq counts on across versions: a screen of version 1 (at the rejected seq) is stale for version 2.
    expect(revised.body).toMatchObject({ status: 'draft', version: 2, seq: rejected.body.seq + 1 });
    const stale = await act(quote.quoteId, 'submit', k().repAyse, { seq: rejected.body.seq });
    expect(stale.status).toBe(409);
    expect(stale.body.code).toBe('quote-changed');
    const current = await getQuote(quote.quoteId, k().repAyse);
    expect(current).toMatchObject({ version: 2, status: 'draft' });
    expect((current as unknown as { versions: { version: number }[] }).versions.map((v) => v.version)).toEqual([1, 2]);
    const first = await call<QuoteView>('GET', `/quotes/${quote.quoteId}/versions/1`, k().repAyse);
    expect(first.body).toMatchObject({
      version: 1,
      status: 'rejected',
      rejection: { reason: 'İndirim fazla; en çok %10.' },
    });
    expect((await call('GET', `/quotes/${quote.quoteId}/versions/3`, k().repAyse)).status).toBe(404);
    // Version 2 with a smaller discount is within limits: approved by the policy and sent.
    const fixed = await call<QuoteView>('PATCH', `/quotes/${quote.quoteId}`, k().repAyse, {
      lines: [{ sku: 'FL-25E', quantity: 2, discountBp: 900 }],
    });
    expect(fixed.status, fixed.text).toBe(200);
    expect((await act(quote.quoteId, 'submit', k().repAyse)).body.status).toBe('approved');
    await settle();
    const mails = await quoteMailsTo(customer.email);
    expect(mails).toHaveLength(1);
    expect(mails[0]!.attachments?.[0]?.filename).toMatch(/-2\.pdf$/);
  });

  it('staff record the customer’s answer; a declined quote makes no order', async () => {
    const customer = await newCustomer('quote-staff-answer', 'en');
    const quote = await submitted(customer.customerId, calmLines);
    expect(quote.status).toBe('approved');
    await settle();
    const sent = await getQuote(quote.quoteId, k().repAyse);
    expect(sent).toMatchObject({ status: 'sent', language: 'en' });
    expect((await quoteMailsTo(customer.email)).map((m) => m.subject)).toEqual([
      `Our quotation Q-${quote.quoteId.slice(-8)} — ₺84,360.00`,
    ]);
    const stale = await act(quote.quoteId, 'answer', k().repAyse, { answer: 'declined', seq: 1 });
    expect(stale.status).toBe(409);
    const declined = await act(quote.quoteId, 'answer', k().repAyse, { answer: 'declined', seq: sent.seq });
    expect(declined.status, declined.text).toBe(200);
    await settle();
    const after = await getQuote(quote.quoteId);
    expect(after.status).toBe('declined');
    expect(after.orderId).toBeUndefined();
    expect((await eventsOf(quote.quoteId)).map((e) => e['detail-type'])).not.toContain('OrderCreated');
  });

  it('a retried create with the same Idempotency-Key makes one quote', async () => {
    const customer = await newCustomer('quote-idem');
    const body = { customerId: customer.customerId, priceListId: 'eu-export', lines: [{ sku: 'TP-20', quantity: 1 }] };
    const headers = { 'idempotency-key': `quote-${customer.customerId}` };
    const first = await call<QuoteView>('POST', '/quotes', k().repAyse, body, headers);
    const again = await call<QuoteView>('POST', '/quotes', k().repAyse, body, headers);
    expect([first.status, again.status]).toEqual([201, 201]);
    expect(again.body.quoteId).toBe(first.body.quoteId);
    expect(first.body.currency).toBe('EUR');
    expect(first.body.grandTotalTry.currency).toBe('TRY');
    const reused = await call(
      'POST',
      '/quotes',
      k().repAyse,
      { ...body, lines: [{ sku: 'TP-20', quantity: 2 }] },
      headers,
    );
    expect(reused.status).toBe(422);
  });
});

describe('sending exactly once', () => {
  it('an approval racing ten parallel staff sends mails the customer one quote', async () => {
    const customer = await newCustomer('quote-once');
    const quote = await submitted(customer.customerId);
    await settle();
    const approved = await act(quote.quoteId, 'approve', k().manager, { step: 0 });
    expect(approved.status, approved.text).toBe(200);
    // The approval's own send (QuoteApproved) runs meanwhile on the local bus.
    const sends = await Promise.all(Array.from({ length: 10 }, () => act(quote.quoteId, 'send', k().repAyse)));
    await settle();
    for (const reply of sends) expect([200, 409], reply.text).toContain(reply.status);
    expect(sends.filter((r) => r.status === 200).length).toBeLessThanOrEqual(1);
    for (const refused of sends.filter((r) => r.status === 409)) {
      expect(['already-sent', 'quote-changed', 'illegal-transition']).toContain(refused.body.code);
    }
    expect(await quoteMailsTo(customer.email)).toHaveLength(1);
    const sent = await getQuote(quote.quoteId);
    expect(sent.status).toBe('sent');
    expect(sent.mailedAt).toBeDefined();
    // And once more, after it all: still one mail.
    expect((await act(quote.quoteId, 'send', k().repAyse)).status).toBe(409);
    await settle();
    expect(await quoteMailsTo(customer.email)).toHaveLength(1);
  });
});

describe('bad requests', () => {
  it('gets a 4xx problem for every malformed or impossible request, and no 5xx', async () => {
    const customer = await newCustomer('quote-hostile');
    const ok = { customerId: customer.customerId, priceListId: 'tr-standart', lines: [{ sku: 'TP-20', quantity: 1 }] };
    const cases: [string, unknown, number][] = [
      ['empty', {}, 400],
      ['no lines', { ...ok, lines: [] }, 400],
      ['zero quantity', { ...ok, lines: [{ sku: 'TP-20', quantity: 0 }] }, 400],
      ['fractional quantity', { ...ok, lines: [{ sku: 'TP-20', quantity: 1.5 }] }, 400],
      ['discount over 100%', { ...ok, lines: [{ sku: 'TP-20', quantity: 1, discountBp: 10_001 }] }, 400],
      ['a price from the caller', { ...ok, lines: [{ sku: 'TP-20', quantity: 1, unitPrice: 1 }] }, 400],
      ['forged status', { ...ok, status: 'approved' }, 400],
      ['unknown price list', { ...ok, priceListId: 'nope' }, 422],
      ['unknown customer', { ...ok, customerId: 'NOPE' }, 422],
      ['unknown product', { ...ok, lines: [{ sku: 'NOPE', quantity: 1 }] }, 422],
      ['validity in the past', { ...ok, validUntil: '2020-01-01' }, 422],
      ['not a date', { ...ok, validUntil: '2027-02-30' }, 400],
      [
        'shares not adding up',
        { ...ok, paymentTerms: { type: 'shares', parts: [{ dueDate: '2027-01-01', shareBp: 5000 }] } },
        400,
      ],
      ['markup as a sku', { ...ok, lines: [{ sku: '<script>alert(1)</script>', quantity: 1 }] }, 422],
      ['not JSON', '{"customerId":', 400],
    ];
    for (const [name, body, status] of cases) {
      const reply = await call(
        'POST',
        '/quotes',
        k().repAyse,
        body,
        typeof body === 'string' ? { 'content-type': 'application/json' } : {},
      );
      expect(reply.status, `${name}: ${reply.text}`).toBe(status);
      expect(reply.type, name).toMatch(/^application\/problem\+json/);
    }
    const wrongType = await call('POST', '/quotes', k().repAyse, 'a=b', { 'content-type': 'text/plain' });
    expect(wrongType.status).toBe(415);
    for (const path of ['/quotes/nope', '/quotes/01ARZ3NDEKTSV4RRFFQ69G5FAV', '/quotes/../catalogue/products']) {
      expect((await call('GET', path, k().repAyse)).status, path).toBeGreaterThanOrEqual(400);
      expect((await call('GET', path, k().repAyse)).status, path).toBeLessThan(500);
    }
    expect((await act('01ARZ3NDEKTSV4RRFFQ69G5FAV', 'submit', k().repAyse)).status).toBe(404);
  });
});

describe('who sees what', () => {
  it('reps see their own quotes; a team manager the team’s; the sales manager everyone’s', async () => {
    const customer = await newCustomer('quote-lists', 'tr', ['rep-ayse', 'rep-john']);
    const ayse = await createQuote(k().repAyse, {
      customerId: customer.customerId,
      priceListId: 'tr-standart',
      lines: calmLines,
    });
    const john = await createQuote(k().repJohn, {
      customerId: customer.customerId,
      priceListId: 'eu-export',
      lines: calmLines,
    });
    // A customer John was never assigned is, to him, no customer at all: the same answer as a made-up id.
    const aysesOnly = await newCustomer('quote-not-johns');
    const notHis = await call('POST', '/quotes', k().repJohn, {
      customerId: aysesOnly.customerId,
      priceListId: 'eu-export',
      lines: calmLines,
    });
    const madeUp = await call('POST', '/quotes', k().repJohn, {
      customerId: '01ARZ3NDEKTSV4RRFFQ69G5FAV',
      priceListId: 'eu-export',
      lines: calmLines,
    });
    expect(notHis.status).toBe(422);
    expect(notHis.body).toMatchObject({ code: 'customer-not-found', errors: [{ path: 'customerId' }] });
    expect(notHis.body).toEqual(madeUp.body);
    expect((await call('GET', `/quotes/${ayse.quoteId}`, k().repJohn)).status).toBe(404);
    expect((await call('PATCH', `/quotes/${ayse.quoteId}`, k().repJohn, { notes: 'x' })).status).toBe(404);
    expect((await call('GET', `/quotes/${john.quoteId}`, k().managerSelin)).status).toBe(200);
    expect((await call('GET', `/quotes/${ayse.quoteId}`, k().managerSelin)).status).toBe(404);
    expect((await call('GET', `/quotes/${ayse.quoteId}`, k().manager)).status).toBe(200);

    const ids = async (key: string, query: string) =>
      (await call<{ quotes: { quoteId: string }[] }>('GET', `/quotes?${query}`, key)).body.quotes.map((q) => q.quoteId);
    const byCustomer = `customer=${customer.customerId}`;
    expect(await ids(k().repAyse, byCustomer)).toEqual([ayse.quoteId]);
    expect(await ids(k().repJohn, byCustomer)).toEqual([john.quoteId]);
    expect(await ids(k().managerSelin, byCustomer)).toEqual([john.quoteId]);
    expect(await ids(k().manager, byCustomer)).toEqual([john.quoteId, ayse.quoteId]);
    expect(await ids(k().repAyse, 'status=draft&limit=100')).toContain(ayse.quoteId);
    expect((await call('GET', '/quotes?owner=rep-john', k().repAyse)).status).toBe(403);
    expect(await ids(k().manager, 'owner=rep-john&status=draft&limit=100')).toContain(john.quoteId);
  });

  it('pages through the firm’s quotes with a cursor, newest first, none twice', async () => {
    const customer = await newCustomer('quote-pages');
    const made: string[] = [];
    for (let i = 0; i < 5; i++) {
      made.push(
        (
          await createQuote(k().repAyse, {
            customerId: customer.customerId,
            priceListId: 'tr-standart',
            lines: calmLines,
          })
        ).quoteId,
      );
    }
    const from = new Date(Date.now() - 60 * 60 * 1000).toISOString();
    const seen: string[] = [];
    let cursor: string | undefined;
    do {
      const page = await call<{ quotes: { quoteId: string }[]; nextCursor?: string }>(
        'GET',
        `/quotes?from=${from}&limit=2${cursor ? `&cursor=${cursor}` : ''}`,
        k().manager,
      );
      expect(page.status, page.text).toBe(200);
      seen.push(...page.body.quotes.map((q) => q.quoteId));
      cursor = page.body.nextCursor;
    } while (cursor);
    expect(new Set(seen).size).toBe(seen.length);
    const mine = seen.filter((id) => made.includes(id));
    expect(mine).toEqual([...made].reverse());
    expect((await call('GET', '/quotes?cursor=bm9wZQ', k().manager)).status).toBe(400);
  });

  it('reports success rate, quoted vs won per rep and period, in each currency and in TRY', async () => {
    const report = await call<{
      byRep: {
        owner: string;
        sent: number;
        accepted: number;
        successRateBp: number;
        quoted: { currency: string }[];
        quotedTry: { currency: string; amount: number };
        wonTry: { amount: number };
      }[];
      overall: { owner: string; sent: number; accepted: number }[];
    }>('GET', '/reports/quotes?period=year', k().manager);
    expect(report.status, report.text).toBe(200);
    const ayse = report.body.byRep.find((r) => r.owner === 'rep-ayse');
    expect(ayse).toBeDefined();
    expect(ayse!.sent).toBeGreaterThanOrEqual(2);
    expect(ayse!.accepted).toBeGreaterThanOrEqual(1);
    expect(ayse!.successRateBp).toBe(Math.round((ayse!.accepted * 10_000) / ayse!.sent));
    expect(ayse!.quotedTry.currency).toBe('TRY');
    expect(ayse!.wonTry.amount).toBeGreaterThan(0);
    expect(report.body.overall[0]!.owner).toBe('*');
    // A rep sees their own figures only.
    const own = await call<{ byRep: { owner: string }[] }>('GET', '/reports/quotes', k().repJohn);
    expect(new Set(own.body.byRep.map((r) => r.owner))).toEqual(new Set(own.body.byRep.length ? ['rep-john'] : []));
    expect((await call('GET', '/reports/quotes?owner=rep-ayse', k().repJohn)).status).toBe(403);
  });
});

describe('the catalogue and the policy', () => {
  const csv = (rows: string[]) =>
    [
      'sku,name_tr,name_en,description_tr,description_en,unit,category,cost,cost_currency,tax_rate,active',
      ...rows,
    ].join('\n');

  it('imports products as CSV all or nothing, with every bad row by line number', async () => {
    const admin = k().catalogueAdmin;
    const before = await call('GET', '/catalogue/products?format=json', admin);
    const bad = csv([
      'E2E-1,Çatal uzatma,Fork extension,,,adet,aksesuar,1200.00,TRY,20,true',
      'E2E-2,Kabin,Cabin,,,adet,aksesuar,12.345,TRY,20,true',
      'E2E-3,Ayna,Mirror,,,adet,aksesuar,50.00,TRY,20,maybe',
    ]);
    const refused = await call<{ code: string; errors: { line: number; path: string }[] }>(
      'POST',
      '/catalogue/products',
      admin,
      bad,
      {
        'content-type': 'text/csv',
      },
    );
    expect(refused.status, refused.text).toBe(422);
    expect(refused.body.code).toBe('import-failed');
    expect(refused.body.errors.map((e) => [e.line, e.path])).toEqual([
      [3, 'cost'],
      [4, 'active'],
    ]);
    expect((await call('GET', '/catalogue/products?format=json', admin)).text).toBe(before.text);

    const good = csv(['E2E-1,Çatal uzatma,Fork extension,"1,8 m",1.8 m,adet,aksesuar,1200.00,TRY,20,true']);
    const imported = await importFile('/catalogue/products', admin, good, { 'content-type': 'text/csv' });
    expect(imported.posted.status, imported.posted.text).toBe(202);
    expect(imported.job).toMatchObject({ status: 'done', rows: 1, counts: { imported: 1 } });
    const exported = await call('GET', '/catalogue/products?format=csv', admin);
    expect(exported.type).toMatch(/^text\/csv/);
    expect(exported.text).toContain(
      'E2E-1,Çatal uzatma,Fork extension,"1,8 m",1.8 m,adet,aksesuar,1200.00,TRY,20,true',
    );
    expect(exported.text).toContain('FL-25E');

    // JSON too: a price list in EUR, then a quote priced from it.
    const list = [
      {
        id: 'e2e-eur',
        name: 'E2E EUR',
        currency: 'EUR',
        validFrom: '2020-01-01',
        validTo: '2099-12-31',
        prices: [{ sku: 'E2E-1', unitPrice: 4_500 }],
      },
    ];
    const json = await importFile('/catalogue/price-lists', admin, list);
    expect([json.posted.status, json.job?.status], json.posted.text).toEqual([202, 'done']);
    const customer = await newCustomer('quote-catalogue');
    const quote = await createQuote(k().repAyse, {
      customerId: customer.customerId,
      priceListId: 'e2e-eur',
      lines: [{ sku: 'E2E-1', quantity: 2 }],
    });
    expect(quote.totals.grandTotal).toEqual({ amount: 10_800, currency: 'EUR' });
    // Writing needs catalogue:write; staff keys have none.
    expect((await call('POST', '/catalogue/products', k().manager, good, { 'content-type': 'text/csv' })).status).toBe(
      403,
    );
  });

  it('reads and replaces the approval policy, refusing roles nobody holds and stale writes', async () => {
    const admin = k().catalogueAdmin;
    const current = await call<{ rules: { id: string }[]; seq: number }>('GET', '/approval-policy', admin);
    expect(current.status).toBe(200);
    expect(current.body.rules.map((r) => r.id)).toContain('discount-over-10');
    const unknownRole = await call('PUT', '/approval-policy', admin, {
      rules: [{ id: 'x', when: { discountBpOver: 100 }, approverRole: 'cfo' }],
    });
    expect(unknownRole.status).toBe(422);
    const replaced = await call<{ seq: number }>('PUT', '/approval-policy', admin, {
      rules: current.body.rules,
      seq: current.body.seq,
    });
    expect(replaced.status, replaced.text).toBe(200);
    const stale = await call('PUT', '/approval-policy', admin, { rules: current.body.rules, seq: current.body.seq });
    expect(stale.status).toBe(409);
  });
});

describe('schedules', () => {
  it('expires a sent quote past its validity when the expiry schedule fires; its links then say so', async () => {
    const customer = await newCustomer('quote-expiry');
    const quote = await submitted(customer.customerId, calmLines);
    await settle();
    const [mail] = await quoteMailsTo(customer.email);
    const [acceptUrl] = linksIn(mail, '/quote-links/answer');
    await backdate(quote, 2);
    await fireSchedule('quote-approval.expire-quotes');
    const expired = await getQuote(quote.quoteId);
    expect(expired.status).toBe('expired');
    const events = await eventsOf(quote.quoteId);
    expect(events.map((e) => e['detail-type'])).toContain('QuoteExpired');
    expectCatalogued(events);
    const late = await submitLinkForm(acceptUrl!);
    expect([late.status, outcomeOf(late.html)]).toEqual([410, 'expired']);
    // It can be revised into a new draft.
    expect((await act(quote.quoteId, 'revise', k().repAyse)).body).toMatchObject({ status: 'draft', version: 2 });
  });

  it('reminds the owner once of a quote the customer has not answered', async () => {
    const customer = await newCustomer('quote-follow-up');
    const quote = await submitted(customer.customerId, calmLines);
    await settle();
    await backdate(quote, -10);
    await fireSchedule('quote-approval.follow-up-quotes');
    await fireSchedule('quote-approval.follow-up-quotes');
    const reminders = (await quoteMail(staffMail['rep-ayse'], quote.quoteId)).filter((m) =>
      m.subject.startsWith('Yanıt bekleyen teklif'),
    );
    expect(reminders).toHaveLength(1);
    expect(reminders[0]!.body.text).toContain(`/console/#/quotes/${quote.quoteId}`);
    expect(`${reminders[0]!.body.text} ${reminders[0]!.body.html}`).not.toMatch(/https?:\/\/[^\s"<#]*\/quotes\//);
    expect((await eventsOf(quote.quoteId)).filter((e) => e['detail-type'] === 'QuoteFollowUpDue')).toHaveLength(1);
    expect((await getQuote(quote.quoteId)).status).toBe('sent');
  });
});
