// On OrderStatusChanged to delivered or returned: the order into (or out of) its customer's figures, once.
import { eventHandler } from '../../../shared/consumer.js';
import { catalogue } from '../../event-table.js';
import { countOrderTransition } from '../analytics.js';

export const handler = eventHandler(catalogue.OrderStatusChanged, (detail) => countOrderTransition(detail));
