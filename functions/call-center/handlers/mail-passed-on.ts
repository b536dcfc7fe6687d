// On RequestPassedOn: mail the next dealer's people the request another dealer declined (once each).
import { eventHandler } from '../../../shared/consumer.js';
import { catalogue } from '../../event-table.js';
import { mailDealer } from '../dealer-mail.js';

export const handler = eventHandler(catalogue.RequestPassedOn, (detail) => mailDealer(detail));
