// The quote and call-center request bodies: each limit on both sides, each refusal by path and code.
import { describe, expect, it } from 'vitest';
import { createRequestSchema, requestActionSchema } from '../../functions/call-center/domain/request-input.js';
import { createQuoteSchema, editQuoteSchema } from '../../functions/quote-approval/domain/quote-input.js';
import { issuesOf, messagesOf } from '../support/refusals.js';

const line = { sku: 'A-1', quantity: 1 };
const quote = { customerId: 'C-1', priceListId: 'list-try', lines: [line] };
const withLine = (over: Record<string, unknown>) => ({ ...quote, lines: [{ ...line, ...over }] });
const instalments = { type: 'instalments', count: 3, firstDueDate: '2026-01-31' };
const shares = { type: 'shares', parts: [{ dueDate: '2026-01-31', shareBp: 10_000 }] };

describe('a quote as staff send it', () => {
  it('defaults a line discount to none', () => {
    expect(createQuoteSchema.parse(quote).lines[0]?.discountBp).toBe(0);
  });

  it('keeps every limit of a line and refuses one past it', () => {
    for (const over of [{ quantity: 1 }, { quantity: 1_000_000 }, { discountBp: 0 }, { discountBp: 10_000 }]) {
      expect(issuesOf(createQuoteSchema, withLine(over))).toEqual([]);
    }
    expect(issuesOf(createQuoteSchema, withLine({ quantity: 0 }))).toEqual([['lines.0.quantity', 'too_small']]);
    expect(issuesOf(createQuoteSchema, withLine({ quantity: 1_000_001 }))).toEqual([['lines.0.quantity', 'too_big']]);
    expect(issuesOf(createQuoteSchema, withLine({ discountBp: -1 }))).toEqual([['lines.0.discountBp', 'too_small']]);
    expect(issuesOf(createQuoteSchema, withLine({ discountBp: 10_001 }))).toEqual([['lines.0.discountBp', 'too_big']]);
  });

  it('takes 1 to 200 lines', () => {
    expect(issuesOf(createQuoteSchema, { ...quote, lines: [] })).toEqual([['lines', 'too_small']]);
    expect(issuesOf(createQuoteSchema, { ...quote, lines: Array(200).fill(line) })).toEqual([]);
    expect(issuesOf(createQuoteSchema, { ...quote, lines: Array(201).fill(line) })).toEqual([['lines', 'too_big']]);
  });

  it('takes instalment terms within their limits', () => {
    const ok = [
      instalments,
      { ...instalments, count: 1 },
      { ...instalments, count: 360 },
      { ...instalments, intervalMonths: 12 },
    ];
    for (const paymentTerms of ok) expect(issuesOf(createQuoteSchema, { ...quote, paymentTerms })).toEqual([]);
    const bad: [Record<string, unknown>, string, string][] = [
      [{ count: 0 }, 'paymentTerms.count', 'too_small'],
      [{ count: 361 }, 'paymentTerms.count', 'too_big'],
      [{ intervalMonths: 0 }, 'paymentTerms.intervalMonths', 'too_small'],
      [{ intervalMonths: 13 }, 'paymentTerms.intervalMonths', 'too_big'],
      [{ firstDueDate: '2026-02-30' }, 'paymentTerms.firstDueDate', 'invalid_format'],
    ];
    for (const [over, path, code] of bad) {
      expect(issuesOf(createQuoteSchema, { ...quote, paymentTerms: { ...instalments, ...over } })).toEqual([
        [path, code],
      ]);
    }
  });

  it('takes share terms within their limits', () => {
    expect(issuesOf(createQuoteSchema, { ...quote, paymentTerms: shares })).toEqual([]);
    const part = { dueDate: '2026-01-31', shareBp: 0 };
    expect(issuesOf(createQuoteSchema, { ...quote, paymentTerms: { type: 'shares', parts: [part] } })).toEqual([
      ['paymentTerms.parts.0.shareBp', 'too_small'],
    ]);
    expect(issuesOf(createQuoteSchema, { ...quote, paymentTerms: { type: 'shares', parts: [] } })).toEqual([
      ['paymentTerms.parts', 'too_small'],
    ]);
    const many = Array(361).fill({ dueDate: '2026-01-31', shareBp: 1 });
    expect(issuesOf(createQuoteSchema, { ...quote, paymentTerms: { type: 'shares', parts: many } })).toEqual([
      ['paymentTerms.parts', 'too_big'],
    ]);
    expect(issuesOf(createQuoteSchema, { ...quote, paymentTerms: { type: 'cash' } })).toEqual([
      ['paymentTerms.type', 'invalid_union'],
    ]);
  });

  it('refuses what staff cannot set and a bad date or language', () => {
    expect(issuesOf(createQuoteSchema, { ...quote, status: 'approved' })).toEqual([['status', 'unrecognized_keys']]);
    expect(issuesOf(createQuoteSchema, { ...quote, validUntil: '31.01.2026' })).toEqual([
      ['validUntil', 'invalid_format'],
    ]);
    expect(issuesOf(createQuoteSchema, { ...quote, language: 'de' })).toEqual([['language', 'invalid_value']]);
    // A quote joins an opportunity through POST /opportunities/{id}/quotes, not at its creation.
    expect(issuesOf(createQuoteSchema, { ...quote, opportunityId: 'OPP1' })).toEqual([
      ['opportunityId', 'unrecognized_keys'],
    ]);
  });

  it('lets an edit clear notes and terms, and refuses a seq that is not positive', () => {
    expect(editQuoteSchema.parse({ notes: null, paymentTerms: null })).toEqual({ notes: null, paymentTerms: null });
    expect(issuesOf(editQuoteSchema, { seq: 0 })).toEqual([['seq', 'too_small']]);
    expect(issuesOf(editQuoteSchema, { seq: 1, lines: [] })).toEqual([['lines', 'too_small']]);
  });
});

