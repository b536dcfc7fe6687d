// The keys of sign-ins and signed-out sessions in the one table (its shape and the platform's keys: shared/table.ts).
import type { Key } from '../../shared/table.js';

export const authorizerKeys = {
  /** A person's sign-in (the Cognito user's `sub`) → the directory user they act as. */
  personLogin: (sub: string): Key => ({ pk: `LOGIN#${sub}`, sk: 'LOGIN' }),
  /** A signed-out session (`session:<sub>:<auth_time>`), kept by TTL until its tokens have expired. */
  signedOutSession: (sessionId: string): Key => ({ pk: `SIGNED_OUT#${sessionId}`, sk: 'SESSION' }),
} as const;

declare module '../../shared/table.js' {
  interface ItemTypes {
    'person-login': true;
    'signed-out-session': true;
  }
}
