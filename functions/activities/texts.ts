// Texts the CRM sent a customer, on their timeline like its mails: which template or campaign, when,
// the message id and its segments — never the text or the number. Written by the sender in the
// transaction that records the send, so a retry logs nothing twice.
import type { TransactItem } from '../../shared/db.js';
import { sentActivityItems } from '../../shared/mail.js';

export interface SentText {
  customerId: string;
  /** What sent it: `campaign:<id>`, `notice:<kind>`… */
  template: string;
  /** What staff read on the timeline (the campaign's name, the notice's subject). */
  subject: string;
  sentAt: string;
  messageId: string;
  segments?: number;
}

/** The customer's `sms` activity and its ActivityLogged event, for the sender's own transaction. */
export const textLogItems = ({ messageId, segments, ...log }: SentText): TransactItem[] =>
  sentActivityItems('sms', log, messageId, segments === undefined ? {} : { segments });
