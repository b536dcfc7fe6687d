// Scheduled, daily: one to-do for the owner of a customer whose regular order has not come.
import { scheduledHandler } from '../../../shared/scheduled.js';
import { noticeMissedOrders } from '../regular-orders.js';

export const handler = scheduledHandler('notice-missed-orders', noticeMissedOrders);
