// The letters' PDFs as a part holds them: a finished page keeps its drawing as compressed bytes (not
// pdf-lib's operator objects), and the letterhead is one form every page draws, typeset once.
import { inflateSync } from 'node:zlib';
import { PDFArray, PDFContentStream, PDFDict, PDFDocument, PDFName, PDFRawStream, PDFRef } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { renderLabels, renderLetters, seal } from '../../functions/letters/pdf/letters-pdf.js';
import { pdfText } from '../support/pdf-text.js';

const contentRefs = (doc: PDFDocument, page: number) => {
  const contents = doc.getPage(page).node.Contents();
  return contents instanceof PDFArray ? contents.asArray().filter((o): o is PDFRef => o instanceof PDFRef) : [];
};

const letter = (name: string) => ({
  address: [name, 'Caferağa Mah.', '34710 Kadıköy / İSTANBUL'],
  date: '7 Aralık 2026',
  subject: 'Bilgilendirme',
  body: `Sayın ${name},\n\nHesabınızla ilgili bilgilendirme.`,
});

describe('a sealed page', () => {
  it('holds its drawing as Flate-compressed bytes, and a later drawing starts a stream of its own', async () => {
    const doc = await PDFDocument.create();
    const page = doc.addPage();
    page.drawText('Once');
    const [drawn] = contentRefs(doc, 0);
    expect(doc.context.lookup(drawn!)).toBeInstanceOf(PDFContentStream);
    seal(doc, page);
    const sealed = doc.context.lookup(drawn!);
    expect(sealed).toBeInstanceOf(PDFRawStream);
    expect(String((sealed as PDFRawStream).dict.get(PDFName.of('Filter')))).toBe('/FlateDecode');
    // the page forgot the sealed stream: drawing again adds a second one instead of growing the first
    page.drawText('Then');
    expect(contentRefs(doc, 0)).toHaveLength(2);
    seal(doc, page);
    // both drawings are in the file, in order (the standard font shows its text as hex bytes)
    const saved = await PDFDocument.load(await doc.save());
    const drawings = contentRefs(saved, 0).map((ref) =>
      inflateSync((saved.context.lookup(ref) as PDFRawStream).contents).toString('latin1'),
    );
    expect(drawings).toEqual([expect.stringContaining('<4F6E6365> Tj'), expect.stringContaining('<5468656E> Tj')]);
  });
});

describe('a part of letters', () => {
  it('draws the letterhead as one form on every page, each page showing its own address first', async () => {
    const names = ['Ayşe Demirtaş', 'Kemal Uçar', 'Deniz Akın'];
    const bytes = await renderLetters(
      { name: 'Örnek Ticaret A.Ş.', lines: ['Moda Cad. 1, Kadıköy / İstanbul'] },
      names.map(letter),
      'Letters',
    );
    const doc = await PDFDocument.load(bytes);
    expect(doc.getPageCount()).toBe(3);
    const forms = doc.getPages().map((page) => {
      const xObjects = page.node.Resources()?.lookup(PDFName.of('XObject'), PDFDict);
      return xObjects?.values().map(String) ?? [];
    });
    expect(forms.every((refs) => refs.length === 1)).toBe(true);
    expect(new Set(forms.flat()).size).toBe(1);
    const shown = await pdfText(bytes);
    expect([0, 1, 2].map((page) => shown.find((s) => s.page === page)?.text)).toEqual(names);
    // the letterhead is in the form, not typeset again on each page
    expect(shown.some((s) => s.text.startsWith('Örnek Ticaret'))).toBe(false);
    expect(shown.filter((s) => s.text === 'Bilgilendirme')).toHaveLength(3);
  });

  it('draws no form when the run has no letterhead, and sheets of labels are sealed too', async () => {
    const bare = await PDFDocument.load(await renderLetters({ name: '', lines: [] }, [letter('Selin Oral')], 'x'));
    expect(bare.getPage(0).node.Resources()?.lookup(PDFName.of('XObject'), PDFDict).keys() ?? []).toEqual([]);
    const labels = await renderLabels(
      '3x8',
      Array.from({ length: 25 }, (_, i) => [`Alıcı ${i}`, 'Moda', '34710 Kadıköy']),
      'Labels',
    );
    const shown = await pdfText(labels);
    expect(new Set(shown.map((s) => s.page)).size).toBe(2);
    expect(shown.filter((s) => s.text.startsWith('Alıcı'))).toHaveLength(25);
  });
});
