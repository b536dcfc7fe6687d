// The ERP's postings alone: when a posting sent again is the same one.
import { describe, expect, it } from 'vitest';
import { samePosting } from '../../functions/erp/domain/postings.js';

const body = { orderId: 'O1', paymentId: 'P-77', paidOn: '2026-12-01', amount: 150_000, currency: 'TRY' };

describe('samePosting', () => {
  it('is the same when every field sent is what was recorded, whatever the record adds', () => {
    expect(samePosting({ ...body, customerId: 'C1', postedAt: '2026-12-01T10:00:00.000Z' }, body)).toBe(true);
  });

  it('is another posting when any one field differs', () => {
    expect(samePosting({ ...body, amount: 150_001 }, body)).toBe(false);
    expect(samePosting({ ...body, paidOn: '2026-12-02' }, body)).toBe(false);
    const { currency: _, ...withoutCurrency } = body;
    expect(samePosting(withoutCurrency, body)).toBe(false);
  });
});
