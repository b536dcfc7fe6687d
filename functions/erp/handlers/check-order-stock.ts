// On OrderCreated: the order's lines checked against the ERP's stock, once however often the event comes.
import { eventHandler } from '../../../shared/consumer.js';
import { checkOrderStock } from '../stock.js';

export const handler = eventHandler('OrderCreated', (detail) => checkOrderStock(detail));
