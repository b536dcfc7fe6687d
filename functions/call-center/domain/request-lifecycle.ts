// A request's lifecycle: open → accepted → scheduled (at a time; rescheduling allowed) → done (with
// what came of it), or declined by the dealer, or cancelled by the call center (the customer changed
// their mind). A decline that another dealer can take does not end the request: see `afterDecline`.
import type { Role } from '../../../shared/http.js';
import { defineLifecycle } from '../../../shared/lifecycle.js';
import { ValidationError } from '../../../shared/problems.js';
import type { RequestActionInput } from './request-input.js';

export const requestStatuses = ['open', 'accepted', 'scheduled', 'done', 'declined', 'cancelled'] as const;
export type RequestStatus = (typeof requestStatuses)[number];

/** The statuses in which the dealer still owes the customer something. */
export const activeRequestStatuses: readonly RequestStatus[] = ['open', 'accepted', 'scheduled'];

export const requestLifecycle = defineLifecycle({
  name: 'request',
  states: requestStatuses,
  actions: {
    accept: { from: ['open'], to: 'accepted' },
    schedule: { from: ['accepted', 'scheduled'], to: 'scheduled' },
    done: { from: ['accepted', 'scheduled'], to: 'done' },
    decline: { from: ['open', 'accepted'], to: 'declined' },
    // A dealer declines; cancelling is the call center's (and the firm's staff's) on the customer's word.
    cancel: {
      from: ['open', 'accepted', 'scheduled'],
      to: 'cancelled',
      roles: ['agent', 'rep', 'manager', 'director', 'admin'],
    },
  },
  tr: {
    record: 'talep',
    states: {
      open: 'Açık',
      accepted: 'Kabul edildi',
      scheduled: 'Planlandı',
      done: 'Tamamlandı',
      declined: 'Geri çevrildi',
      cancelled: 'İptal edildi',
    },
    actions: { accept: 'kabul', schedule: 'planlama', done: 'tamamlama', decline: 'geri çevirme', cancel: 'iptal' },
  },
});
export type RequestAction = keyof typeof requestLifecycle.actions;
export const requestActions = Object.keys(requestLifecycle.actions) as RequestAction[];

/** The moves a role may make on a request in `status`: what a page offers (each action and where it leads). */
export const requestMoves = (status: RequestStatus, role: Role) => requestLifecycle.movesFor(status, role);

/** What an action needs beyond the move: a time to schedule at, a reason to decline. */
export const checkActionInput = (action: RequestAction, input: RequestActionInput, now: Date) => {
  if (action === 'schedule' && !input.at) {
    throw new ValidationError([
      {
        path: 'at',
        message: {
          en: 'Say when: schedule needs a time.',
          tr: 'Ne zaman olduğunu belirtin: planlamak için bir zaman gerekli.',
        },
      },
    ]);
  }
  if (action === 'schedule' && Date.parse(input.at!) <= now.getTime()) {
    throw new ValidationError([
      { path: 'at', message: { en: 'A time in the future.', tr: 'Gelecekte bir zaman olmalı.' } },
    ]);
  }
  if (action === 'decline' && !input.reason) {
    throw new ValidationError([
      {
        path: 'reason',
        message: { en: 'Say why the request is declined.', tr: 'Talebin neden reddedildiğini yazın.' },
      },
    ]);
  }
  if (action !== 'schedule' && input.at) {
    throw new ValidationError([
      { path: 'at', message: { en: 'Only schedule takes a time.', tr: 'Zamanı yalnızca schedule adımı alır.' } },
    ]);
  }
  if (action === 'done' && !input.outcome) {
    throw new ValidationError([
      {
        path: 'outcome',
        message: {
          en: 'Say what came of it: done needs an outcome.',
          tr: 'Sonucunu belirtin: tamamlamak için bir sonuç gerekli.',
        },
      },
    ]);
  }
  if (action !== 'done' && input.outcome) {
    throw new ValidationError([
      {
        path: 'outcome',
        message: { en: 'Only done takes an outcome.', tr: 'Sonucu yalnızca done adımı alır.' },
      },
    ]);
  }
  if (action !== 'decline' && input.reason) {
    throw new ValidationError([
      {
        path: 'reason',
        message: {
          en: 'Only decline takes a reason; use note.',
          tr: 'Gerekçeyi yalnızca decline adımı alır; note kullanın.',
        },
      },
    ]);
  }
};
