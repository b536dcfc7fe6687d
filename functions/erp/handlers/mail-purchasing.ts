// On PurchaseRequested: the purchasing unit mailed the request, once however often the event comes.
import { eventHandler } from '../../../shared/consumer.js';
import { catalogue } from '../../event-table.js';
import { mailPurchasing } from '../purchase-mail.js';

export const handler = eventHandler(catalogue.PurchaseRequested, (detail) => mailPurchasing(detail));
