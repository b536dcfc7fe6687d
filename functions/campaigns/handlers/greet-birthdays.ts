// Scheduled daily at 09:00 Istanbul: today's birthday greetings.
import { scheduledHandler } from '../../../shared/scheduled.js';
import { greetBirthdays } from '../birthdays.js';

export const handler = scheduledHandler('birthday-greetings', greetBirthdays);
