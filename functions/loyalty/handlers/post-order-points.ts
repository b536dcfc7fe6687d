// On OrderStatusChanged: the order's points posted once when it reaches the rules' status, taken back once on cancel or return.
import { eventHandler } from '../../../shared/consumer.js';
import { catalogue } from '../../event-table.js';
import { postOrderPoints } from '../ledger.js';

export const handler = eventHandler(catalogue.OrderStatusChanged, (detail) => postOrderPoints(detail));
