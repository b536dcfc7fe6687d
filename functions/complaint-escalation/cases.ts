// The complaint-escalation use case: opening a case (the customer matched or created exactly once,
// routed by the rules, its SLA clock started), moving it along its lifecycle with the clock paused
// while it waits for the customer, and the sweep that warns and escalates on the SLA ladder.

import type { Viewer } from '../../shared/access.js';
import { officeHours, type WorkingHours } from '../../shared/business-hours.js';
import { clockNow } from '../../shared/clock.js';
import { type Customer, customerVisibleTo, noSuchCustomer, profileChangeItem } from '../../shared/customer.js';
import { type TransactItem, tableName } from '../../shared/db.js';
import { checkDealerChoice } from '../../shared/dealer-choice.js';
import { getDepartment } from '../../shared/directory.js';
import { advance, type HistoryEntry, type MoveEffects } from '../../shared/entity.js';
import { type IdempotencyScope, once } from '../../shared/idempotency.js';
import { newId } from '../../shared/ids.js';
import { changedMeanwhile, records } from '../../shared/messages.js';
import { outboxPut } from '../../shared/outbox.js';
import { ConflictError } from '../../shared/problems.js';
import { istanbulDate } from '../../shared/time.js';
import { type QueueEntry, sweep } from '../../shared/work-queue.js';
import { takeIn } from '../customers/public.js';
import { catalogue } from '../event-table.js';
import { type Case, cases, slaQueue } from './case-store.js';
import type { CaseIntake } from './domain/case-input.js';
import { type CaseAction, type CaseStatus, caseLifecycle, mayReopen } from './domain/case-lifecycle.js';
import { routeCase } from './domain/routing.js';
import {
  type Deadline,
  deadlineAt,
  escalationLevels,
  nextDeadline,
  type Segment,
  type SlaState,
  slaTargets,
  takeStep,
} from './domain/sla.js';
import { elapsedMinutes, pauseClock, resumeClock, startClock } from './domain/sla-clock.js';

/** What the profile may carry beyond the shared fields: the analytics segment and a preferred dealer. */
type Profile = Customer & { segment?: Segment; preferredDealerId?: string };

export const hoursOf = async (departmentId: string): Promise<WorkingHours> =>
  (await getDepartment(departmentId))?.hours ?? officeHours;

/** The case's next SLA step as a queue placement, or the queue left when there is none. */
const slaEffects = (c: Case, hours: WorkingHours): Pick<MoveEffects, 'enqueue' | 'dequeue'> => {
  const next = nextDeadline(c.status, c.sla);
  const at = next && deadlineAt(next, c.sla, hours);
  return next && at ? { enqueue: [slaQueue.at(c.caseId, at.toISOString(), next)] } : { dequeue: [slaQueue.name] };
};

export interface Opened {
  caseId: string;
  caseNumber: string;
  status: 'open';
  departmentId: string;
  unit: Case['unit'];
}

/** A customer named by id: one the caller may see, else the 422 an unknown id gets. */
const namedCustomer = async (viewer: Viewer | undefined, customerId: string) => {
  if (!viewer) throw noSuchCustomer();
  return (await customerVisibleTo(viewer, customerId)) as Profile;
};

/**
 * The contact details the case's unit works with: those the intake gave, or for a customer named by
 * id (whom the caller may see) the profile's — the unit never reads the customer's record for them.
 */
const caseContactOf = (contact: CaseIntake['contact'], named: Customer | undefined): Case['contact'] => {
  const from = named ?? contact;
  return from && { name: from.name, email: from.email, phone: from.phone };
};

/**
 * A known customer matched by contact takes the dealer the form chose only when they have none yet
 * (an anonymous form does not overwrite a profile), guarded by the profile's seq.
 */
const dealerKept = (profile: Profile, contact: CaseIntake['contact'], at: string): TransactItem[] =>
  contact?.preferredDealerId && !profile.preferredDealerId
    ? [profileChangeItem(profile, { ...profile, preferredDealerId: contact.preferredDealerId, updatedAt: at })]
    : [];

const caseNumberOf = (caseId: string, now: Date) =>
  `${istanbulDate(now).replaceAll('-', '').slice(2)}-${caseId.slice(-6)}`;

