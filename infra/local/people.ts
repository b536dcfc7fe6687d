// People as admins manage them: the directory user and the Cognito user written together, so a
// person never exists in one and not the other. `npm run users` and the tests call these.
import { addPerson, changeRole, disablePerson, personOf } from '../../functions/authorizer/people.js';
import { getUser, type User } from '../../shared/directory.js';
import { type Role, roles } from '../../shared/http.js';
import { adminCall, createPoolUser, disablePoolUser, listPoolUsers, moveToGroup } from './user-pool-admin.js';

export class PeopleError extends Error {}

export interface Invitation {
  email: string;
  role: string;
  userId?: string;
  name?: string;
  teamId?: string;
  unitId?: string;
  language?: string;
  /** Local pools: a permanent password, no mail. Without it Cognito mails a temporary one. */
  password?: string;
}

const asRole = (role: string): Role => {
  if (!(roles as readonly string[]).includes(role)) throw new PeopleError(`--role must be one of ${roles.join(', ')}.`);
  return role as Role;
};

const known = async (userId: string) => {
  const user = await getUser(userId);
  if (!user) throw new PeopleError(`No user ${userId} in the directory (npm run users -- list shows them).`);
  return user;
};

export const invitePerson = async (userPoolId: string, invitation: Invitation): Promise<User> => {
  const email = invitation.email.trim();
  if (!/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(email)) throw new PeopleError(`${email} is not an e-mail address.`);
  const role = asRole(invitation.role);
  const local = email.split('@')[0]!.toLowerCase().replace(/[^a-z0-9]+/g, '-');
  const user: User = {
    userId: invitation.userId ?? `${role}-${local}`,
    name: invitation.name ?? email.split('@')[0]!,
    email,
    role,
    language: invitation.language === 'en' ? 'en' : 'tr',
    ...(invitation.teamId ? { teamId: invitation.teamId } : {}),
    ...(invitation.unitId ? { unitId: invitation.unitId } : {}),
  };
  if (await getUser(user.userId)) throw new PeopleError(`${user.userId} is in the directory already; choose another --user.`);
  const { sub } = await createPoolUser(userPoolId, email, role, invitation.password);
  const written = await addPerson(user, sub);
  if (!written.ok) {
    // Written meanwhile by someone else: take the Cognito user back, so neither side has half a person.
    await adminCall('AdminDeleteUser', { UserPoolId: userPoolId, Username: email });
    throw new PeopleError(`${user.userId} was written meanwhile; nothing was changed.`);
  }
  return user;
};

export const listPeople = async (userPoolId: string) =>
  Promise.all((await listPoolUsers(userPoolId)).map(async (poolUser) => ({ ...poolUser, user: await personOf(poolUser.sub) })));

export const disable = async (userPoolId: string, userId: string) => {
  const user = await known(userId);
  await disablePerson(userId);
  await disablePoolUser(userPoolId, user.email);
};

export const setRole = async (userPoolId: string, userId: string, role: string) => {
  const user = await known(userId);
  const to = asRole(role);
  if (user.role === to) return;
  if (!(await changeRole(user, to)).ok) throw new PeopleError(`${userId}'s role changed meanwhile; nothing was changed.`);
  await moveToGroup(userPoolId, user.email, user.role, to);
};
