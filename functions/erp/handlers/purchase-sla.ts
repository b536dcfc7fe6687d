// Every quarter hour: purchase requests still open past their SLA are marked overdue and announced, once.
import { scheduledHandler } from '../../../shared/scheduled.js';
import { markOverduePurchases } from '../stock.js';

export const handler = scheduledHandler('purchase-sla', (now) => markOverduePurchases(now));
