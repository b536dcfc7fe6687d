// The quote's PDF drawing (pdf-lib, fontkit) as a lazy module: loaded on the first render only.
import type { LazyModule } from '../../../shared/lazy-modules.js';

export const quotePdfModule: LazyModule<typeof import('./quote-pdf.js')> = {
  from: 'functions/quote-approval/pdf/quote-pdf.ts',
  to: 'quote-pdf.mjs',
};
