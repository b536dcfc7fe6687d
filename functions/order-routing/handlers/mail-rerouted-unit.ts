// On OrderRerouted: the new unit gets the order mail, as on OrderRouted.
import { eventHandler } from '../../../shared/consumer.js';
import { catalogue } from '../../event-table.js';
import { mailUnit } from './mail-unit.js';

export const handler = eventHandler(catalogue.OrderRerouted, mailUnit);
