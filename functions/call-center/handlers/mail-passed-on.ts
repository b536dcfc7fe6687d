// On RequestPassedOn: mail the next dealer's people the request another dealer declined (once each).
import { eventHandler } from '../../../shared/consumer.js';
import { mailDealer } from '../dealer-mail.js';

export const handler = eventHandler('RequestPassedOn', (detail) => mailDealer(detail));