/**
 * Opens a case once per Idempotency-Key: the customer (found by id, matched by contact, or created
 * with its markers), the case with its first SLA placement, `CaseOpened` and the stored answer are
 * one transaction. Matching grants nothing: the unit the case goes to handles the case, with the
 * contact details it carries, and becomes no owner of the customer. A customer named by id must be
 * one the caller (`viewer`; none for the public form) may see, else the answer is an unknown id's.
 */
export const openCase = async (
  input: {
    intake: CaseIntake;
    actorId: string;
    viewer: Viewer | undefined;
    route: string;
    caller: string;
    idempotencyKey?: string;
    /** Where the intake's preferred dealer sits in the caller's body (a flat web form's differs). */
    dealerField?: string;
  },
  now = clockNow(),
): Promise<Opened> => {
  const { intake, actorId } = input;
  const scope: IdempotencyScope = {
    route: input.route,
    caller: input.caller,
    key: input.idempotencyKey,
    request: intake,
  };
  await checkDealerChoice(intake.contact?.preferredDealerId, input.dealerField ?? 'contact.preferredDealerId');
  return once(scope, async (record) => {
    const contact = intake.contact;
    // A named customer the caller may not see is refused before anything is read or written for it.
    const named = intake.customerId ? await namedCustomer(input.viewer, intake.customerId) : undefined;
    // The schema asks for a customer id or contact details: without details the named one is the person.
    const person = contact ?? { name: named!.name, language: named!.language };
    return takeIn(
      {
        person,
        named,
        readProfile: true,
        // A customer first met through a case has no relationship owner yet: the firm-wide reach
        // and the call center see them; the department sees its case.
        work: async (found) => {
          const profile = found.profile as Profile | undefined;
          const route = routeCase({
            category: intake.category,
            preferredDealerId: profile?.preferredDealerId ?? contact?.preferredDealerId,
            region: profile?.region,
          });
          const hours = await hoursOf(route.departmentId);
          const at = now.toISOString();
          const caseId = newId();
          const c: Case = {
            caseId,
            caseNumber: caseNumberOf(caseId, now),
            customerId: found.customerId,
            caseType: intake.type,
            category: intake.category,
            priority: intake.priority,
            channel: intake.channel,
            subject: intake.subject,
            description: intake.description,
            relatedOrderId: intake.relatedOrderId,
            relatedQuoteId: intake.relatedQuoteId,
            language: profile?.language ?? contact?.language ?? 'tr',
            status: 'open',
            seq: 1,
            departmentId: route.departmentId,
            unit: route.unit,
            routeRule: route.rule,
            openedBy: actorId,
            contact: caseContactOf(contact, named),
            sla: {
              segment: profile?.segment ?? 'B',
              targets: slaTargets(intake.priority, profile?.segment),
              clock: startClock(now),
              warned: [],
              escalationLevel: 0,
              escalations: { firstResponse: 0, resolution: 0 },
            },
            createdAt: at,
            updatedAt: at,
          };
          const answer: Opened = {
            caseId,
            caseNumber: c.caseNumber,
            status: 'open',
            departmentId: c.departmentId,
            unit: c.unit,
          };
          const event = outboxPut(
            catalogue.CaseOpened,
            {
              caseId,
              customerId: c.customerId,
              departmentId: c.departmentId,
              unitType: c.unit.type,
              unitId: c.unit.id,
              priority: c.priority,
              category: c.category,
            },
            now,
          );
          return {
            items: [
              ...cases.createItems(c, { ...slaEffects(c, hours), events: [event] }),
              ...(profile ? dealerKept(profile, contact, at) : []),
              ...record(answer),
            ],
            answer,
          };
        },
      },
      now,
    );
  });
};

