import { describe, expect, it } from 'vitest';
import { orderIntakeSchema, statusChangeSchema } from '../../functions/order-routing/domain/order-input.js';
import { issuesOf, messagesOf } from '../support/refusals.js';

const customer = { name: 'Deneme Ticaret', email: 'satin.alma@example.com' };
const line = { sku: 'FL-25', quantity: 2, unitPrice: 150_000, currency: 'TRY' };
const order = {
  customer,
  lines: [line],
  delivery: { address: 'Örnek Mah. 1. Sokak No: 2', city: 'Ankara' },
  channel: 'web-shop',
};
const withCustomer = (over: Record<string, unknown>) => ({ ...order, customer: { ...customer, ...over } });
const withLine = (over: Record<string, unknown>) => ({ ...order, lines: [{ ...line, ...over }] });

describe('an order as a shop, an ERP or the call center sends it', () => {
  it('accepts the least an order needs, defaulting the customer to Turkish', () => {
    const result = orderIntakeSchema.safeParse(order);
    expect(result.success).toBe(true);
    expect(result.success && result.data.customer.language).toBe('tr');
  });

  it('accepts every optional field filled in', () => {
    const full = {
      ...order,
      customer: {
        ...customer,
        phone: '0532 123 45 67',
        company: 'Deneme A.Ş.',
        language: 'en',
        preferredDealerId: 'dealer-ankara',
      },
      delivery: { ...order.delivery, region: 'İç Anadolu' },
      requestedDate: '2026-02-28',
      channel: 'erp',
      externalRef: 'ERP-42',
    };
    expect(issuesOf(orderIntakeSchema, full)).toEqual([]);
  });

  it('takes a phone instead of an e-mail address, and refuses a customer with neither, on the e-mail field', () => {
    expect(issuesOf(orderIntakeSchema, withCustomer({ email: undefined, phone: '+90 532 123 45 67' }))).toEqual([]);
    expect(messagesOf(orderIntakeSchema, withCustomer({ email: undefined }))).toEqual([
      ['customer.email', 'Give an e-mail address or a phone number.'],
    ]);
    expect(messagesOf(orderIntakeSchema, withCustomer({ email: undefined }), 'tr')).toEqual([
      ['customer.email', 'Bir e-posta adresi veya telefon numarası verin.'],
    ]);
  });

  it.each([
    ['name', '', 'too_small'],
    ['name', 'x'.repeat(201), 'too_big'],
    ['email', 'not-an-address', 'invalid_format'],
    ['email', `${'a'.repeat(243)}@example.com`, 'too_big'],
    ['phone', '12', 'custom'],
    ['phone', `+90 532 123 45 67${' '.repeat(24)}`, 'too_big'],
    ['company', '', 'too_small'],
    ['company', 'x'.repeat(201), 'too_big'],
    ['language', 'de', 'invalid_value'],
    ['preferredDealerId', '', 'too_small'],
    ['preferredDealerId', 'x'.repeat(101), 'too_big'],
  ])('refuses a bad customer.%s (%#) with %s', (field, value, code) => {
    expect(issuesOf(orderIntakeSchema, withCustomer({ [field]: value }))).toEqual([[`customer.${field}`, code]]);
  });

  it('keeps the limits themselves: a 200-character name, a 254-character address, a 100-character dealer id', () => {
    const longest = {
      name: 'x'.repeat(200),
      email: `${'a'.repeat(242)}@example.com`,
      preferredDealerId: 'x'.repeat(100),
    };
    expect(issuesOf(orderIntakeSchema, withCustomer(longest))).toEqual([]);
  });

  it('says what an empty optional field should be', () => {
    expect(messagesOf(orderIntakeSchema, withCustomer({ company: '' }))).toEqual([
      ['customer.company', 'Leave it out or fill it in.'],
    ]);
    expect(messagesOf(orderIntakeSchema, withCustomer({ company: '' }), 'tr')).toEqual([
      ['customer.company', 'Ya hiç göndermeyin ya da doldurun.'],
    ]);
    expect(messagesOf(orderIntakeSchema, withCustomer({ email: 'x@' }), 'tr')).toEqual([
      ['customer.email', 'Geçerli bir e-posta adresi değil.'],
    ]);
  });

  it('refuses an order without lines, and one of more than 200 lines', () => {
    expect(messagesOf(orderIntakeSchema, { ...order, lines: [] })).toEqual([
      ['lines', 'An order has at least one line.'],
    ]);
    expect(messagesOf(orderIntakeSchema, { ...order, lines: [] }, 'tr')).toEqual([
      ['lines', 'Bir siparişte en az bir satır olur.'],
    ]);
    expect(issuesOf(orderIntakeSchema, { ...order, lines: Array(200).fill(line) })).toEqual([]);
    expect(issuesOf(orderIntakeSchema, { ...order, lines: Array(201).fill(line) })).toEqual([['lines', 'too_big']]);
  });

  it.each([
    ['quantity', 0, 'too_small'],
    ['quantity', 1_000_001, 'too_big'],
    ['quantity', 1.5, 'invalid_type'],
    ['unitPrice', -1, 'too_small'],
    ['unitPrice', 1e13 + 1, 'too_big'],
    ['currency', 'ABC', 'custom'],
    ['sku', '', 'too_small'],
    ['sku', 'x'.repeat(101), 'too_big'],
  ])('refuses a bad lines.0.%s (%#) with %s', (field, value, code) => {
    expect(issuesOf(orderIntakeSchema, withLine({ [field]: value }))).toEqual([[`lines.0.${field}`, code]]);
  });

  it('takes the boundary values of a line: one piece, a million pieces, a free item, the highest price', () => {
    for (const over of [{ quantity: 1 }, { quantity: 1_000_000 }, { unitPrice: 0 }, { unitPrice: 1e13 }]) {
      expect(issuesOf(orderIntakeSchema, withLine(over))).toEqual([]);
    }
  });

  it('refuses lines in two currencies, on the lines', () => {
    const mixed = { ...order, lines: [line, { ...line, sku: 'FL-30', currency: 'EUR' }] };
    expect(messagesOf(orderIntakeSchema, mixed)).toEqual([['lines', 'Every line of an order has the same currency.']]);
    expect(messagesOf(orderIntakeSchema, mixed, 'tr')).toEqual([
      ['lines', 'Bir siparişin bütün satırları aynı para biriminde olur.'],
    ]);
    expect(issuesOf(orderIntakeSchema, { ...order, lines: [line, { ...line, sku: 'FL-30' }] })).toEqual([]);
  });

  it.each([
    ['delivery.address', 'invalid_type', { delivery: { city: 'Ankara' } }],
    ['delivery.address', 'too_big', { delivery: { address: 'x'.repeat(501), city: 'Ankara' } }],
    ['delivery.city', 'too_small', { delivery: { address: 'Örnek Mah.', city: '' } }],
    ['delivery.region', 'too_small', { delivery: { address: 'Örnek Mah.', city: 'Ankara', region: '' } }],
    ['requestedDate', 'invalid_format', { requestedDate: '2026-02-30' }],
    ['channel', 'invalid_value', { channel: 'fax' }],
    ['externalRef', 'too_small', { externalRef: '' }],
    ['externalRef', 'too_big', { externalRef: 'x'.repeat(101) }],
    ['status', 'unrecognized_keys', { status: 'delivered' }],
  ])('refuses a bad %s with %s (case %#)', (path, code, over) => {
    expect(issuesOf(orderIntakeSchema, { ...order, ...over })).toEqual([[path, code]]);
  });

  it('leaves status, routing and owner to the CRM, also inside the customer', () => {
    expect(issuesOf(orderIntakeSchema, withCustomer({ ownerId: 'u-1' }))).toEqual([['ownerId', 'unrecognized_keys']]);
  });
});

describe('a move staff or a unit asks for', () => {
  it('takes a requestable status with a note and the seq the caller read', () => {
    expect(
      issuesOf(statusChangeSchema, { status: 'shipped', note: 'Kargoya verildi.\nTakip no: 123', seq: 1 }),
    ).toEqual([]);
  });

  it.each([
    ['status', 'invalid_value', { status: 'routed' }],
    ['status', 'invalid_value', { status: 'received' }],
    ['note', 'too_big', { status: 'shipped', note: 'x'.repeat(1001) }],
    ['seq', 'too_small', { status: 'shipped', seq: 0 }],
    ['seq', 'invalid_type', { status: 'shipped', seq: 1.5 }],
    ['unitId', 'unrecognized_keys', { status: 'shipped', unitId: 'dealer-izmir' }],
  ])('refuses a bad %s with %s (case %#)', (path, code, body) => {
    expect(issuesOf(statusChangeSchema, body)).toEqual([[path, code]]);
  });
});
