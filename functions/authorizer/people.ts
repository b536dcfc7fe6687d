// The table side of sign-in: which directory user a Cognito user is, signed-out sessions, and the
// directory writes `npm run users` makes (a person, their role, disabling them).
import { GetCommand, PutCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { db, itemExists, putNew, tableName, transact } from '../../shared/db.js';
import { getUser, type User } from '../../shared/directory.js';
import type { Role } from '../../shared/http.js';
import { type ItemType, keys } from '../../shared/table.js';

/** Cognito access and ID tokens live at most a day: a signed-out session is kept that long. */
const LONGEST_TOKEN_SECONDS = 24 * 60 * 60;

const get = async (key: ReturnType<typeof keys.personLogin>) =>
  (await db().send(new GetCommand({ TableName: tableName(), Key: key }))).Item;

/** The directory user a Cognito user (`sub`) signs in as, if one is linked. */
export const personOf = async (sub: string): Promise<User | undefined> => {
  const login = await get(keys.personLogin(sub));
  return login ? getUser(String(login.userId)) : undefined;
};

export const isSignedOut = async (sessionId: string) => (await get(keys.signedOutSession(sessionId))) !== undefined;

/** Idempotent: signing out twice leaves one record. */
export const recordSignOut = async (sessionId: string, now = new Date()) => {
  await db().send(
    new PutCommand({
      TableName: tableName(),
      Item: {
        ...keys.signedOutSession(sessionId),
        type: 'signed-out-session' satisfies ItemType,
        signedOutAt: now.toISOString(),
        expiresAt: Math.floor(now.getTime() / 1000) + LONGEST_TOKEN_SECONDS,
      },
    }),
  );
};

export const loginItem = (sub: string, userId: string) => ({ ...keys.personLogin(sub), type: 'person-login' satisfies ItemType, sub, userId });

const roleMemberItem = (role: Role, userId: string) => ({ ...keys.roleMember(role, userId), type: 'role-member' satisfies ItemType, role, userId });

/** A new person: the directory user, their role membership and their sign-in link, all or nothing. */
export const addPerson = async (user: User, sub: string) =>
  transact([
    putNew({ ...keys.user(user.userId), type: 'user' satisfies ItemType, ...user }),
    putNew(roleMemberItem(user.role, user.userId)),
    putNew(loginItem(sub, user.userId)),
  ]);

export const disablePerson = async (userId: string, now = new Date()) => {
  await db().send(
    new UpdateCommand({
      TableName: tableName(),
      Key: keys.user(userId),
      UpdateExpression: 'SET disabledAt = if_not_exists(disabledAt, :now)',
      ConditionExpression: itemExists,
      ExpressionAttributeValues: { ':now': now.toISOString() },
    }),
  );
};

/** Moves a person to another role, guarded on the role they had, with their role membership. */
export const changeRole = async (user: User, role: Role) =>
  transact([
    {
      Update: {
        TableName: tableName(),
        Key: keys.user(user.userId),
        UpdateExpression: 'SET #role = :role',
        ConditionExpression: '#role = :was',
        ExpressionAttributeNames: { '#role': 'role' },
        ExpressionAttributeValues: { ':role': role, ':was': user.role },
      },
    },
    { Delete: { TableName: tableName(), Key: keys.roleMember(user.role, user.userId) } },
    { Put: { TableName: tableName(), Item: roleMemberItem(role, user.userId) } },
  ]);
