// Birthday greetings through the sparse birthday index, against DynamoDB Local and the local SES endpoint.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { greetBirthdays } from '../../functions/campaigns/birthdays.js';
import { consentingCustomer, ledger, startRecordedSes } from '../support/subscriptions.js';

let ses: Awaited<ReturnType<typeof startRecordedSes>>;
beforeAll(async () => {
  ses = await startRecordedSes();
});
afterAll(() => ses.close());

describe('birthday greetings', () => {
  it('greets 28 February and 29 February birthdays on 28 February 2027, once, in their language, with consent only', async () => {
    const feb28 = await consentingCustomer('feb28', { birthday: '1985-02-28', language: 'en' });
    const feb29 = await consentingCustomer('feb29', { birthday: '02-29' });
    const left = await consentingCustomer('left-birthday', { birthday: '1990-02-28' });
    await ledger(left.customerId, left.email, 'withdrawn', 'birthday');
    const march = await consentingCustomer('march', { birthday: '1990-03-01' });
    const morning = new Date('2027-02-28T06:00:00Z'); // 09:00 in Istanbul

    // Other suites' customers share the table (and may have a birthday that day): judge by these four's mail.
    const first = await greetBirthdays(morning);
    expect(first.sent).toBeGreaterThanOrEqual(2);
    expect((await ses.mailTo(feb28.email)).map((m) => m.subject)).toEqual(['Happy birthday!']);
    expect((await ses.mailTo(feb29.email)).map((m) => m.subject)).toEqual(['Doğum gününüz kutlu olsun!']);
    expect(await ses.mailTo(left.email)).toEqual([]);
    expect(await ses.mailTo(march.email)).toEqual([]);

    // The schedule retried (or fired twice): nobody is greeted twice that year.
    const again = await greetBirthdays(morning);
    expect(again).toMatchObject({ found: first.found, sent: 0 });
    expect(again.already).toBeGreaterThanOrEqual(3);
    expect(await ses.mailTo(feb28.email)).toHaveLength(1);
    // The body carries the personal unsubscribe link too.
    expect((await ses.mailTo(feb29.email))[0]!.body.text).toContain('https://crm.example.com/unsubscribe?token=');
  });

  it('in a leap year greets 29 February birthdays on the 29th, not the 28th', async () => {
    const feb29 = await consentingCustomer('leap', { birthday: '2000-02-29' });
    await greetBirthdays(new Date('2028-02-28T06:00:00Z'));
    expect(await ses.mailTo(feb29.email)).toEqual([]);
    await greetBirthdays(new Date('2028-02-29T06:00:00Z'));
    expect(await ses.mailTo(feb29.email)).toHaveLength(1);
  });
});
