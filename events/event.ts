// What every event shares: the envelope, the field types details are made of, and how a publisher
// declares its events. Events are thin: ids, types and non-personal facts only, never names,
// addresses or phone numbers; a consumer that needs them reads the table. A breaking change to a
// detail bumps `version` and keeps the old schema until no producer uses it.
//
// A module declares the events it publishes in its own `events.ts` (named in its manifest); the
// platform's own are in platform.ts; `npm run generate` gathers them all into
// functions/event-table.ts, the catalogue consumers read.
import type * as Z from '../shared/schema.js';
import * as z from '../shared/schema.js';

export const envelope = {
  eventId: z.string().check(z.minLength(1)),
  occurredAt: z.iso.datetime(),
  version: z.literal(1),
};

/** An amount in integer minor units: a safe integer, |n| ≤ 2^53 − 1. */
export const minor = z.int();
export const positiveInt = z.int().check(z.positive());
export const nonNegativeInt = z.int().check(z.gte(0));

/** A detail's schema: an object of `...envelope` and the event's own fields. */
type Detail = Z.ZodMiniType<{ eventId: string; occurredAt: string; version: 1 }>;

/** One detail-type: its name, the source it is published under, and its detail's schema. */
export interface EventDeclaration<T extends string = string, D extends Detail = Detail> {
  detailType: T;
  source: string;
  detail: D;
}

export type EventDeclarations = { readonly [T in string]: EventDeclaration<T> };

/** The events one publisher declares, all under one source (`crm.leads`), each schema by its name. */
export const defineEvents = <const S extends Record<string, Detail>>(source: string, details: S) =>
  Object.fromEntries(
    Object.entries(details).map(([detailType, detail]) => [detailType, { detailType, source, detail }]),
  ) as { readonly [T in keyof S & string]: EventDeclaration<T, S[T]> };

export type DetailOf<E extends EventDeclaration> = Z.infer<E['detail']>;
/** What a producer supplies: the envelope is filled in by the outbox. */
export type FactsOf<E extends EventDeclaration> = Omit<DetailOf<E>, 'eventId' | 'occurredAt' | 'version'>;

/** The EventBridge event as a consumer receives it. */
export interface CrmEvent<T extends string = string, D = unknown> {
  id: string;
  source: string;
  'detail-type': T;
  time: string;
  detail: D;
}
