// The table side of sign-in: which directory user a Cognito user is, and signed-out sessions. People
// are added, moved and disabled by the people use case (functions/people).

import { GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import { clockNow } from '../../shared/clock.js';
import { db, tableName } from '../../shared/db.js';
import { getUser, type User } from '../../shared/directory.js';
import type { ItemType } from '../../shared/table.js';
import { authorizerKeys } from './keys.js';

/** Cognito access and ID tokens live at most a day: a signed-out session is kept that long. */
const LONGEST_TOKEN_SECONDS = 24 * 60 * 60;

const get = async (key: ReturnType<typeof authorizerKeys.personLogin>) =>
  (await db().send(new GetCommand({ TableName: tableName(), Key: key }))).Item;

/** The directory user a Cognito user (`sub`) signs in as, if one is linked. */
export const personOf = async (sub: string): Promise<User | undefined> => {
  const login = await get(authorizerKeys.personLogin(sub));
  return login ? getUser(String(login.userId)) : undefined;
};

export const isSignedOut = async (sessionId: string) =>
  (await get(authorizerKeys.signedOutSession(sessionId))) !== undefined;

/** Idempotent: signing out twice leaves one record. */
export const recordSignOut = async (sessionId: string, now = clockNow()) => {
  await db().send(
    new PutCommand({
      TableName: tableName(),
      Item: {
        ...authorizerKeys.signedOutSession(sessionId),
        type: 'signed-out-session' satisfies ItemType,
        signedOutAt: now.toISOString(),
        expiresAt: Math.floor(now.getTime() / 1000) + LONGEST_TOKEN_SECONDS,
      },
    }),
  );
};

export const loginItem = (sub: string, userId: string) => ({
  ...authorizerKeys.personLogin(sub),
  type: 'person-login' satisfies ItemType,
  sub,
  userId,
});
