// On PaymentPosted: the ERP's payment pays the order's instalments down, oldest first, once.
import { eventHandler } from '../../../shared/consumer.js';
import { applyPayment } from '../plan-store.js';

export const handler = eventHandler('PaymentPosted', (detail) => applyPayment(detail));
