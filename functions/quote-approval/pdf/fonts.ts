// The fonts the quote PDF is drawn with: the platform's (shared/pdf-fonts.ts).
export { pdfFontAssets, pdfFonts } from '../../../shared/pdf-fonts.js';
