// The fonts every PDF is drawn with: DejaVu, because the standard PDF fonts have no ğ, ş, ı or İ.
// Declared as function assets in a manifest, so the CDK copies them beside the bundle. Apart from
// the drawing code (shared/pdf.ts), so a manifest naming them does not load pdf-lib.
import type { FunctionAsset } from './manifest.js';

const dir = 'node_modules/dejavu-fonts-ttf/ttf';

export const pdfFonts = {
  regular: { from: `${dir}/DejaVuSans.ttf`, to: 'DejaVuSans.ttf' },
  bold: { from: `${dir}/DejaVuSans-Bold.ttf`, to: 'DejaVuSans-Bold.ttf' },
} satisfies Record<string, FunctionAsset>;

export const pdfFontAssets: FunctionAsset[] = Object.values(pdfFonts);
