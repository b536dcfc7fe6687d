import { beforeAll, describe, expect, it } from 'vitest';
import { setPostalAddress } from '../../functions/letters/addresses.js';
import { quoteLetterPdf, recordQuotePosted } from '../../functions/letters/quote-letter.js';
import { getQuote, getQuoteHistory } from '../../functions/quote-approval/quote-store.js';
import { createQuote, submitQuote } from '../../functions/quote-approval/quotes.js';
import { awaitsMail, sendQuoteToCustomer } from '../../functions/quote-approval/send-quote.js';
import { demoItems, loadReferenceData } from '../../infra/local/demo-data.js';
import { db, tableName } from '../../shared/db.js';
import { noRecord } from '../../shared/idempotency.js';
import { queryAll } from '../../shared/query.js';
import { putCustomer } from '../support/customer-item.js';
import { pdfText } from '../support/pdf-text.js';

const MM = 72 / 25.4;
const A4_HEIGHT = 841.89;
/** A DL window: 20 mm from the left edge, 45 mm from the top, 90 × 35 mm (ISO 269 / DIN 680). */
const windowArea = { left: 20 * MM, right: 110 * MM, top: A4_HEIGHT - 45 * MM, bottom: A4_HEIGHT - 80 * MM };

beforeAll(async () => {
  // The firm's name heads the letter as its mail carries it.
  Object.assign(process.env, { MAIL_FROM: 'Pusula Deneme <crm@example.com>' });
  await loadReferenceData(db(), tableName(), demoItems());
});

const approvedQuote = async (withAddress: boolean) => {
  const customerId = await putCustomer('Leyla Mektup', 'letter', { company: 'Mektup Deneme Ltd.' });
  if (withAddress) {
    await setPostalAddress(
      customerId,
      {
        mahalle: 'Kavaklıdere',
        street: 'Tunalı Hilmi Cad.',
        buildingNo: '88',
        doorNo: '4',
        district: 'Çankaya',
        province: 'Ankara',
        postalCode: '06680',
      },
      0,
    );
  }
  const draft = await createQuote(
    { customerId, priceListId: 'tr-standart', lines: [{ sku: 'TP-20', quantity: 2, discountBp: 0 }] },
    { userId: 'rep-ayse', teamId: 'team-istanbul' },
  );
  const quote = await submitQuote(draft, draft.seq);
  expect(quote.status).toBe('approved');
  return quote;
};

describe('a quote by post', () => {
  it('puts the postal address in the window, and records the posting on the history and the timeline', async () => {
    const quote = await approvedQuote(true);
    const { pdf, number } = await quoteLetterPdf(quote);
    const shown = await pdfText(pdf);
    const inWindow = shown
      .filter((s) => s.page === 0)
      .filter((s) => s.x >= windowArea.left && s.x < windowArea.right)
      .filter((s) => s.y <= windowArea.top && s.y >= windowArea.bottom)
      .map((s) => s.text);
    expect(inWindow).toEqual([
      'Leyla Mektup / Mektup Deneme Ltd.',
      'Kavaklıdere Mah.',
      'Tunalı Hilmi Cad. No: 88 D: 4',
      '06680 Çankaya / ANKARA',
    ]);
    // The covering page names the quote; the quote's own page follows it.
    expect(shown.some((s) => s.page === 0 && s.text === `Teklifimiz ${number}`)).toBe(true);
    expect(new Set(shown.map((s) => s.page)).size).toBeGreaterThanOrEqual(2);
    expect(shown.some((s) => s.page >= 1 && s.text.includes(number))).toBe(true);

    const posted = await recordQuotePosted(quote, quote.seq, 'rep-ayse', noRecord);
    expect(posted.seq).toBe(quote.seq + 1);
    const after = (await getQuote(quote.customerId, quote.quoteId))!;
    const history = await getQuoteHistory(after);
    expect(history.at(-1)).toMatchObject({
      action: 'send',
      from: 'approved',
      to: 'sent',
      note: 'sent by post',
      actorId: 'rep-ayse',
    });
    const timeline = await queryAll({ partition: `CUSTOMER#${quote.customerId}`, range: { prefix: 'ACTIVITY#' } });
    expect(timeline.map((a) => [a.kind, a.subject])).toEqual([
      ['note', `Teklif ${number} postayla gönderildi / Quote ${number} sent by post`],
    ]);
    // A second record at the old seq changes nothing.
    await expect(recordQuotePosted(quote, quote.seq, 'rep-ayse', noRecord)).rejects.toMatchObject({
      status: 409,
      code: 'quote-changed',
    });
    expect(await getQuoteHistory(after)).toHaveLength(history.length);
  });

  it('refuses a customer without a postal address, naming the field, and a draft', async () => {
    const quote = await approvedQuote(false);
    await expect(quoteLetterPdf(quote)).rejects.toMatchObject({
      status: 422,
      code: 'no-postal-address',
      errors: [{ path: 'customerId' }],
    });
    await expect(recordQuotePosted(quote, quote.seq, 'rep-ayse', noRecord)).rejects.toMatchObject({
      code: 'no-postal-address',
    });
    expect((await getQuoteHistory(quote)).map((h) => h.action)).not.toContain('post');
    await expect(quoteLetterPdf({ ...quote, status: 'draft' })).rejects.toMatchObject({
      status: 409,
      code: 'quote-not-postable',
    });
  });
});

