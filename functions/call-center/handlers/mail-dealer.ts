// On RequestCreated: mail the dealer's people the request (once each).
import { eventHandler } from '../../../shared/consumer.js';
import { catalogue } from '../../event-table.js';
import { mailDealer } from '../dealer-mail.js';

export const handler = eventHandler(catalogue.RequestCreated, (detail) => mailDealer(detail));
