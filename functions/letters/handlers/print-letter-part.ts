// On LetterRunPartDue: the part printer prints the run's next part (up to 5,000 letters in a Lambda of
// up to 15 minutes) and, counting it, enqueues the part after it; a redelivered event prints nothing.
import { eventHandler } from '../../../shared/consumer.js';
import { catalogue } from '../../event-table.js';
import { printDuePart } from '../letter-runs.js';

export const handler = eventHandler(catalogue.LetterRunPartDue, (detail) => printDuePart(detail));
