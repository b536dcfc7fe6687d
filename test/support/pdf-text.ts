// Reads the text back out of a PDF pdf-lib drew: each string shown with its page and position (points
// from the page's bottom left), decoded through its font's ToUnicode map. Enough for the project's own
// PDFs (one Tm and one Tj per string, Flate streams, Identity-H fonts), not a general PDF reader.
import { inflateSync } from 'node:zlib';
import { PDFArray, type PDFDict, PDFDocument, PDFName, type PDFObject, type PDFRawStream, PDFRef } from 'pdf-lib';

export interface Shown {
  page: number;
  x: number;
  y: number;
  text: string;
}

const bytesOf = (stream: PDFRawStream) => {
  const filter = stream.dict.get(PDFName.of('Filter'));
  const raw = Buffer.from(stream.contents);
  return String(filter) === '/FlateDecode' ? inflateSync(raw) : raw;
};

/** glyph id (hex) → text, from a ToUnicode CMap's bfchar entries. */
const unicodeMap = (cmap: string) => {
  const map = new Map<string, string>();
  for (const [, gid, hex] of cmap.matchAll(/<([0-9a-fA-F]{4})>\s*<([0-9a-fA-F]+)>/g)) {
    const units = hex!.match(/.{4}/g)!.map((u) => Number.parseInt(u, 16));
    map.set(gid!.toLowerCase(), String.fromCharCode(...units));
  }
  return map;
};

export const pdfText = async (bytes: Uint8Array): Promise<Shown[]> => {
  const doc = await PDFDocument.load(bytes);
  const look = (o: PDFObject | undefined) => (o instanceof PDFRef ? doc.context.lookup(o) : o);
  const out: Shown[] = [];
  doc.getPages().forEach((page, index) => {
    const fonts = new Map<string, Map<string, string>>();
    const fontDict = look(page.node.Resources()?.get(PDFName.of('Font'))) as PDFDict | undefined;
    for (const [name, ref] of fontDict?.entries() ?? []) {
      const toUnicode = look((look(ref) as PDFDict).get(PDFName.of('ToUnicode'))) as PDFRawStream | undefined;
      if (toUnicode) fonts.set(name.toString(), unicodeMap(bytesOf(toUnicode).toString('latin1')));
    }
    const contents = look(page.node.get(PDFName.of('Contents')));
    const streams = contents instanceof PDFArray ? contents.asArray().map(look) : [contents];
    const content = streams.map((s) => bytesOf(s as PDFRawStream).toString('latin1')).join('\n');
    let font = new Map<string, string>();
    let x = 0;
    let y = 0;
    const ops = /(\/\S+)\s+[\d.]+\s+Tf|([-\d.]+)\s+([-\d.]+)\s+Tm|<([0-9a-fA-F]*)>\s*Tj/g;
    for (const m of content.matchAll(ops)) {
      if (m[1]) font = fonts.get(m[1]) ?? new Map();
      else if (m[2] !== undefined) [x, y] = [Number(m[2]), Number(m[3])];
      else {
        const text = (m[4]!.toLowerCase().match(/.{4}/g) ?? []).map((g) => font.get(g) ?? '?').join('');
        out.push({ page: index, x, y, text });
      }
    }
  });
  return out;
};
