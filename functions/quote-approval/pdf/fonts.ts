// The fonts the PDF is drawn with: DejaVu, because the standard PDF fonts have no ğ, ş, ı or İ.
// Declared as function assets in the manifest, so the CDK copies them beside the bundle.
import type { FunctionAsset } from '../../../shared/manifest.js';

const dir = 'node_modules/dejavu-fonts-ttf/ttf';

export const pdfFonts = {
  regular: { from: `${dir}/DejaVuSans.ttf`, to: 'DejaVuSans.ttf' },
  bold: { from: `${dir}/DejaVuSans-Bold.ttf`, to: 'DejaVuSans-Bold.ttf' },
} satisfies Record<string, FunctionAsset>;

export const pdfFontAssets: FunctionAsset[] = Object.values(pdfFonts);
