import { PDFDocument, PDFName } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { buildQuote } from '../../functions/quote-approval/domain/quote-builder.js';
import { renderQuotePdf } from '../../functions/quote-approval/pdf/quote-pdf.js';
import type { Quote } from '../../functions/quote-approval/quote-store.js';
import { demoFxRates, demoPriceLists, demoProducts } from '../../infra/local/demo-data.js';
import type { Language } from '../../shared/language.js';

const year = 2026;
const quoteOf = (lineCount: number, language: Language, notes?: string): Quote => {
  const figures = buildQuote({
    lines: Array.from({ length: lineCount }, (_, i) => ({ sku: i % 2 ? 'FL-25E' : 'TRN-OP', quantity: i + 1, discountBp: i * 50 })),
    products: new Map(demoProducts.map((p) => [p.sku, p])),
    priceList: demoPriceLists(year)[language === 'tr' ? 0 : 1]!,
    rates: demoFxRates(year),
    quoteDate: `${year}-11-23`,
    paymentTerms: { type: 'instalments', count: 4, firstDueDate: `${year}-12-15` },
  });
  return {
    ...figures,
    quoteId: '01KAQ0000000000000000ABCDE',
    customerId: 'c',
    ownerId: 'rep-ayse',
    status: 'sent',
    version: 1,
    seq: 1,
    language,
    priceListId: 'x',
    validUntil: `${year}-12-23`,
    expiresAt: `${year}-12-23T21:00:00.000Z`,
    approvals: [],
    notes,
    createdAt: `${year}-11-23T09:00:00.000Z`,
    updatedAt: `${year}-11-23T09:00:00.000Z`,
  };
};

const render = async (quote: Quote) =>
  PDFDocument.load(await renderQuotePdf({ quote, customer: { name: 'Şükrü Işıkoğlu', company: 'Ünal Çelik İnşaat' }, issuer: 'Pusula CRM' }));

describe('the quote PDF', () => {
  it('is one A4 page for a short quote, titled in the quote’s language, with the Turkish font embedded', async () => {
    const pdf = await render(quoteOf(2, 'tr', 'Teslimat 4 hafta; kurulum dahildir.'));
    expect(pdf.getPageCount()).toBe(1);
    expect(pdf.getPage(0).getSize()).toEqual({ width: 595.28, height: 841.89 });
    expect(pdf.getTitle()).toBe('Teklif Q-000ABCDE');
    expect(String(pdf.catalog.get(PDFName.of('Lang')))).toBe('(tr-TR)');
    const fonts = pdf.context
      .enumerateIndirectObjects()
      .map(([, object]) => String(object).match(/\/BaseFont \/(\S+)/)?.[1])
      .filter(Boolean);
    // Subsets of DejaVu (Turkish letters), not the standard fonts, which have no ğ, ş, ı or İ.
    expect([...new Set(fonts.map((f) => f!.replace(/-\d+$/, '')))].sort()).toEqual(['DejaVuSans', 'DejaVuSans-Bold']);
  });

  it('flows a long quote onto further pages', async () => {
    const pdf = await render(quoteOf(60, 'en', 'Delivery within four weeks. '.repeat(40)));
    expect(pdf.getPageCount()).toBeGreaterThanOrEqual(3);
    expect(pdf.getTitle()).toBe('Quotation Q-000ABCDE');
  });
});
