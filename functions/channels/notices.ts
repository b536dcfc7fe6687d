// Notices and statements: transactional messages that go by the customer's preferred channel, falling
// back (e-mail, then SMS) when it cannot be used. Each is sent once per notice id whatever retries
// (`sendOnce`, which also puts it on the customer's timeline once); the id is the Idempotency-Key's, so
// a retry after a crash finds its notice sent. The answer says which channel carried it and whether it
// fell back.
import { getCustomer } from '../../shared/customer.js';
import { transact } from '../../shared/db.js';
import { mailLayout, safeHtml } from '../../shared/html.js';
import { noRecord, type Recorder } from '../../shared/idempotency.js';
import { newId } from '../../shared/ids.js';
import { onceKey, sendOnce, sendTransactional } from '../../shared/mail.js';
import { type Named, records } from '../../shared/messages.js';
import { NotFoundError, ProblemError } from '../../shared/problems.js';
import { sendTransactionalSms } from '../../shared/sms.js';
import { chooseChannel, reachableBy } from './domain/channel-choice.js';
import { getPreference } from './preferences.js';
import { refuseLongSms } from './sms-length.js';

export const noticeKinds = ['statement', 'order', 'case', 'code'] as const;
export type NoticeKind = (typeof noticeKinds)[number];

export interface NoticeInput {
  kind: NoticeKind;
  subject: Named;
  text: Named;
}

export const sendNotice = async (
  customerId: string,
  input: NoticeInput,
  noticeId = newId(),
  record: Recorder = noRecord,
) => {
  const customer = await getCustomer(customerId);
  if (!customer) throw new NotFoundError(records.customer);
  const preference = await getPreference(customer.customerId);
  const chosen = chooseChannel(preference?.channel, reachableBy(customer));
  if (!chosen)
    throw new ProblemError(
      422,
      'channel-unreachable',
      {
        en: 'The customer has neither an e-mail address nor a mobile number.',
        tr: 'Müşterinin e-postası da cep telefonu da yok.',
      },
      [{ path: 'customerId', message: { en: 'Not reachable.', tr: 'Ulaşılamıyor.' } }],
    );
  const language = customer.language;
  const text = input.text[language];
  if (chosen.channel === 'sms') refuseLongSms(text, `text.${language}`);
  const outcome = await sendOnce(onceKey('notice', noticeId), () =>
    chosen.channel === 'sms'
      ? sendTransactionalSms({
          to: customer.phone ?? '',
          text,
          context: { notice: noticeId },
          customerId: customer.customerId,
          template: `notice:${input.kind}`,
          subject: input.subject[language],
        })
      : sendTransactional({
          to: customer.email ?? '',
          subject: input.subject[language],
          text,
          html: mailLayout(language, safeHtml`<p style="white-space:pre-line">${text}</p>`),
          template: `notice:${input.kind}`,
          customerId: customer.customerId,
        }),
  );
  const answer = {
    noticeId,
    kind: input.kind,
    channel: chosen.channel,
    ...(chosen.fellBack && preference ? { preferred: preference.channel } : {}),
    status: outcome.status,
    ...(outcome.status === 'sent' ? { messageId: outcome.messageId } : { reason: outcome.reason }),
  };
  // Stored after the send (a message cannot join a transaction); a racing twin may have stored it first.
  const stored = record(answer);
  if (stored.length) await transact(stored);
  return answer;
};
