// On RequestAcceptanceOverdue: remind the dealer's people of a request still waiting (once each).
import { eventHandler } from '../../../shared/consumer.js';
import { catalogue } from '../../event-table.js';
import { mailDealer } from '../dealer-mail.js';

export const handler = eventHandler(catalogue.RequestAcceptanceOverdue, (detail) => mailDealer(detail, 'overdue'));
