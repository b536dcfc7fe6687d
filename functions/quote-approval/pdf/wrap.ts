// Line-breaking for the quote PDF: the platform's, shared with every PDF the CRM draws.
export { wrapText } from '../../../shared/pdf-wrap.js';
