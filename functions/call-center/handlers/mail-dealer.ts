// On RequestCreated: mail the dealer's people the request (once each).
import { eventHandler } from '../../../shared/consumer.js';
import { mailDealer } from '../dealer-mail.js';

export const handler = eventHandler('RequestCreated', (detail) => mailDealer(detail));
