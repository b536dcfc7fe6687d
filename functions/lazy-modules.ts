// Every lazy module (shared/lazy-modules.ts): the CDK's bundling builds each one a function's bundle names
// beside its index.mjs, and the bench does the same.
import type { LazyModule } from '../shared/lazy-modules.js';
import { agreementPdfModule } from './agreements/pdf/agreement-pdf-module.js';
import { lettersPdfModule } from './letters/pdf/letters-pdf-module.js';
import { quotePdfModule } from './quote-approval/pdf/quote-pdf-module.js';

export const lazyModules: LazyModule[] = [quotePdfModule, agreementPdfModule, lettersPdfModule];
