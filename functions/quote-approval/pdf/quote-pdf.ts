// The quote as an A4 PDF, in the quote's language: drawn with pdf-lib and the DejaVu fonts (subset,
// so a quote is tens of kilobytes), lines flowing onto further pages with the table header repeated.
import { rgb } from 'pdf-lib';
import { MARGIN, MUTED, openSheet, RIGHT } from '../../../shared/pdf.js';
import type { Quote } from '../quote-store.js';
import { type CustomerView, formatDate, labels, quoteNumber, quoteRows } from '../templates/quote-view.js';

/** The tallest row kept whole on one page: well under a page's height below the table header. */
const ROW_MAX = 600;

/** Columns of the line table: left edge and width; numbers are right-aligned in theirs. */
const columns = {
  index: { x: MARGIN, w: 20 },
  product: { x: MARGIN + 20, w: 198 },
  quantity: { x: MARGIN + 218, w: 55 },
  unitPrice: { x: MARGIN + 273, w: 82 },
  discount: { x: MARGIN + 355, w: 52 },
  amount: { x: MARGIN + 407, w: 92 },
};

export interface QuotePdfInput {
  quote: Quote;
  customer: CustomerView;
  /** Who issues the quote: the firm's name as its mail goes out. */
  issuer: string;
}

export const renderQuotePdf = async ({ quote, customer, issuer }: QuotePdfInput): Promise<Uint8Array> => {
  const language = quote.language;
  const t = labels[language];
  const rows = quoteRows(quote, language);
  const title = `${t.quote} ${quoteNumber(quote)}`;
  const sheet = await openSheet({ title, author: issuer, language, createdAt: quote.updatedAt });

  // Header: issuer and title, then who it is for and its dates.
  sheet.text(issuer, MARGIN, { size: 14, bold: true });
  sheet.text(t.quote.toLocaleUpperCase(language), RIGHT, { size: 18, bold: true, align: 'right' });
  sheet.y -= 30;
  sheet.rule();
  sheet.y -= 18;
  const meta: [string, string][] = [
    [t.quoteNo, quoteNumber(quote)],
    [t.revision, String(quote.version)],
    [t.date, formatDate(quote.quoteDate, language)],
    [t.validUntil, formatDate(quote.validUntil, language)],
  ];
  const top = sheet.y;
  sheet.text(t.customer, MARGIN, { size: 8, colour: MUTED });
  sheet.y -= 13;
  for (const line of [customer.company, customer.name].filter((s): s is string => Boolean(s))) {
    for (const wrapped of sheet.wrap(line, 260, 10.5, true)) {
      sheet.text(wrapped, MARGIN, { size: 10.5, bold: true });
      sheet.y -= 14;
    }
  }
  const afterCustomer = sheet.y;
  sheet.y = top;
  for (const [label, value] of meta) {
    sheet.text(label, RIGHT - 110, { size: 9, colour: MUTED, align: 'right' });
    sheet.text(value, RIGHT, { size: 9, bold: true, align: 'right' });
    sheet.y -= 13;
  }
  sheet.y = Math.min(sheet.y, afterCustomer) - 14;

  // The lines, the header repeated on every page they run onto.
  const header = () => {
    sheet.page.drawRectangle({
      x: MARGIN,
      y: sheet.y - 5,
      width: RIGHT - MARGIN,
      height: 18,
      color: rgb(0.96, 0.97, 0.98),
    });
    const h = { size: 8.5, bold: true };
    sheet.text('#', columns.index.x + 2, h);
    sheet.text(t.product, columns.product.x, h);
    sheet.text(t.quantity, columns.quantity.x + columns.quantity.w, { ...h, align: 'right' });
    sheet.text(t.unitPrice, columns.unitPrice.x + columns.unitPrice.w, { ...h, align: 'right' });
    sheet.text(t.discount, columns.discount.x + columns.discount.w, { ...h, align: 'right' });
    sheet.text(t.amount, columns.amount.x + columns.amount.w, { ...h, align: 'right' });
    sheet.y -= 20;
  };
  header();
  rows.lines.forEach((line, i) => {
    const name = sheet.wrap(line.name, columns.product.w - 6);
    // A row is kept on one page, unless it is longer than a page: then its name runs on.
    if (sheet.room(Math.min(name.length * 12 + 20, ROW_MAX))) header();
    const right = (value: string, column: { x: number; w: number }) =>
      sheet.text(value, column.x + column.w, { align: 'right' });
    sheet.text(String(i + 1), columns.index.x + 2, { colour: MUTED });
    right(line.quantity, columns.quantity);
    right(line.unitPrice, columns.unitPrice);
    right(line.discount, columns.discount);
    right(line.amount, columns.amount);
    name.forEach((part, n) => {
      if (n > 0) {
        sheet.y -= 12;
        if (sheet.room(20)) header();
      }
      sheet.text(part, columns.product.x);
    });
    sheet.y -= 12;
    sheet.text(`${line.sku} · ${t.taxRate} ${line.taxRate}`, columns.product.x, { size: 7.5, colour: MUTED });
    sheet.rule(sheet.y - 7);
    sheet.y -= 20;
  });

  // Totals, right-aligned under the amounts.
  sheet.y -= 6;
  for (const total of rows.totals) {
    sheet.room(16);
    sheet.text(total.label, columns.amount.x - 10, {
      align: 'right',
      bold: total.strong,
      size: total.strong ? 10.5 : 9.5,
    });
    sheet.text(total.value, RIGHT, { align: 'right', bold: total.strong, size: total.strong ? 10.5 : 9.5 });
    sheet.y -= total.strong ? 17 : 14;
  }

  if (rows.plan.length) {
    sheet.y -= 10;
    sheet.room(30);
    sheet.text(t.paymentPlan, MARGIN, { bold: true, size: 10.5 });
    sheet.y -= 16;
    for (const part of rows.plan) {
      sheet.room(14);
      sheet.text(part.dueDate, MARGIN);
      sheet.text(part.amount, MARGIN + 200, { align: 'right' });
      sheet.y -= 13;
    }
  }

  for (const [heading, text] of [
    [t.deliveryTerms, quote.deliveryTerms],
    [t.notes, quote.notes],
  ] as const) {
    if (text) sheet.section(heading, text);
  }

  return sheet.finish((page, pages) => `${title} · ${t.page(page, pages)}`);
};
