// The directory side of people: the user, their role membership, their sign-in link and their entry
// in the admins' list, written together; changes guarded by the `seq` the admin read, each with its
// audit item in the same transaction.

import { GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import { clockNow } from '../../shared/clock.js';
import { normalizeEmail } from '../../shared/contact.js';
import { db, getMany, itemExists, putNew, scanType, type TransactItem, tableName, transact } from '../../shared/db.js';
import { getTeam, getUser, type TeamMember, type User } from '../../shared/directory.js';
import { fromItem } from '../../shared/entity.js';
import type { Role } from '../../shared/http.js';
import { queryPage } from '../../shared/query.js';
import { type ItemType, keys } from '../../shared/table.js';
import { loginItem } from '../authorizer/public.js';
import type { Placement } from './domain/placement.js';
import { peopleKeys } from './keys.js';

/** A directory user with their stale-write token (people written before it existed read as 0). */
export type Person = User & { seq: number };

export const readPerson = async (userId: string): Promise<Person | undefined> => {
  const user = (await getUser(userId)) as Person | undefined;
  return user && { ...user, seq: user.seq ?? 0 };
};

const roleMemberItem = (role: Role, userId: string) => ({
  ...keys.roleMember(role, userId),
  type: 'role-member' satisfies ItemType,
  role,
  userId,
});

/** Adds a person the directory already has (demo data, people from before the list) to the list. */
export const listEntryItem = (userId: string) => ({
  ...peopleKeys.directoryEntry(userId),
  type: 'directory-entry' satisfies ItemType,
  userId,
});

/**
 * Who has this e-mail address among people, whatever its letter case: the address is shown as typed,
 * but mail servers and people treat `Ayse@…` and `ayse@…` as one mailbox.
 */
export const personEmailItem = (user: Pick<User, 'userId' | 'email'>) => ({
  ...peopleKeys.personEmail(normalizeEmail(user.email)),
  type: 'person-email' satisfies ItemType,
  userId: user.userId,
});

/** The user id holding the address (in any letter case), if any. */
export const emailHolder = async (email: string): Promise<string | undefined> =>
  (
    await db().send(
      new GetCommand({
        TableName: tableName(),
        Key: peopleKeys.personEmail(normalizeEmail(email)),
        ConsistentRead: true,
      }),
    )
  ).Item?.userId as string | undefined;

/** Where `addPerson`'s cancellation reasons say the e-mail address is taken. */
export const EMAIL_TAKEN_AT = 4;

/**
 * A new person: the directory user, their role membership, their sign-in link, their list entry and
 * their e-mail address's marker, all or nothing. `reasons[0]` set: the user id is taken;
 * `reasons[EMAIL_TAKEN_AT]`: the address is, in some letter case.
 */
export const addPerson = (user: User, sub: string, also: TransactItem[] = []) =>
  transact([
    putNew({ ...keys.user(user.userId), type: 'user' satisfies ItemType, ...user, seq: 0 }),
    putNew(roleMemberItem(user.role, user.userId)),
    putNew(loginItem(sub, user.userId)),
    putNew(listEntryItem(user.userId)),
    putNew(personEmailItem(user)),
    ...also,
  ]);

/** The person is still at the seq the admin read (a person from before seq existed is at 0). */
const atSeq = (seq: number) => ({
  ConditionExpression: `${itemExists} AND (${seq === 0 ? 'attribute_not_exists(seq) OR ' : ''}seq = :seq)`,
  values: { ':seq': seq, ':next': seq + 1 },
});

export const disablePerson = (person: Person, seq: number, also: TransactItem[], now = clockNow()) => {
  const guard = atSeq(seq);
  return transact([
    {
      Update: {
        TableName: tableName(),
        Key: keys.user(person.userId),
        UpdateExpression: 'SET disabledAt = if_not_exists(disabledAt, :now), seq = :next',
        ConditionExpression: guard.ConditionExpression,
        ExpressionAttributeValues: { ':now': now.toISOString(), ...guard.values },
      },
    },
    ...also,
  ]);
};

/** Moves a person to another role, team or unit, with their role membership. */
export const changePlacement = (person: Person, to: Placement, seq: number, also: TransactItem[]) => {
  const guard = atSeq(seq);
  const set = [
    '#role = :role',
    'seq = :next',
    ...(to.teamId ? ['teamId = :team'] : []),
    ...(to.unitId ? ['unitId = :unit'] : []),
  ];
  const remove = [...(to.teamId ? [] : ['teamId']), ...(to.unitId ? [] : ['unitId'])];
  const membership: TransactItem[] =
    person.role === to.role
      ? []
      : [
          { Delete: { TableName: tableName(), Key: keys.roleMember(person.role, person.userId) } },
          { Put: { TableName: tableName(), Item: roleMemberItem(to.role, person.userId) } },
        ];
  return transact([
    {
      Update: {
        TableName: tableName(),
        Key: keys.user(person.userId),
        UpdateExpression: `SET ${set.join(', ')}${remove.length ? ` REMOVE ${remove.join(', ')}` : ''}`,
        ConditionExpression: guard.ConditionExpression,
        ExpressionAttributeNames: { '#role': 'role' },
        ExpressionAttributeValues: {
          ':role': to.role,
          ...(to.teamId ? { ':team': to.teamId } : {}),
          ...(to.unitId ? { ':unit': to.unitId } : {}),
          ...guard.values,
        },
      },
    },
    ...membership,
    ...also,
  ]);
};

/** The team whose lead rotation a person takes part in: only reps are dealt leads. */
export const rotationTeam = (person: Pick<User, 'role' | 'teamId'>) =>
  person.role === 'rep' ? person.teamId : undefined;

/**
 * The lead rotation follows a person: leaving a team takes them out of its members, joining one adds
 * them (weight 1, present). Each team is written only if its members are still as read, so two
 * admins moving people of one team at once cannot lose either move (the loser is asked to read again).
 */
export const teamMoves = async (
  userId: string,
  from: string | undefined,
  to: string | undefined,
): Promise<TransactItem[]> => {
  if (from === to) return [];
  const rewrite = async (teamId: string, change: (members: TeamMember[]) => TeamMember[]): Promise<TransactItem[]> => {
    const team = await getTeam(teamId);
    const next = team && change(team.members);
    if (!team || !next || next.length === team.members.length) return [];
    return [
      {
        Update: {
          TableName: tableName(),
          Key: keys.team(teamId),
          UpdateExpression: 'SET members = :next',
          ConditionExpression: 'members = :read',
          ExpressionAttributeValues: { ':next': next, ':read': team.members },
        },
      },
    ];
  };
  return [
    ...(from ? await rewrite(from, (members) => members.filter((m) => m.userId !== userId)) : []),
    ...(to
      ? await rewrite(to, (members) =>
          members.some((m) => m.userId === userId) ? members : [...members, { userId, weight: 1, away: false }],
        )
      : []),
  ];
};

/**
 * Puts every directory user into the admins' list and their e-mail address's marker (idempotent):
 * for tables written before either existed. An operator's one-off (`npm run reindex`), so a Scan of
 * the table is fine here. Two people already sharing an address in different letter cases keep it:
 * the first marks it, and the others are returned for an admin to sort out.
 */
export const reindexDirectory = async (sharedAddress: (userId: string) => void = () => undefined) => {
  let added = 0;
  for await (const user of scanType('user')) {
    const userId = String(user.userId);
    await db().send(new PutCommand({ TableName: tableName(), Item: listEntryItem(userId) }));
    if (typeof user.email === 'string' && user.email) {
      await db()
        .send(
          new PutCommand({
            TableName: tableName(),
            Item: personEmailItem({ userId, email: user.email }),
            ConditionExpression: 'attribute_not_exists(pk) OR userId = :userId',
            ExpressionAttributeValues: { ':userId': userId },
          }),
        )
        .catch((error: unknown) => {
          if ((error as Error).name !== 'ConditionalCheckFailedException') throw error;
          sharedAddress(userId);
        });
    }
    added++;
  }
  return added;
};

/** The admins' list, by user id, a page at a time. */
export const directoryPage = async (limit: number, cursor?: string) => {
  const page = await queryPage({ partition: peopleKeys.directoryPartition(), order: 'oldest', limit, cursor });
  const users = new Map(
    (await getMany(page.items.map((item) => keys.user(String(item.userId))))).map((user) => [
      user.userId,
      fromItem<Person>(user),
    ]),
  );
  const people = page.items.map((item) => users.get(item.userId)).filter((p) => p !== undefined);
  return { people: people.map((p) => ({ ...p, seq: p.seq ?? 0 })), next: page.next };
};
