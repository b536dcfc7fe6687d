// A quote is valid through the end of its validity date in Istanbul, which is where the customer
// and the rep read that date.
import { endOfIstanbulDay } from '../../../shared/time.js';

/** The first instant the quote is no longer valid: the next midnight in Istanbul, as ISO UTC. */
export const expiresAt = (validUntil: string): string => endOfIstanbulDay(validUntil, 'validUntil');

export const isExpired = (validUntil: string, now: Date): boolean => now.getTime() >= Date.parse(expiresAt(validUntil));
