// İYS (İleti Yönetim Sistemi) as the CRM speaks it: a ledger entry as the consent İYS records, the
// law's deadline of three working days, and the sync's retry pacing. Pure: no AWS, no clock.
import { dayKind } from '../../../shared/business-hours.js';
import type { ConsentChannel, ConsentEntry } from '../../../shared/consent.js';
import { DAY_MS, istanbulDate } from '../../../shared/time.js';

export type IysType = 'MESAJ' | 'ARAMA' | 'EPOSTA';
export type IysStatus = 'ONAY' | 'RET';
export type IysRecipientType = 'BIREYSEL' | 'TACIR';

/** The consent İYS records for one recipient (its request shape). */
export interface IysConsent {
  recipient: string;
  recipientType: IysRecipientType;
  type: IysType;
  source: string;
  status: IysStatus;
  /** `YYYY-MM-DD HH:mm:ss`, Istanbul time. */
  consentDate: string;
}

export const iysTypeOf: Record<ConsentChannel, IysType> = { email: 'EPOSTA', sms: 'MESAJ', phone: 'ARAMA' };

export const channelOf = (type: string): ConsentChannel | undefined =>
  (Object.entries(iysTypeOf) as [ConsentChannel, IysType][]).find(([, t]) => t === type)?.[0];

/**
 * How the consent was obtained, as İYS names it. A form, a confirmed double opt-in and the
 * preference page are the web; an unsubscribe link came by e-mail; an SMS reply by text; staff
 * record what a call gave.
 */
const sources: Record<string, string> = {
  form: 'HS_WEB',
  'double-opt-in': 'HS_WEB',
  preferences: 'HS_WEB',
  'unsubscribe-page': 'HS_EPOSTA',
  'one-click': 'HS_EPOSTA',
  'sms-reply': 'HS_MESAJ',
  staff: 'HS_CAGRI_MERKEZI',
};

export const iysSourceOf = (via: string) => sources[via] ?? 'HS_WEB';

/** An instant as İYS wants it: `YYYY-MM-DD HH:mm:ss` on the Istanbul wall clock (UTC+3, no DST). */
export const iysDate = (iso: string) =>
  new Date(Date.parse(iso) + 3 * 60 * 60 * 1000).toISOString().slice(0, 19).replace('T', ' ');

/** An İYS date (Istanbul wall clock) back to an ISO instant. */
export const fromIysDate = (date: string) => new Date(Date.parse(`${date.replace(' ', 'T')}+03:00`)).toISOString();

/**
 * Which ledger entries go to İYS: commercial-message consent given or withdrawn (the ledger holds
 * only that; transactional messages need none), not a pending request, and not a change İYS itself
 * told us of (sending it back would echo).
 */
export const isPushed = (entry: Pick<ConsentEntry, 'action' | 'via'>) =>
  entry.action !== 'requested' && entry.via !== 'iys';

export const iysConsentOf = (entry: ConsentEntry, recipientType: IysRecipientType): IysConsent => ({
  recipient: entry.address,
  recipientType,
  type: iysTypeOf[entry.channel],
  source: iysSourceOf(entry.via),
  status: entry.action === 'granted' ? 'ONAY' : 'RET',
  consentDate: iysDate(entry.occurredAt),
});

const isWorkingDay = (day: string) => {
  const weekday = new Date(`${day}T12:00:00Z`).getUTCDay();
  return weekday !== 0 && weekday !== 6 && dayKind(day) !== 'holiday';
};

/**
 * The last instant a change made at `at` may be applied by: the end (Istanbul) of the third working
 * day after the day it was made. Weekends and public holidays do not count; an eve does (half a day
 * is a working day).
 */
export const withdrawalDeadline = (at: string, workingDays = 3) => {
  let day = istanbulDate(new Date(at));
  for (let counted = 0; counted < workingDays; ) {
    day = istanbulDate(new Date(Date.parse(`${day}T12:00:00+03:00`) + DAY_MS));
    if (isWorkingDay(day)) counted++;
  }
  return new Date(Date.parse(`${day}T23:59:59.999+03:00`)).toISOString();
};

/** How far behind a change's application was: minutes from the change to now, and whether in time. */
export const syncLag = (changedAt: string, appliedAt: string) => ({
  lagMinutes: Math.max(0, Math.round((Date.parse(appliedAt) - Date.parse(changedAt)) / 60_000)),
  withinDeadline: appliedAt <= withdrawalDeadline(changedAt),
  deadline: withdrawalDeadline(changedAt),
});

/** After `attempts` failed pushes, when to try again: 1, 2, 4 … minutes, at most an hour apart. */
export const retryAt = (now: Date, attempts: number) =>
  new Date(now.getTime() + Math.min(60, 2 ** Math.max(0, attempts - 1)) * 60_000).toISOString();
