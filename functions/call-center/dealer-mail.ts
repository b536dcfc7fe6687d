// On RequestCreated: each of the dealer's people (users of role dealer with the dealer's unitId) is
// mailed the request once, whatever redeliveries; a unit with nobody on record gets it at its own
// address. A request cancelled before the mail goes out is not mailed. On RequestAcceptanceOverdue
// the same people are reminded once, while the request is still open.

import { getCustomer } from '../../shared/customer.js';
import { getUnit, usersInRole } from '../../shared/directory.js';
import { onceKey, sendOnce, sendTransactional } from '../../shared/mail.js';
import { logger } from '../../shared/observability.js';
import type { EventDetail } from '../event-table.js';
import { getRequest } from './request-store.js';
import { dealerRequestMail } from './templates/dealer-request.js';

type Notice = 'new' | 'overdue';

export const mailDealer = async (
  { customerId, requestId, unitId }: Pick<EventDetail<'RequestCreated'>, 'customerId' | 'requestId' | 'unitId'>,
  notice: Notice = 'new',
) => {
  const request = await getRequest(customerId, requestId);
  const owed = notice === 'new' ? request?.status !== 'cancelled' : request?.status === 'open';
  if (!request || !owed || request.unitId !== unitId) return;
  const [unit, customer, dealers] = await Promise.all([
    getUnit(unitId),
    getCustomer(customerId),
    usersInRole('dealer'),
  ]);
  if (!unit) {
    logger.warn('request sent to a unit that does not exist', { requestId, unitId });
    return;
  }
  const people = dealers.filter((user) => user.unitId === unitId);
  const recipients = people.length
    ? people.map((p) => ({ id: p.userId, email: p.email, language: p.language }))
    : [{ id: `unit-${unitId}`, ...unit }];
  const contact = request.channel === 'email' ? customer?.email : customer?.phone;
  for (const recipient of recipients) {
    await sendOnce(onceKey(`request-dealer-${notice}`, requestId, recipient.id), () =>
      sendTransactional({
        to: recipient.email,
        ...dealerRequestMail.render(recipient.language, {
          request,
          customerName: customer?.name ?? '-',
          contact,
          overdue: notice === 'overdue',
        }),
      }),
    );
  }
};
