// Birthday greetings: the daily schedule reads today's birthdays from the sparse birthday index (never
// a scan), and greets each customer once per year by their preferred channel — a text to a customer
// who prefers SMS and has a mobile number, else a mail — through the marketing gate (topic `birthday`:
// consent for that channel, suppression, the frequency cap; a text waits out the quiet hours).
import { type Customer, customers } from '../../shared/customer.js';
import { CommercialWaitError } from '../../shared/gate.js';
import { MailInProgressError, onceKey, sendMarketing, sendOnce, unsubscribeUrl } from '../../shared/mail.js';
import { queryPage } from '../../shared/query.js';
import { sendCommercialSms } from '../../shared/sms.js';
import { byBirthday, keys } from '../../shared/table.js';
import { istanbulDate } from '../../shared/time.js';
import { getPreference } from '../channels/public.js';
import { birthdaysOn } from './domain/birthdays.js';
import { birthdaySubject, birthdayTemplate, birthdayText } from './templates/birthday.js';

const PAGE = 100;

const greetingSender = async (customer: Customer, now: Date) => {
  const preferred = (await getPreference(customer.customerId))?.channel;
  const phone = customer.phone;
  if (preferred === 'sms' && phone)
    return () =>
      sendCommercialSms(
        {
          to: phone,
          text: birthdayText(customer.language, customer.name),
          template: 'birthday-greeting',
          subject: birthdaySubject[customer.language],
        },
        { customerId: customer.customerId, topic: 'birthday', language: customer.language },
        now,
      );
  const email = customer.email;
  if (!email) return undefined;
  const scope = { customerId: customer.customerId, channel: 'email', topic: 'birthday' } as const;
  return async () =>
    sendMarketing(
      {
        to: email,
        ...birthdayTemplate.render(customer.language, {
          name: customer.name,
          unsubscribeUrl: await unsubscribeUrl(email, scope, now),
        }),
      },
      scope,
      now,
    );
};

const greet = async (customer: Customer, year: string, now: Date) => {
  const send = await greetingSender(customer, now);
  if (!send) return 'no-address';
  try {
    const outcome = await sendOnce(onceKey('birthday', customer.customerId, year), send, now);
    if (!outcome.first) return 'already';
    return outcome.status === 'sent' ? 'sent' : 'skipped';
  } catch (error) {
    // Another run holds this customer's claim; see the end of greetBirthdays.
    if (error instanceof MailInProgressError) return 'in-progress';
    // A text asked for in the quiet hours, or a greeting while İYS cannot be reached: released, and the
    // run retried later (see below).
    if (error instanceof CommercialWaitError) return 'in-progress';
    throw error;
  }
};

/** Greets everyone whose birthday is `now`'s Istanbul date; returns how each greeting went. */
export const greetBirthdays = async (now: Date) => {
  const date = istanbulDate(now);
  const year = date.slice(0, 4);
  const tally: Record<string, number> = {
    found: 0,
    sent: 0,
    skipped: 0,
    already: 0,
    'in-progress': 0,
    'no-address': 0,
  };
  for (const monthDay of birthdaysOn(date)) {
    let cursor: string | undefined;
    do {
      const page = await queryPage({
        index: byBirthday,
        partition: keys.customersByBirthdayPartitions(monthDay),
        order: 'oldest',
        limit: PAGE,
        cursor,
      });
      for (const item of page.items) {
        tally.found!++;
        const result = await greet(customers.read(item), year, now);
        tally[result] = (tally[result] ?? 0) + 1;
      }
      cursor = page.next;
    } while (cursor);
  }
  // A claim held by a run that may have died would lose the greeting (tomorrow's run reads other
  // birthdays): fail, so the scheduler retries this run, which skips everyone already greeted.
  if (tally['in-progress']) throw new Error(`${tally['in-progress']} birthday greetings are held by another run`);
  return tally;
};
