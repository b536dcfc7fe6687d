// Who sees what, one rule for every kind of record. A viewer has a reach: their own records, their
// team's, their unit's (a dealer or a department), or all. Reps and agents reach their own; a
// dealer's people their dealer's, a department's manager the department's; a manager with a team
// the team's; a manager without one (the firm's sales manager), directors and admins everything.
// A manager whose user record is missing reaches only their own: access fails closed.
import { getUser } from './directory.js';
import type { Actor } from './http.js';
import type { Text } from './messages.js';
import { ForbiddenError, NotFoundError } from './problems.js';

export type Reach = 'own' | 'team' | 'unit' | 'all';

export interface Viewer {
  actor: Actor;
  reach: Reach;
  teamId?: string;
  unitId?: string;
}

/** What a record says about whose it is. */
export interface Ownership {
  ownerId?: string;
  teamId?: string;
  /** The dealer or department it was routed to. */
  unitId?: string;
}

export const viewerOf = async (actor: Actor): Promise<Viewer> => {
  if (actor.role === 'director' || actor.role === 'admin') return { actor, reach: 'all' };
  if (actor.role !== 'manager' && actor.role !== 'dealer') return { actor, reach: 'own' };
  const user = await getUser(actor.userId);
  if (!user) return { actor, reach: 'own' };
  // A dealer's people and a department's managers reach their unit's records.
  if (user.unitId) return { actor, reach: 'unit', unitId: user.unitId };
  if (actor.role === 'dealer') return { actor, reach: 'own' };
  return user.teamId ? { actor, reach: 'team', teamId: user.teamId } : { actor, reach: 'all' };
};

/**
 * May the viewer see this one item (a lead, quote, order, case, opportunity…): its owner, the team
 * it belongs to for a team's manager, the unit it is routed to for that unit's people, or anyone who
 * reaches everything. The single rule every read of an item goes through; an item's `Ownership`
 * names only those the access model gives it to (an intake order's submitter is not among them).
 */
export const canSee = (viewer: Viewer, record: Ownership) =>
  viewer.reach === 'all' ||
  (record.ownerId !== undefined && record.ownerId === viewer.actor.userId) ||
  (viewer.reach === 'team' && record.teamId !== undefined && record.teamId === viewer.teamId) ||
  (viewer.reach === 'unit' && record.unitId !== undefined && record.unitId === viewer.unitId);

/** A customer's relationship owners, as their profile item keeps them (people and teams). */
export interface CustomerOwners {
  ownerIds?: ReadonlySet<string>;
  teamIds?: ReadonlySet<string>;
}

/**
 * May the viewer see the customer's record (profile, contacts, consents and every part): their
 * relationship owners only — an owner, the manager of an owning team, whoever reaches everything.
 * A unit (a dealer, a department) never reaches the record through the items it handles, even where
 * a lead or request assignment put its id among the owners: it sees those items, each with the
 * contact details it needs.
 */
export const seesCustomer = (viewer: Viewer, owners: CustomerOwners) =>
  viewer.reach === 'all' ||
  // The call center answers any caller: an agent reaches every customer (its scopes limit a key).
  viewer.actor.role === 'agent' ||
  (owners.ownerIds?.has(viewer.actor.userId) ?? false) ||
  (viewer.reach === 'team' && viewer.teamId !== undefined && (owners.teamIds?.has(viewer.teamId) ?? false));

/** May the viewer change it: its owner, or whoever manages the team or unit it belongs to. */
export const canManage = canSee;

/** Ids are ULIDs: anything else is not found without a read. */
export const isId = (id: string | undefined): id is string => id !== undefined && /^[0-9A-HJKMNP-TV-Z]{26}$/.test(id);

/** For a viewer who may not see it, a record does not exist: the same 404 as for a wrong id. */
export const visibleOr404 = <T>(
  viewer: Viewer,
  record: T | undefined,
  ownership: (record: T) => Ownership,
  what: Text,
): T => {
  if (!record || !canSee(viewer, ownership(record))) throw new NotFoundError(what);
  return record;
};

/**
 * The list filter a viewer's reach implies on records with `ownerId`/`teamId`/`unitId` attributes:
 * which owner partition to read, or which attribute to filter on.
 */
export const listScope = (viewer: Viewer, requestedOwner?: string) => {
  if (viewer.reach === 'own' && requestedOwner && requestedOwner !== viewer.actor.userId) {
    throw new ForbiddenError({
      en: "Only managers may list other people's records.",
      tr: 'Başkalarının kayıtlarını yalnızca yöneticiler listeleyebilir.',
    });
  }
  switch (viewer.reach) {
    case 'all':
      return { ownerId: requestedOwner };
    case 'team':
      return { ownerId: requestedOwner, teamId: viewer.teamId };
    case 'unit':
      return { ownerId: requestedOwner, unitId: viewer.unitId };
    default:
      return { ownerId: viewer.actor.userId };
  }
};
