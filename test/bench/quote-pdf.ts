// The quote PDF's drawing cost: renderQuotePdf for quotes of 10, 50 and 200 lines, beside the floor
// measured in the same run — pdf-lib with the same two DejaVu subsets drawing the same strings (every
// cell of every line, the totals and the header) one under another, with no layout (no wrapping,
// no widths measured, no repeated headers). Median of RUNS renders each, in this process, after one
// untimed render that loads the modules and reads the fonts. The per-line cost at 10, 50 and 200
// lines shows whether the cost stays linear in the text's length.
import { readFile } from 'node:fs/promises';
import fontkit from '@pdf-lib/fontkit';
import { PDFDocument } from 'pdf-lib';
import { buildQuote } from '../../functions/quote-approval/domain/quote-builder.js';
import { pdfFonts } from '../../functions/quote-approval/pdf/fonts.js';
import { renderQuotePdf } from '../../functions/quote-approval/pdf/quote-pdf.js';
import type { Quote } from '../../functions/quote-approval/quote-store.js';
import { labels, quoteRows } from '../../functions/quote-approval/templates/quote-view.js';
import { demoFxRates, demoPriceLists, demoProducts } from '../../infra/local/demo-data.js';
import { assetPath } from '../../shared/assets.js';
import { out } from './output.js';

const RUNS = Number(process.env.BENCH_PDF_RUNS ?? 15);
const SIZES = [10, 50, 200];
const year = 2026;
const customer = { name: 'Bench Müşteri', company: 'Bench Çelik İnşaat A.Ş.' };

const quoteOf = (lineCount: number): Quote => ({
  ...buildQuote({
    lines: Array.from({ length: lineCount }, (_, i) => ({
      sku: i % 2 ? 'FL-25E' : 'TRN-OP',
      quantity: i + 1,
      discountBp: (i % 10) * 50,
    })),
    products: new Map(demoProducts.map((p) => [p.sku, p])),
    priceList: demoPriceLists(year)[0]!,
    rates: demoFxRates(year),
    quoteDate: `${year}-11-23`,
    paymentTerms: { type: 'instalments', count: 4, firstDueDate: `${year}-12-15` },
  }),
  quoteId: '01KAQ0000000000000000BENCH',
  customerId: 'bench',
  ownerId: 'rep-ayse',
  status: 'sent',
  version: 1,
  seq: 1,
  language: 'tr',
  priceListId: 'tr-standart',
  validUntil: `${year}-12-23`,
  expiresAt: `${year}-12-23T21:00:00.000Z`,
  approvals: [],
  createdAt: `${year}-11-23T09:00:00.000Z`,
  updatedAt: `${year}-11-23T09:00:00.000Z`,
});

/** The floor: the same strings drawn with the same fonts, one per row, a new page every 60 rows. */
const drawPlain = async (quote: Quote, regularBytes: Buffer, boldBytes: Buffer) => {
  const t = labels.tr;
  const rows = quoteRows(quote, 'tr');
  const strings = [
    'Pusula CRM',
    t.quote,
    customer.company,
    customer.name,
    t.product,
    t.quantity,
    t.unitPrice,
    t.discount,
    t.amount,
    ...rows.lines.flatMap((l, i) => [
      String(i + 1),
      l.name,
      l.quantity,
      l.unitPrice,
      l.discount,
      l.amount,
      `${l.sku} · ${t.taxRate} ${l.taxRate}`,
    ]),
    ...rows.totals.flatMap((r) => [r.label, r.value]),
    ...rows.plan.flatMap((p) => [p.dueDate, p.amount]),
  ];
  const doc = await PDFDocument.create();
  doc.registerFontkit(fontkit);
  const regular = await doc.embedFont(regularBytes, { subset: true });
  const bold = await doc.embedFont(boldBytes, { subset: true });
  let page = doc.addPage([595.28, 841.89]);
  strings.forEach((text, i) => {
    if (i > 0 && i % 60 === 0) page = doc.addPage([595.28, 841.89]);
    page.drawText(text, { x: 48, y: 800 - (i % 60) * 12, size: 9.5, font: i % 7 === 0 ? bold : regular });
  });
  return doc.save();
};

const medianMs = async (work: () => Promise<unknown>) => {
  const samples: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const t = performance.now();
    await work();
    samples.push(performance.now() - t);
  }
  return samples.sort((a, b) => a - b)[Math.floor(RUNS / 2)]!;
};

export const benchQuotePdf = async () => {
  const [regularBytes, boldBytes] = await Promise.all([
    readFile(assetPath(pdfFonts.regular)),
    readFile(assetPath(pdfFonts.bold)),
  ]);
  const render = (quote: Quote) => renderQuotePdf({ quote, customer, issuer: 'Pusula CRM' });
  await render(quoteOf(2));
  await drawPlain(quoteOf(2), regularBytes, boldBytes);
  const rows: Record<string, Record<string, string>> = {};
  let at50 = { render: 0, floor: 0 };
  let previous: { size: number; render: number; floor: number } | undefined;
  for (const size of SIZES) {
    const quote = quoteOf(size);
    const renderMs = await medianMs(() => render(quote));
    const floorMs = await medianMs(() => drawPlain(quote, regularBytes, boldBytes));
    if (size === 50) at50 = { render: renderMs, floor: floorMs };
    rows[`${size} lines`] = {
      'render ms': renderMs.toFixed(1),
      'floor ms (pdf-lib, no layout)': floorMs.toFixed(1),
      ratio: `${(renderMs / floorMs).toFixed(2)}×`,
      // What each further line costs: flat (linear cost) from one size to the next, or growing.
      'added ms per added line (render / floor)': previous
        ? `${((renderMs - previous.render) / (size - previous.size)).toFixed(2)} / ` +
          `${((floorMs - previous.floor) / (size - previous.size)).toFixed(2)}`
        : '—',
    };
    previous = { size, render: renderMs, floor: floorMs };
  }
  out.log(`\nQuote PDF render (median of ${RUNS}), beside pdf-lib drawing the same text with no layout`);
  out.table(rows);
  out.log(`quote PDF, 50 lines / pdf-lib floor: ${(at50.render / at50.floor).toFixed(2)}× (goal ≤ 2.00×)`);
};