describe('a call-center request', () => {
  it('needs the product of a quote request, on details.sku, in both languages', () => {
    const body = { kind: 'quote', channel: 'phone', details: { model: 'Forklift' } };
    expect(messagesOf(createRequestSchema, body)).toEqual([
      ['details.sku', 'A quote request names the product (its SKU) to price.'],
    ]);
    expect(messagesOf(createRequestSchema, body, 'tr')).toEqual([
      ['details.sku', 'Teklif talebi fiyatlanacak ürünü (SKU’sunu) belirtir.'],
    ]);
    expect(issuesOf(createRequestSchema, { ...body, details: { sku: 'FL-25' } })).toEqual([]);
  });

  it('defaults the details to none for other kinds', () => {
    expect(createRequestSchema.parse({ kind: 'service', channel: 'sms' }).details).toEqual({});
  });

  it('keeps the quantity and preferred-time limits', () => {
    const at = '2026-12-01T10:00:00+03:00';
    const base = { kind: 'test-drive', channel: 'phone' };
    for (const details of [
      { quantity: 1 },
      { quantity: 1000 },
      { preferredTimes: [at] },
      { preferredTimes: Array(5).fill(at) },
    ]) {
      expect(issuesOf(createRequestSchema, { ...base, details })).toEqual([]);
    }
    const bad: [Record<string, unknown>, string, string][] = [
      [{ quantity: 0 }, 'details.quantity', 'too_small'],
      [{ quantity: 1001 }, 'details.quantity', 'too_big'],
      [{ preferredTimes: [] }, 'details.preferredTimes', 'too_small'],
      [{ preferredTimes: Array(6).fill(at) }, 'details.preferredTimes', 'too_big'],
    ];
    for (const [details, path, code] of bad)
      expect(issuesOf(createRequestSchema, { ...base, details })).toEqual([[path, code]]);
  });

  it('says what a preferred time and an action time should look like, in both languages', () => {
    const body = { kind: 'test-drive', channel: 'phone', details: { preferredTimes: ['yarın öğleden sonra'] } };
    expect(messagesOf(createRequestSchema, body)).toEqual([
      ['details.preferredTimes.0', 'Not a date-time like 2026-12-01T10:00:00+03:00.'],
    ]);
    expect(messagesOf(requestActionSchema, { at: '2026-12-01 10:00' }, 'tr')).toEqual([
      ['at', '2026-12-01T10:00:00+03:00 gibi bir tarih-saat değil.'],
    ]);
  });

  it('refuses an empty decline reason and a seq that is not positive', () => {
    expect(issuesOf(requestActionSchema, { reason: '' })).toEqual([['reason', 'too_small']]);
    expect(issuesOf(requestActionSchema, { seq: 0 })).toEqual([['seq', 'too_small']]);
    expect(
      issuesOf(requestActionSchema, { seq: 2, at: '2026-12-01T10:00:00Z', reason: 'Bayi kapalı', note: '' }),
    ).toEqual([]);
  });
});
