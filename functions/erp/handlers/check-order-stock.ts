// On OrderCreated: the order's lines checked against the ERP's stock, once however often the event comes.
import { eventHandler } from '../../../shared/consumer.js';
import { catalogue } from '../../event-table.js';
import { checkOrderStock } from '../stock.js';

export const handler = eventHandler(catalogue.OrderCreated, (detail) => checkOrderStock(detail));
