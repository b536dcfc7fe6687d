// People's KVKK requests as the privacy officer works them, against DynamoDB Local: an access request is
// registered by e-mail, due 30 days after receipt, shows the export's contents while open, is answered
// once (a stale seq and a second answer refused) with its access record written beside it; an erasure
// request shows its plan, needs privacy:erase to answer, and may be refused with the reason instead.
import { PutCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, describe, expect, it } from 'vitest';
import { listRequests } from '../../functions/privacy/request-store.js';
import {
  completeSubjectRequest,
  listSubjectRequests,
  refuseSubjectRequest,
  registerSubjectRequest,
  subjectRequestDetail,
} from '../../functions/privacy/subject-requests.js';
import { setClock } from '../../shared/clock.js';
import { type Customer, customers } from '../../shared/customer.js';
import { db, tableName } from '../../shared/db.js';
import type { Actor } from '../../shared/http.js';
import { newId } from '../../shared/ids.js';
import { ConflictError, ForbiddenError } from '../../shared/problems.js';
import { keys } from '../../shared/table.js';

const officer: Actor = { keyId: 'k-dpo', userId: 'dpo-subject', role: 'admin', scopes: ['privacy:read'] };
const eraser: Actor = { ...officer, scopes: ['privacy:read', 'privacy:erase'] };
const ROUTE = 'POST /privacy/subject-requests/{requestId}/complete';

const person = async () => {
  const email = `basvuru-${newId().toLowerCase()}@example.com`;
  const now = new Date().toISOString();
  const c: Customer = {
    customerId: newId(),
    name: 'Başvuru Sahibi',
    email,
    emailKey: email,
    language: 'tr',
    createdAt: now,
    updatedAt: now,
  };
  await db().send(new PutCommand({ TableName: tableName(), Item: customers.item(c) }));
  await db().send(
    new PutCommand({
      TableName: tableName(),
      Item: { ...keys.emailMarker(email), type: 'email-marker', customerId: c.customerId },
    }),
  );
  return c;
};

afterAll(() => setClock(undefined));

describe('a subject request', () => {
  it('is due in 30 days, shows the export, and is answered once with its access record', async () => {
    const who = await person();
    setClock(new Date('2032-05-01T10:00:00Z'));
    const request = await registerSubjectRequest({ kind: 'access', email: who.email! }, officer);
    expect(request).toMatchObject({ customerId: who.customerId, status: 'open', seq: 1, overdue: false });
    expect(request.dueAt).toBe('2032-05-31T10:00:00.000Z');
    const open = await listSubjectRequests({ status: 'open', limit: 1 });
    expect(open.items[0]?.requestId).toBe(request.requestId);

    // a minute before the due instant it is not late, a minute after it is (the clock runs on from where set)
    setClock(new Date('2032-05-31T09:59:00Z'));
    expect((await subjectRequestDetail(request.requestId, officer)).request.overdue).toBe(false);
    setClock(new Date('2032-05-31T10:01:00Z'));
    const detail = await subjectRequestDetail(request.requestId, officer);
    expect(detail).toMatchObject({ request: { overdue: true }, moves: ['complete', 'refuse'] });
    expect(detail.export?.parts).toBeDefined();

    await expect(completeSubjectRequest(request.requestId, 2, officer, ROUTE)).rejects.toMatchObject({
      status: 409,
      code: 'subject-request-changed',
    });
    const answered = await completeSubjectRequest(request.requestId, 1, officer, ROUTE);
    expect(answered.request).toMatchObject({ status: 'completed', seq: 2, overdue: false, answeredBy: 'dpo-subject' });
    expect(answered.document).toContain('Başvuru Sahibi');
    const records = await listRequests(5);
    expect(records.items.find((r) => r.requestId === answered.request.answerId)).toMatchObject({
      kind: 'access',
      customerId: who.customerId,
      route: ROUTE,
    });
    const again = completeSubjectRequest(request.requestId, 2, officer, ROUTE);
    await expect(again).rejects.toBeInstanceOf(ConflictError);
    await expect(again).rejects.toMatchObject({ code: 'illegal-transition' });
    expect((await subjectRequestDetail(request.requestId, officer)).moves).toEqual([]);
  });

  it('shows an erasure plan, needs privacy:erase to answer it, and can be refused with the reason', async () => {
    const who = await person();
    const request = await registerSubjectRequest({ kind: 'erasure', customerId: who.customerId }, officer);
    const detail = await subjectRequestDetail(request.requestId, officer);
    expect(detail.plan).toMatchObject({ deleted: 1, refusals: [] });
    await expect(completeSubjectRequest(request.requestId, 1, officer, ROUTE)).rejects.toBeInstanceOf(ForbiddenError);
    const refused = await refuseSubjectRequest(request.requestId, 1, 'Kimlik doğrulanamadı', eraser);
    expect(refused).toMatchObject({ status: 'refused', seq: 2, refusal: 'Kimlik doğrulanamadı' });
    await expect(completeSubjectRequest(request.requestId, 2, eraser, ROUTE)).rejects.toMatchObject({
      code: 'illegal-transition',
    });
    const other = await registerSubjectRequest({ kind: 'erasure', customerId: who.customerId }, officer);
    const erased = await completeSubjectRequest(other.requestId, 1, eraser, ROUTE);
    expect(erased.request.status).toBe('completed');
    expect(erased.erasure?.deleted).toBeGreaterThanOrEqual(1);
    expect(await customers.get(keys.customer(who.customerId))).toBeUndefined();
  });
});
