// Who sees which quotes, and who approves them. Reps see their own; a manager with a team sees the
// team's; a manager without one (the firm's sales manager), directors and admins see all. Whoever
// holds a role its approval involves sees that quote too, so an approver can read what they approve.
import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import { db, tableName } from '../../shared/db.js';
import { getUser, type User } from '../../shared/directory.js';
import type { Actor } from '../../shared/http.js';
import { ForbiddenError, NotFoundError } from '../../shared/problems.js';
import { keys } from '../../shared/table.js';
import { findQuote, type Quote } from './quote-store.js';

export interface Viewer {
  actor: Actor;
  reach: 'own' | 'team' | 'all';
  teamId?: string;
}

export const viewerOf = async (actor: Actor): Promise<Viewer> => {
  if (actor.role === 'director' || actor.role === 'admin') return { actor, reach: 'all' };
  if (actor.role !== 'manager') return { actor, reach: 'own' };
  const teamId = (await getUser(actor.userId))?.teamId;
  return teamId ? { actor, reach: 'team', teamId } : { actor, reach: 'all' };
};

/** The role whose approval the quote is waiting for, if it is waiting. */
export const awaitedRole = (quote: Quote) =>
  quote.status === 'pending_approval' && quote.approval ? quote.approvalSteps?.[quote.approval.approved]?.role : undefined;

/**
 * An approver sees quotes whose approval involves their role, not only while it is their turn: a
 * second approver racing the first must learn the step was decided (409), not that the quote vanished.
 */
export const canSee = (viewer: Viewer, quote: Quote) =>
  viewer.reach === 'all' ||
  quote.ownerId === viewer.actor.userId ||
  (viewer.reach === 'team' && quote.teamId === viewer.teamId) ||
  (quote.approvalSteps ?? []).some((step) => step.role === viewer.actor.role);

/** For a viewer who may not see it, a quote does not exist. */
export const quoteVisibleTo = async (viewer: Viewer, quoteId: string | undefined): Promise<Quote> => {
  const quote = quoteId && /^[0-9A-Z]{26}$/.test(quoteId) ? await findQuote(quoteId) : undefined;
  if (!quote || !canSee(viewer, quote)) throw new NotFoundError('The quote');
  return quote;
};

/** Changing a quote is for its owner and whoever manages them; an approver only decides. */
export const quoteChangeableBy = async (viewer: Viewer, quoteId: string | undefined): Promise<Quote> => {
  const quote = await quoteVisibleTo(viewer, quoteId);
  const mine = quote.ownerId === viewer.actor.userId;
  const managed = viewer.reach === 'all' || (viewer.reach === 'team' && quote.teamId === viewer.teamId);
  if (!mine && !managed) throw new ForbiddenError('Only the owner of this quote and their manager may change it.');
  return quote;
};

/** Everyone who holds `role`, from the role's member items. */
export const usersInRole = async (role: string): Promise<User[]> => {
  const members = await db().send(
    new QueryCommand({
      TableName: tableName(),
      KeyConditionExpression: 'pk = :pk',
      ExpressionAttributeValues: { ':pk': keys.roleMembersPartition(role) },
    }),
  );
  const users = await Promise.all((members.Items ?? []).map((item) => getUser(String(item.userId))));
  // A member item outliving its user, or a user whose role has changed since, is not an approver.
  return users.filter((user): user is User => user !== undefined && user.role === role);
};