describe('an approved quote posted', () => {
  it('moves to sent once, as e-mail would; the mail senders then send nothing', async () => {
    const quote = await approvedQuote(true);
    const answers = await Promise.allSettled([
      recordQuotePosted(quote, quote.seq, 'rep-ayse', noRecord),
      recordQuotePosted(quote, quote.seq, 'rep-ayse', noRecord),
    ]);
    expect(answers.filter((a) => a.status === 'fulfilled').map((a) => a.value)).toEqual([
      expect.objectContaining({ status: 'sent', seq: quote.seq + 1 }),
    ]);
    expect(answers.filter((a) => a.status === 'rejected').map((a) => a.reason)).toEqual([
      expect.objectContaining({ status: 409, code: 'quote-changed' }),
    ]);
    const sent = (await getQuote(quote.customerId, quote.quoteId))!;
    expect(sent).toMatchObject({ status: 'sent', sentBy: 'post', seq: quote.seq + 1 });
    expect(sent.sentAt).toBeDefined();
    expect(sent.mailedAt).toBeUndefined();
    expect((await getQuoteHistory(sent)).filter((h) => h.action === 'send')).toHaveLength(1);
    // It went as a letter: no mail is owed, and staff sending it again by e-mail are told it was sent.
    expect(awaitsMail(sent)).toBe(false);
    await expect(sendQuoteToCustomer(sent, 'staff')).rejects.toMatchObject({ status: 409, code: 'already-sent' });

    // Posted again later (a copy): recorded on the history, still sent, not sent twice.
    const again = await recordQuotePosted(sent, sent.seq, 'rep-ayse', noRecord);
    expect(again).toMatchObject({ status: 'sent', seq: sent.seq + 1 });
    const history = await getQuoteHistory((await getQuote(quote.customerId, quote.quoteId))!);
    expect(history.map((h) => h.action).filter((a) => a === 'send' || a === 'post')).toEqual(['send', 'post']);
  });

  it('refuses a quote that may not be sent (a draft), changing nothing', async () => {
    const approved = await approvedQuote(true);
    const draft = await createQuote(
      {
        customerId: approved.customerId,
        priceListId: 'tr-standart',
        lines: [{ sku: 'TP-20', quantity: 1, discountBp: 0 }],
      },
      { userId: 'rep-ayse', teamId: 'team-istanbul' },
    );
    await expect(recordQuotePosted(draft, draft.seq, 'rep-ayse', noRecord)).rejects.toMatchObject({
      status: 409,
      code: 'quote-not-postable',
    });
    expect(await getQuote(draft.customerId, draft.quoteId)).toMatchObject({ status: 'draft', seq: draft.seq });
  });
});
