// On OrderCreated: an order with a payment plan gets its instalments on the customer's record, once.
import { eventHandler } from '../../../shared/consumer.js';
import { catalogue } from '../../event-table.js';
import { planFromOrder } from '../plan-store.js';

export const handler = eventHandler(catalogue.OrderCreated, (detail) => planFromOrder(detail));
