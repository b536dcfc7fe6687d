// On OrderRerouted: the new unit gets the order mail, as on OrderRouted.
import { eventHandler } from '../../../shared/consumer.js';
import { mailUnit } from './mail-unit.js';

export const handler = eventHandler('OrderRerouted', mailUnit);
