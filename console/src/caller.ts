// Who the console works for: `GET /me` once per session (role, scopes, a person or a key), so the
// header and every page leave out what the caller may not do. Only a hint: the API decides either way.
import { api } from './api.js';
import type { operations } from './api-types.js';

export type Me = operations['getMe']['responses'][200]['content']['application/json'];
export type Scope = Me['scopes'][number];

let asked: Promise<Me | undefined> | undefined;

export const caller = () => {
  asked ??= api()
    .then((client) => client.GET('/me', {}))
    .then(({ data }) => data);
  return asked;
};

/** After sign-out or before a new sign-in: the next caller is asked afresh. */
export const forgetCaller = () => {
  asked = undefined;
};

/** Whether the caller holds the scope (`admin` holds every one); no scope needed: everyone. */
export const holds = (me: Me | undefined, scope?: Scope) =>
  !scope || (me !== undefined && (me.scopes.includes(scope) || me.scopes.includes('admin')));
