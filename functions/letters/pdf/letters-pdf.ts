// Letters and label sheets as print-ready A4 PDFs, drawn with pdf-lib and the DejaVu fonts (subset:
// the standard PDF fonts have no ğ, ş, ı or İ). A letter is exactly one page: the letterhead, the
// address where a DL window envelope shows it (20 mm from the left, 45 mm from the top), the date and
// the merged text, cut at the page's foot. Line breaking is linear in the text's length.
// A part holds thousands of pages, so its memory is kept to what a page needs in the file: the letterhead
// is typeset once as a form XObject every page shows, characters are measured once a document, and each
// finished page's drawing operators are swapped for their compressed bytes (`seal`).
import { readFile } from 'node:fs/promises';
import fontkit from '@pdf-lib/fontkit';
import {
  type PDFContentStream,
  PDFDocument,
  type PDFEmbeddedPage,
  type PDFFont,
  type PDFPage,
  type PDFRef,
  rgb,
} from 'pdf-lib';
import { assetPath } from '../../../shared/assets.js';
import { pdfFonts } from '../../../shared/pdf-fonts.js';
import { measuredOnce, wrapText } from '../../../shared/pdf-wrap.js';
import { A4, type LabelLayout, labelCells } from '../domain/label-layout.js';

const MM = 72 / 25.4;
const INK = rgb(0.12, 0.16, 0.2);
const MUTED = rgb(0.45, 0.5, 0.55);

let fonts: Promise<[Buffer, Buffer]> | undefined;
const fontFiles = () => {
  fonts ??= Promise.all([readFile(assetPath(pdfFonts.regular)), readFile(assetPath(pdfFonts.bold))]);
  return fonts;
};

const newDocument = async (title: string) => {
  const doc = await PDFDocument.create();
  doc.registerFontkit(fontkit);
  const [regularBytes, boldBytes] = await fontFiles();
  const regular = await doc.embedFont(regularBytes, { subset: true });
  const bold = await doc.embedFont(boldBytes, { subset: true });
  doc.setTitle(title);
  doc.setProducer('Pusula CRM');
  return { doc, regular, bold };
};

export interface Letterhead {
  name: string;
  lines: string[];
}

export interface LetterPage {
  /** The envelope's lines: addressee first. */
  address: string[];
  date: string;
  subject?: string;
  body: string;
}

const line = (page: PDFPage, text: string, x: number, y: number, size: number, font: PDFFont, colour = INK) =>
  page.drawText(text, { x, y, size, font, color: colour });

/**
 * pdf-lib keeps every operator a page was drawn with as objects until `save()` (about 100 MB for 5,000
 * letters, which is what made a part's memory grow): a finished page's content stream is replaced by its
 * Flate-compressed bytes (well under 1 KB a letter) and the page forgets it. pdf-lib holds the stream on
 * fields it does not export, hence the cast; the letters' unit test checks that a sealed page holds bytes.
 */
export const seal = (doc: PDFDocument, page: PDFPage) => {
  const drawn = page as unknown as { contentStream?: PDFContentStream; contentStreamRef?: PDFRef };
  if (!drawn.contentStream || !drawn.contentStreamRef) return;
  doc.context.assign(drawn.contentStreamRef, doc.context.flateStream(drawn.contentStream.getUnencodedContents()));
  drawn.contentStream = undefined;
  drawn.contentStreamRef = undefined;
};

const HEAD_HEIGHT = 40 * MM;

/** The letterhead typeset once, on a page taken out again, as a form every letter's page draws. */
const letterheadForm = async (doc: PDFDocument, letterhead: Letterhead, regular: PDFFont, bold: PDFFont) => {
  if (!letterhead.name && !letterhead.lines.length) return undefined;
  const scratch = doc.addPage([A4.width, HEAD_HEIGHT]);
  let y = HEAD_HEIGHT - 15 * MM;
  line(scratch, letterhead.name, 20 * MM, y, 13, bold);
  for (const text of letterhead.lines) {
    y -= 11;
    line(scratch, text, 20 * MM, y, 8, regular, MUTED);
  }
  const form = await doc.embedPage(scratch);
  doc.removePage(doc.getPageCount() - 1);
  return form;
};

/** One page per letter, in the order given. */
export const renderLetters = async (letterhead: Letterhead, letters: LetterPage[], title: string) => {
  const { doc, regular, bold } = await newDocument(title);
  const left = 20 * MM;
  const width = A4.width - 2 * left;
  const foot = 20 * MM;
  const head: PDFEmbeddedPage | undefined = await letterheadForm(doc, letterhead, regular, bold);
  const bodyWidth = measuredOnce((t) => regular.widthOfTextAtSize(t, 10.5));
  for (const letter of letters) {
    const page = doc.addPage([A4.width, A4.height]);
    if (head) page.drawPage(head, { x: 0, y: A4.height - HEAD_HEIGHT });
    // the DL window: 45 mm from the top, 90 × 35 mm
    let y = A4.height - 50 * MM;
    for (const text of letter.address) {
      y -= 13;
      line(page, text, left, y, 10, regular);
    }
    y = A4.height - 95 * MM;
    page.drawText(letter.date, {
      x: A4.width - left - regular.widthOfTextAtSize(letter.date, 10),
      y,
      size: 10,
      font: regular,
      color: INK,
    });
    if (letter.subject) {
      y -= 24;
      line(page, letter.subject, left, y, 11, bold);
    }
    y -= 10;
    for (const text of wrapText(letter.body, width, bodyWidth)) {
      if (y - 15 < foot) break;
      y -= 15;
      if (text) line(page, text, left, y, 10.5, regular);
    }
    seal(doc, page);
  }
  return doc.save();
};

/** The address lines a label holds, shrunk to fit its width, sheets added as they fill. */
export const renderLabels = async (layout: LabelLayout, labels: string[][], title: string) => {
  const { doc, regular, bold } = await newDocument(title);
  const cells = labelCells(layout);
  let page: PDFPage | undefined;
  labels.forEach((lines, i) => {
    const slot = i % cells.length;
    if (slot === 0) {
      if (page) seal(doc, page);
      page = doc.addPage([A4.width, A4.height]);
    }
    const cell = cells[slot]!;
    const pad = 5 * MM;
    const room = cell.width - 2 * pad;
    let y = cell.y + cell.height - pad - 9;
    lines.forEach((text, n) => {
      const font = n === 0 ? bold : regular;
      const size = Math.min(9, (9 * room) / Math.max(font.widthOfTextAtSize(text, 9), 1));
      page!.drawText(text, { x: cell.x + pad, y, size, font, color: INK });
      y -= 11;
    });
  });
  if (page) seal(doc, page);
  return doc.save();
};

/** `first`'s pages followed by `then`'s: a covering letter in front of a document printed elsewhere. */
export const appendPdf = async (first: Uint8Array, then: Uint8Array) => {
  const doc = await PDFDocument.load(first);
  const other = await PDFDocument.load(then);
  for (const page of await doc.copyPages(other, other.getPageIndices())) doc.addPage(page);
  return doc.save();
};
