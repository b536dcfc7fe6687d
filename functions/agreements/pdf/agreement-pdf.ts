// The agreement as an A4 PDF in its language, drawn with the platform's PDF sheet (shared/pdf.ts):
// the parties and validity at the top, then its terms, prices, commitments and schedule.
import { MARGIN, MUTED, openSheet, RIGHT } from '../../../shared/pdf.js';
import type { Agreement } from '../domain/agreement.js';
import { agreementNumber, sections, validityText, words } from '../templates/agreement-view.js';

export const renderAgreementPdf = async (a: Agreement): Promise<Uint8Array> => {
  const w = words[a.language];
  const title = `${w.kinds[a.kind]} ${agreementNumber(a)}`;
  const sheet = await openSheet({ title, author: a.parties.seller, language: a.language, createdAt: a.updatedAt });
  sheet.text(a.parties.seller, MARGIN, { size: 14, bold: true });
  sheet.text(w.kinds[a.kind].toLocaleUpperCase(a.language), RIGHT, { size: 13, bold: true, align: 'right' });
  sheet.y -= 24;
  sheet.rule();
  sheet.y -= 18;
  for (const line of sheet.wrap(a.title, RIGHT - MARGIN, 12, true)) {
    sheet.text(line, MARGIN, { size: 12, bold: true });
    sheet.y -= 16;
  }
  const facts: [string, string][] = [
    [w.number, agreementNumber(a)],
    [w.seller, a.parties.seller],
    [w.buyer, a.parties.buyer],
    [w.validity, validityText(a, a.language)],
  ];
  for (const [label, value] of facts) {
    sheet.text(label, MARGIN, { size: 9, colour: MUTED });
    sheet.text(value, MARGIN + 110, { size: 9.5, bold: true });
    sheet.y -= 14;
  }
  for (const [heading, text] of sections(a, a.language)) sheet.section(heading, text);
  return sheet.finish((page, pages) => `${title} · ${w.page(page, pages)}`);
};
