// The table side of sign-in: which directory user a Cognito user is, and signed-out sessions. People
// are added, moved and disabled by the people use case (functions/people).
import { GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import { db, tableName } from '../../shared/db.js';
import { getUser, type User } from '../../shared/directory.js';
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

export const loginItem = (sub: string, userId: string) => ({
  ...keys.personLogin(sub),
  type: 'person-login' satisfies ItemType,
  sub,
  userId,
});
