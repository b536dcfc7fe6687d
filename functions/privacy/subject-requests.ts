// People's requests (KVKK art. 11) as the privacy officer works them: registered when received (the
// person found by customer number, e-mail or phone; only their customer id kept, so the request outlives
// them), due 30 days later, then answered — the access request's export, or the erasure — or refused
// with the reason. Answering writes the request's move in the same transaction as the record of the
// access or erasure, guarded by the seq the officer saw: a retry or a race answers once.
import { clockNow } from '../../shared/clock.js';
import { transact } from '../../shared/db.js';
import { advance, defineEntity, refuseStale } from '../../shared/entity.js';
import type { Actor } from '../../shared/http.js';
import { requireScope } from '../../shared/http.js';
import { newId } from '../../shared/ids.js';
import { changedReload } from '../../shared/messages.js';
import { ConflictError, NotFoundError } from '../../shared/problems.js';
import { queryPage } from '../../shared/query.js';
import { byState } from '../../shared/table.js';
import { accessRequest, exportOf } from './access.js';
import {
  dueAt,
  isOverdue,
  type SubjectRequestKind,
  type SubjectRequestStatus,
  subjectRequestLifecycle,
} from './domain/subject-request.js';
import { erasePerson, erasurePreview } from './erasure.js';
import { privacyKeys } from './keys.js';
import { findSubject, type SubjectQuery } from './subject.js';

export interface SubjectRequest {
  requestId: string;
  kind: SubjectRequestKind;
  customerId: string;
  status: SubjectRequestStatus;
  seq: number;
  receivedAt: string;
  dueAt: string;
  createdBy: string;
  /** The record of the access or erasure that answered it. */
  answerId?: string;
  answeredAt?: string;
  answeredBy?: string;
  refusal?: string;
}

const record = { en: 'The subject request', tr: 'Başvuru' };

const subjectRequests = defineEntity<SubjectRequest>({
  type: 'privacy-subject-request',
  key: (r) => privacyKeys.subjectRequest(r.requestId),
  indexes: (r) => privacyKeys.subjectRequestList(r.receivedAt, r.requestId),
});

/** As answered: with whether it is late, by the one clock. */
const view = (request: SubjectRequest, now = clockNow()) => ({ ...request, overdue: isOverdue(request, now) });

export const registerSubjectRequest = async (
  input: SubjectQuery & { kind: SubjectRequestKind },
  actor: Actor,
  now = clockNow(),
) => {
  const customerId = await findSubject(input);
  const receivedAt = now.toISOString();
  const request: SubjectRequest = {
    requestId: newId(),
    kind: input.kind,
    customerId,
    status: 'open',
    seq: 1,
    receivedAt,
    dueAt: dueAt(receivedAt),
    createdBy: actor.userId,
  };
  await transact(subjectRequests.createItems(request));
  return view(request, now);
};

export const listSubjectRequests = async (query: { status?: SubjectRequestStatus; limit: number; cursor?: string }) => {
  const page = await queryPage({
    index: byState,
    partition: privacyKeys.subjectRequestListPartition(),
    limit: query.limit,
    cursor: query.cursor,
    ...(query.status
      ? {
          filter: {
            expression: '#status = :status',
            names: { '#status': 'status' },
            values: { ':status': query.status },
          },
        }
      : {}),
  });
  const now = clockNow();
  return { items: page.items.map((item) => view(subjectRequests.read(item), now)), nextCursor: page.next };
};

const requestOr404 = async (requestId: string) => {
  const found = await subjectRequests.get(privacyKeys.subjectRequest(requestId));
  if (!found) throw new NotFoundError(record);
  return found;
};

/**
 * The request, and while it is open what answering it would give: the export's contents counted by
 * part, or what the erasure would delete and keep (and why it cannot be done yet).
 */
export const subjectRequestDetail = async (requestId: string, actor: Actor) => {
  const request = await requestOr404(requestId);
  const moves = subjectRequestLifecycle.movesFor(request.status, actor.role).map((m) => m.action);
  if (request.status !== 'open') return { request: view(request), moves };
  if (request.kind === 'erasure')
    return { request: view(request), moves, plan: await erasurePreview(request.customerId) };
  const { data } = await exportOf(request.customerId);
  const count = (groups: Record<string, unknown[]>) =>
    Object.fromEntries(Object.entries(groups).map(([name, items]) => [name, items.length]));
  return {
    request: view(request),
    moves,
    export: { consents: data.consents.length, parts: count(data.parts), other: count(data.other) },
  };
};

const changed = () => new ConflictError('subject-request-changed', changedReload(record));

/**
 * Answers the request: the access request's export (recorded) or the erasure (privacy:erase), with the
 * request's move to completed in the same final transaction.
 */
export const completeSubjectRequest = async (requestId: string, seq: number, actor: Actor, route: string) => {
  const before = await requestOr404(requestId);
  refuseStale(before, seq, 'subject-request-changed', record);
  subjectRequestLifecycle.apply(before.status, 'complete', actor.role);
  if (before.kind === 'erasure') requireScope(actor, 'privacy:erase');
  const now = clockNow();
  const answered = { status: 'completed' as const, answeredAt: now.toISOString(), answeredBy: actor.userId };
  // the subject request names the record of the access or erasure that answered it
  const move = (answerId: string) => ({
    items: subjectRequests.moveItems(before, advance(before, { ...answered, answerId }), {
      history: { actorId: actor.userId, action: 'complete', via: 'api' },
    }),
    refused: changed,
  });
  if (before.kind === 'access') {
    const answer = await accessRequest({ customerId: before.customerId }, actor, route, now, move);
    return {
      request: view(advance(before, { ...answered, answerId: answer.requestId }), now),
      document: answer.document,
    };
  }
  const erased = await erasePerson({ customerId: before.customerId }, actor, route, now, move);
  return { request: view(advance(before, { ...answered, answerId: erased.erasureId }), now), erasure: erased.counts };
};

export const refuseSubjectRequest = async (requestId: string, seq: number, reason: string, actor: Actor) => {
  const before = await requestOr404(requestId);
  refuseStale(before, seq, 'subject-request-changed', record);
  subjectRequestLifecycle.apply(before.status, 'refuse', actor.role);
  const now = clockNow();
  const after = advance(before, {
    status: 'refused',
    refusal: reason,
    answeredAt: now.toISOString(),
    answeredBy: actor.userId,
  });
  const moved = await subjectRequests.move(before, after, {
    history: { actorId: actor.userId, action: 'refuse', via: 'api', note: reason },
  });
  if (!moved) throw changed();
  return view(after, now);
};
