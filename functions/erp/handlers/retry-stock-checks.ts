// Every five minutes: stock checks the ERP did not answer are asked again, each decided once.
import { scheduledHandler } from '../../../shared/scheduled.js';
import { retryPendingStock } from '../stock.js';

export const handler = scheduledHandler('retry-stock-checks', (now) => retryPendingStock(now));
