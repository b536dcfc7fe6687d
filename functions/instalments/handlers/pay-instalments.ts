// On PaymentPosted: the ERP's payment pays the order's instalments down, oldest first, once.
import { eventHandler } from '../../../shared/consumer.js';
import { catalogue } from '../../event-table.js';
import { applyPayment } from '../plan-store.js';

export const handler = eventHandler(catalogue.PaymentPosted, (detail) => applyPayment(detail));