/** The case after `action`: timestamps, the clock paused or resumed, the reopen window checked. */
const applyAction = (c: Case, action: CaseAction, to: CaseStatus, hours: WorkingHours, now: Date): Case => {
  if (action === 'reopen' && !mayReopen(c.resolvedAt, now)) {
    throw new ConflictError('reopen-window-passed', {
      en: 'This case was resolved too long ago to reopen; open a new case.',
      tr: 'Bu vaka yeniden açılamayacak kadar uzun zaman önce çözüldü; yeni bir vaka açın.',
    });
  }
  const at = now.toISOString();
  const clock =
    to === 'waiting_customer' || to === 'resolved' || to === 'closed'
      ? pauseClock(c.sla.clock, now, hours)
      : resumeClock(c.sla.clock, now);
  return advance(c, {
    status: to,
    updatedAt: at,
    sla: { ...c.sla, clock },
    ...(action === 'acknowledge' || (action === 'start' && !c.acknowledgedAt)
      ? { acknowledgedAt: at, firstResponseMinutes: elapsedMinutes(c.sla.clock, now, hours) }
      : {}),
    ...(to === 'resolved' ? { resolvedAt: at, resolutionMinutes: elapsedMinutes(c.sla.clock, now, hours) } : {}),
    ...(to === 'closed' ? { closedAt: at } : {}),
  });
};

/** Moves a case to `to` if it is still as read: its history, SLA placement and event in one transaction. */
export const changeCaseStatus = async (
  c: Case,
  to: CaseStatus,
  entry: Omit<HistoryEntry, 'action'>,
  now = clockNow(),
) => {
  const action = caseLifecycle.actionTo(c.status, to);
  const hours = await hoursOf(c.departmentId);
  const after = applyAction(c, action, to, hours, now);
  const moved = await cases.move(c, after, {
    history: { ...entry, action },
    ...slaEffects(after, hours),
    events: [
      outboxPut(
        catalogue.CaseStatusChanged,
        { caseId: c.caseId, customerId: c.customerId, from: c.status, to, actorId: entry.actorId },
        now,
      ),
    ],
  });
  if (!moved) throw new ConflictError('case-changed', changedMeanwhile(records.case));
  return after;
};

// ---- the SLA sweep ---------------------------------------------------------------------------------

const SWEEP_LIMIT = 100;

const stepEvent = (c: Case, step: Deadline, dueAt: Date, now: Date) =>
  step.kind === 'warn'
    ? outboxPut(
        catalogue.CaseSlaWarning,
        { caseId: c.caseId, customerId: c.customerId, target: step.target, dueAt: dueAt.toISOString() },
        now,
      )
    : outboxPut(
        catalogue.CaseEscalated,
        {
          caseId: c.caseId,
          customerId: c.customerId,
          target: step.target,
          level: escalationLevels[Math.min(2, c.sla.escalationLevel + 1)] as 'supervisor' | 'manager',
          departmentId: c.departmentId,
        },
        now,
      );

/**
 * Takes the step a due placement stands for, if the case still needs it: the warning or the
 * escalation, its history, its event and the next placement, claimed with the placement so two
 * sweeps (or a retry) act once.
 */
const handleDue = async (entry: QueueEntry<Deadline>, now: Date) => {
  const c = await cases.get(entry.entity);
  if (!c) return 'drop' as const;
  const hours = await hoursOf(c.departmentId);
  const step = nextDeadline(c.status, c.sla);
  const dueAt = step && deadlineAt(step, c.sla, hours);
  if (!step || !dueAt) return 'drop' as const;
  // The case moved on (acknowledged, resumed): the placement is re-placed at the step's true time.
  if (dueAt > now) {
    const placement = slaQueue.at(c.caseId, dueAt.toISOString(), step);
    return { writes: [{ Put: { TableName: tableName(), Item: placement.item(cases.key(c)) } }] };
  }
  const sla: SlaState = takeStep(c.sla, step);
  const after = advance(c, { sla, updatedAt: now.toISOString() });
  return {
    writes: cases.moveItems(c, after, {
      history: {
        actorId: 'system',
        action: step.kind === 'warn' ? `warn:${step.target}` : `escalate:${escalationLevels[sla.escalationLevel]}`,
        via: 'sweep',
      },
      ...slaEffects(after, hours),
      events: [stepEvent(c, step, dueAt, now)],
    }),
  };
};

/** Every due SLA step at `now`, each once however many sweeps overlap. */
export const sweepCaseSla = (now: Date, limit = SWEEP_LIMIT) =>
  sweep(slaQueue, now, limit, (entry) => handleDue(entry, now));
