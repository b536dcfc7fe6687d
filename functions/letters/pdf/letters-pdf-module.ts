// The letters' and labels' PDF drawing (pdf-lib, fontkit) as a lazy module: loaded on a render only.
import type { LazyModule } from '../../../shared/lazy-modules.js';

export const lettersPdfModule: LazyModule<typeof import('./letters-pdf.js')> = {
  from: 'functions/letters/pdf/letters-pdf.ts',
  to: 'letters-pdf.mjs',
};
