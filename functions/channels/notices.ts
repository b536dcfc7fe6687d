// Notices and statements: transactional messages that go by the customer's preferred channel, falling
// back (e-mail, then SMS) when it cannot be used. Each is sent once per notice id whatever retries
// (`sendOnce`); the answer says which channel carried it and whether it fell back.
import { getCustomer } from '../../shared/customer.js';
import { mailLayout, safeHtml } from '../../shared/html.js';
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

export const sendNotice = async (customerId: string, input: NoticeInput) => {
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
  const noticeId = newId();
  if (chosen.channel === 'sms') refuseLongSms(text, `text.${language}`);
  const outcome = await sendOnce(onceKey('notice', noticeId), () =>
    chosen.channel === 'sms'
      ? sendTransactionalSms({ to: customer.phone ?? '', text, context: { notice: noticeId } })
      : sendTransactional({
          to: customer.email ?? '',
          subject: input.subject[language],
          text,
          html: mailLayout(language, safeHtml`<p style="white-space:pre-line">${text}</p>`),
          template: `notice:${input.kind}`,
          customerId: customer.customerId,
        }),
  );
  return {
    noticeId,
    kind: input.kind,
    channel: chosen.channel,
    ...(chosen.fellBack && preference ? { preferred: preference.channel } : {}),
    status: outcome.status,
    ...(outcome.status === 'sent' ? { messageId: outcome.messageId } : { reason: outcome.reason }),
  };
};
