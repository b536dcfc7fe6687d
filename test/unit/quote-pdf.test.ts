import { PDFDocument, PDFFont, PDFName, PDFPage } from 'pdf-lib';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { buildQuote } from '../../functions/quote-approval/domain/quote-builder.js';
import { renderQuotePdf } from '../../functions/quote-approval/pdf/quote-pdf.js';
import { wrapText } from '../../functions/quote-approval/pdf/wrap.js';
import type { Quote } from '../../functions/quote-approval/quote-store.js';
import { quoteTableHtml, quoteTableText } from '../../functions/quote-approval/templates/quote-view.js';
import { demoFxRates, demoPriceLists, demoProducts } from '../../infra/local/demo-data.js';
import type { Language } from '../../shared/language.js';

const year = 2026;
const quoteOf = (lineCount: number, language: Language, notes?: string): Quote => {
  const figures = buildQuote({
    lines: Array.from({ length: lineCount }, (_, i) => ({
      sku: i % 2 ? 'FL-25E' : 'TRN-OP',
      quantity: i + 1,
      discountBp: i * 50,
    })),
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
  PDFDocument.load(
    await renderQuotePdf({
      quote,
      customer: { name: 'Şükrü Işıkoğlu', company: 'Ünal Çelik İnşaat' },
      issuer: 'Pusula CRM',
    }),
  );

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

/** One word of `length` characters, Turkish letters among them, with no space to break at. */
const longWord = (length: number) =>
  Array.from({ length }, (_, i) => 'abcçdefgğhıijklmnoöprsştuüvyzQWX0123456789'[i % 42]).join('');
const named = (quote: Quote, name: string): Quote => ({
  ...quote,
  lines: quote.lines.map((line, i) => (i === 0 ? { ...line, name: { tr: name, en: name } } : line)),
});

interface Drawn {
  text: string;
  x: number;
  y: number;
  right: number;
  page: PDFPage;
}

/** Renders `quote`, observing (not replacing) pdf-lib: every string drawn, and how many characters were measured. */
const observe = async (quote: Quote) => {
  const drawn: Drawn[] = [];
  let measuredChars = 0;
  const draw = PDFPage.prototype.drawText;
  const measure = PDFFont.prototype.widthOfTextAtSize;
  vi.spyOn(PDFPage.prototype, 'drawText').mockImplementation(function (this: PDFPage, text, options = {}) {
    const width = options.font ? measure.call(options.font, text, options.size ?? 12) : 0;
    drawn.push({ text, x: options.x ?? 0, y: options.y ?? 0, right: (options.x ?? 0) + width, page: this });
    return draw.call(this, text, options);
  });
  vi.spyOn(PDFFont.prototype, 'widthOfTextAtSize').mockImplementation(function (this: PDFFont, text, size) {
    measuredChars += text.length;
    return measure.call(this, text, size);
  });
  const pdf = await render(quote);
  vi.restoreAllMocks();
  return { pdf, drawn, measuredChars };
};

afterEach(() => {
  vi.restoreAllMocks();
});

describe('wrapping in the PDF', () => {
  it('measures text in linear work: a 4,000-character word costs about 4× a 1,000-character one, not 16× or 64×', async () => {
    const base = quoteOf(2, 'en');
    const short = await observe(named(base, longWord(1_000)));
    const long = await observe(named(base, longWord(4_000)));
    // Each character once at most, plus the right-aligned figures: far under the word's length.
    expect(long.measuredChars).toBeLessThan(4_000);
    expect(long.measuredChars / short.measuredChars).toBeLessThanOrEqual(4.5);
  });

  it('breaks a word wider than a line where it must, and a pure wrap measures each character once', () => {
    let calls = 0;
    const lines = wrapText(`kısa ${'x'.repeat(25)} son`, 10, (text) => {
      calls++;
      return text.length;
    });
    expect(lines).toEqual(['kısa', 'xxxxxxxxxx', 'xxxxxxxxxx', 'xxxxx son']);
    expect(calls).toBe(new Set(' kısaxon').size);
  });

  it('renders a 4,000-character word inside the product column, running onto further pages', async () => {
    const word = longWord(4_000);
    const { pdf, drawn } = await observe(named(quoteOf(2, 'en'), word));
    const { width, height } = pdf.getPage(0).getSize();
    // The product column: from 68 pt, 198 pt wide.
    const parts = drawn.filter((d) => d.x === 68 && d.text !== '' && word.includes(d.text));
    expect(parts.map((d) => d.text).join('')).toBe(word);
    for (const part of parts) {
      expect(part.right).toBeLessThanOrEqual(68 + 198);
      expect(part.y).toBeGreaterThanOrEqual(48 + 24);
      expect(part.y).toBeLessThanOrEqual(height);
    }
    expect(new Set(parts.map((d) => d.page)).size).toBeGreaterThan(1);
    expect(drawn.every((d) => d.right <= width)).toBe(true);
  });
});

describe('units in the quote’s language', () => {
  it('shows English units on an English PDF and page, Turkish ones on a Turkish PDF', async () => {
    // Line 1: TRN-OP, 1 kişi; line 2: FL-25E, 2 adet.
    const english = quoteOf(2, 'en');
    const texts = (await observe(english)).drawn.map((d) => d.text);
    expect(texts).toEqual(expect.arrayContaining(['1 person', '2 pcs']));
    expect(texts.join('\n')).not.toMatch(/adet|kişi/);
    const page = String(quoteTableHtml(english, 'en'));
    expect(page).toContain('2 pcs ×');
    expect(page).not.toMatch(/adet|kişi/);
    expect(quoteTableText(english, 'en')).toContain('1 person ×');

    const turkish = (await observe(quoteOf(2, 'tr'))).drawn.map((d) => d.text);
    expect(turkish).toEqual(expect.arrayContaining(['1 kişi', '2 adet']));
  });
});
