// What other modules may use of the unit inbox: its urgency order.
export { byUrgency, type Clocked } from './domain/urgency.js';
