// The agreement's PDF drawing (pdf-lib, fontkit) as a lazy module: loaded on an offer's render only.
import type { LazyModule } from '../../../shared/lazy-modules.js';

export const agreementPdfModule: LazyModule<typeof import('./agreement-pdf.js')> = {
  from: 'functions/agreements/pdf/agreement-pdf.ts',
  to: 'agreement-pdf.mjs',
};
