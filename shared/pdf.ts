// Drawing an A4 PDF: pdf-lib with the DejaVu fonts embedded as subsets (a document is tens of
// kilobytes), a sheet that writes text, rules and wrapped lines and starts a new page when the
// next block does not fit, and a footer with the title and page numbers on every page. Loaded only
// on the paths that render: pdf-lib is heavy for a cold start.
import { readFile } from 'node:fs/promises';
import fontkit from '@pdf-lib/fontkit';
import { PDFDocument, type PDFFont, type PDFPage, rgb } from 'pdf-lib';
import { assetPath } from './assets.js';
import type { Language } from './language.js';
import { pdfFonts } from './pdf-fonts.js';
import { wrapText } from './pdf-wrap.js';

let fonts: Promise<[Buffer, Buffer]> | undefined;
const fontFiles = () => {
  fonts ??= Promise.all([readFile(assetPath(pdfFonts.regular)), readFile(assetPath(pdfFonts.bold))]);
  return fonts;
};

export const PAGE = { width: 595.28, height: 841.89 };
export const MARGIN = 48;
export const RIGHT = PAGE.width - MARGIN;
const BOTTOM = MARGIN + 24;
export const INK = rgb(0.12, 0.16, 0.2);
export const MUTED = rgb(0.45, 0.5, 0.55);
const RULE = rgb(0.85, 0.87, 0.9);

export class Sheet {
  page!: PDFPage;
  y = 0;

  constructor(
    readonly doc: PDFDocument,
    readonly regular: PDFFont,
    readonly bold: PDFFont,
  ) {
    this.newPage();
  }

  newPage() {
    this.page = this.doc.addPage([PAGE.width, PAGE.height]);
    this.y = PAGE.height - MARGIN;
  }

  /** Starts a new page unless `height` more points fit on this one; true if it did. */
  room(height: number) {
    if (this.y - height >= BOTTOM) return false;
    this.newPage();
    return true;
  }

  text(
    value: string,
    x: number,
    options: { size?: number; bold?: boolean; colour?: typeof INK; align?: 'left' | 'right'; y?: number } = {},
  ) {
    const size = options.size ?? 9.5;
    const font = options.bold ? this.bold : this.regular;
    const left = options.align === 'right' ? x - font.widthOfTextAtSize(value, size) : x;
    this.page.drawText(value, { x: left, y: options.y ?? this.y, size, font, color: options.colour ?? INK });
  }

  rule(y = this.y) {
    this.page.drawLine({ start: { x: MARGIN, y }, end: { x: RIGHT, y }, thickness: 0.6, color: RULE });
  }

  /** `value` in lines no wider than `width` at this size and weight. */
  wrap(value: string, width: number, size = 9.5, bold = false): string[] {
    const font = bold ? this.bold : this.regular;
    return wrapText(value, width, (text) => font.widthOfTextAtSize(text, size));
  }

  /** A heading and its text as paragraphs across the page's width, running onto further pages. */
  section(heading: string, text: string) {
    this.y -= 10;
    this.room(30);
    this.text(heading, MARGIN, { bold: true, size: 10.5 });
    this.y -= 16;
    for (const line of this.wrap(text, RIGHT - MARGIN)) {
      this.room(13);
      this.text(line, MARGIN);
      this.y -= 13;
    }
  }

  /** The title and "page n of m" at the foot of every page; then the document's bytes. */
  async finish(footer: (page: number, pages: number) => string): Promise<Uint8Array> {
    const pages = this.doc.getPages();
    pages.forEach((page, i) => {
      this.page = page;
      this.text(footer(i + 1, pages.length), RIGHT, { y: MARGIN - 10, size: 7.5, colour: MUTED, align: 'right' });
    });
    return this.doc.save();
  }
}

/** A new document with its metadata and the fonts embedded, on its first page. */
export const openSheet = async (meta: { title: string; author: string; language: Language; createdAt: string }) => {
  const doc = await PDFDocument.create();
  doc.registerFontkit(fontkit);
  const [regularBytes, boldBytes] = await fontFiles();
  const sheet = new Sheet(
    doc,
    await doc.embedFont(regularBytes, { subset: true }),
    await doc.embedFont(boldBytes, { subset: true }),
  );
  doc.setTitle(meta.title);
  doc.setAuthor(meta.author);
  doc.setLanguage(meta.language === 'tr' ? 'tr-TR' : 'en-GB');
  doc.setCreationDate(new Date(meta.createdAt));
  return sheet;
};
