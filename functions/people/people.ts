// People as admins manage them, over the API (functions/people/handlers) and with `npm run users`:
// the directory user and the Cognito user written together, so a person never exists in one and
// not the other; every change guarded by the seq the admin read and audited beside the person.

import { type AuditActor, auditItem, auditTrail } from '../../shared/audit.js';
import { config } from '../../shared/config.js';
import { getTeam, getUnit, type User } from '../../shared/directory.js';
import { validate } from '../../shared/http.js';
import { noRecord, type Recorder } from '../../shared/idempotency.js';
import {
  ConflictError,
  type FieldProblem,
  NotFoundError,
  ProblemError,
  ValidationError,
} from '../../shared/problems.js';
import type * as z from '../../shared/schema.js';
import { keys } from '../../shared/table.js';
import { inviteBody, roleBody } from './api-schemas.js';
import { type Placement, placementProblems, samePlacement, userIdFor } from './domain/placement.js';
import {
  addPerson,
  changePlacement,
  directoryPage,
  disablePerson,
  EMAIL_TAKEN_AT,
  emailHolder,
  type Person,
  readPerson,
  rotationTeam,
  teamMoves,
} from './people-store.js';
import {
  createPoolUser,
  deletePoolUser,
  disablePoolUser,
  findPoolUser,
  isCognitoError,
  moveToGroup,
  type PoolUser,
} from './user-pool.js';

export interface Pool {
  userPoolId: string;
  /** Local pools: invited people get this permanent password and no mail. Absent: Cognito mails a temporary one. */
  invitePassword?: string;
}

/** The pool the stack (or the local runtime) gives a function whose manifest says `userPool: 'admin'`. */
export const poolFromEnvironment = (): Pool => ({
  userPoolId: config.userPoolId(),
  ...(config.localInvitePassword() ? { invitePassword: config.localInvitePassword() } : {}),
});

export type Invitation = z.output<typeof inviteBody>;
export type RoleChange = z.output<typeof roleBody>;

export const personView = (person: Person, poolUser: PoolUser | undefined) => ({
  userId: person.userId,
  name: person.name,
  email: person.email,
  role: person.role,
  language: person.language,
  ...(person.teamId ? { teamId: person.teamId } : {}),
  ...(person.unitId ? { unitId: person.unitId } : {}),
  ...(person.disabledAt ? { disabledAt: person.disabledAt } : {}),
  seq: person.seq,
  signIn: poolUser ? { enabled: poolUser.enabled, status: poolUser.status } : null,
});
export type PersonView = ReturnType<typeof personView>;

const withSignIn = async (pool: Pool, person: Person) =>
  personView(person, await findPoolUser(pool.userPoolId, person.email));

const existing = async (userId: string) => {
  const person = await readPerson(userId);
  if (!person) throw new NotFoundError({ en: `Person ${userId}`, tr: `${userId} kişisi` });
  return person;
};

/** The team and unit named exist, and suit the role. */
const placementChecked = async (placement: Placement) => {
  const problems: FieldProblem[] = placementProblems(placement);
  const { teamId, unitId } = placement;
  if (teamId && !(await getTeam(teamId)))
    problems.push({ path: 'teamId', message: { en: `No team ${teamId}.`, tr: `${teamId} diye bir ekip yok.` } });
  if (unitId && !(await getUnit(unitId))) {
    problems.push({
      path: 'unitId',
      message: { en: `No dealer or department ${unitId}.`, tr: `${unitId} diye bir bayi veya departman yok.` },
    });
  }
  if (problems.length) throw new ValidationError(problems);
};

const taken = (path: 'userId' | 'email', value: string) =>
  new ProblemError(409, 'person-exists', { en: `${value} is taken already.`, tr: `${value} zaten kullanılıyor.` }, [
    {
      path,
      message: {
        en: `A person with this ${path === 'email' ? 'e-mail' : 'user id'} exists already.`,
        tr: `Bu ${path === 'email' ? 'e-postayla' : 'kullanıcı kimliğiyle'} bir kişi zaten var.`,
      },
    },
  ]);

/**
 * A new person: their Cognito user (mailed a temporary password, or locally given the demo one),
 * then their directory user; if the directory write fails the Cognito user is taken back.
 */
export const invitePerson = async (
  pool: Pool,
  input: unknown,
  by: AuditActor,
  record: Recorder = noRecord,
): Promise<PersonView> => {
  const invitation = validate(inviteBody, input);
  // Shown as typed; matched, marked and signed in with lower-cased (see personEmailItem, createPoolUser).
  const user: User = {
    userId: invitation.userId ?? userIdFor(invitation.role, invitation.email),
    name: invitation.name,
    email: invitation.email.trim(),
    role: invitation.role,
    language: invitation.language,
    ...(invitation.teamId ? { teamId: invitation.teamId } : {}),
    ...(invitation.unitId ? { unitId: invitation.unitId } : {}),
  };
  await placementChecked(user);
  if (await readPerson(user.userId)) throw taken('userId', user.userId);
  if ((await emailHolder(user.email)) || (await findPoolUser(pool.userPoolId, user.email)))
    throw taken('email', user.email);
  const poolUser = await createPoolUser(pool.userPoolId, user.email, user.role, pool.invitePassword).catch(
    (error: unknown) => {
      throw isCognitoError(error, 'UsernameExistsException') ? taken('email', user.email) : error;
    },
  );
  const view = personView({ ...user, seq: 0 }, poolUser);
  const written = await addPerson(user, poolUser.sub, [
    auditItem(keys.user(user.userId), by, 'invited', user.role),
    ...(await teamMoves(user.userId, undefined, rotationTeam(user))),
    ...record(view),
  ]);
  if (!written.ok) {
    // Written meanwhile by someone else: take the Cognito user back, so neither side has half a person.
    await deletePoolUser(pool.userPoolId, poolUser.username);
    if (written.reasons[0]) throw taken('userId', user.userId);
    if (written.reasons[EMAIL_TAKEN_AT]) throw taken('email', user.email);
    throw new ConflictError('person-changed', {
      en: `${user.userId} was written meanwhile; nothing was changed.`,
      tr: `${user.userId} bu arada yazıldı; hiçbir şey değiştirilmedi.`,
    });
  }
  return view;
};

export const peoplePage = async (pool: Pool, limit: number, cursor?: string) => {
  const page = await directoryPage(limit, cursor);
  return {
    people: await Promise.all(page.people.map((p) => withSignIn(pool, p))),
    ...(page.next ? { nextCursor: page.next } : {}),
  };
};

export const personDetail = async (pool: Pool, userId: string) => {
  const person = await existing(userId);
  return { ...(await withSignIn(pool, person)), history: await auditTrail(keys.user(userId)) };
};

const changed = (userId: string) =>
  new ConflictError('person-changed', {
    en: `${userId} changed meanwhile; read them again.`,
    tr: `${userId} bu arada değişti; yeniden yükleyin.`,
  });

/** Their tokens are refused from now on (the authorizer reads the directory), and Cognito signs them in no more. */
export const disable = async (pool: Pool, userId: string, seq: number, by: AuditActor): Promise<PersonView> => {
  const person = await existing(userId);
  if (!person.disabledAt) {
    const leaving = await teamMoves(userId, rotationTeam(person), undefined);
    if (!(await disablePerson(person, seq, [auditItem(keys.user(userId), by, 'disabled'), ...leaving])).ok)
      throw changed(userId);
  }
  const poolUser = await findPoolUser(pool.userPoolId, person.email);
  if (poolUser) await disablePoolUser(pool.userPoolId, poolUser.username);
  return withSignIn(pool, (await readPerson(userId))!);
};

/** Another role (with the team or unit it needs); the Cognito group follows. The same placement changes nothing. */
export const setRole = async (pool: Pool, userId: string, input: unknown, by: AuditActor): Promise<PersonView> => {
  const { seq, ...to } = validate(roleBody, input);
  const person = await existing(userId);
  if (!samePlacement(person, to)) {
    await placementChecked(to);
    const note = [person.role, '→', to.role, to.teamId ?? to.unitId ?? ''].join(' ').trim();
    const moves = await teamMoves(userId, rotationTeam(person), rotationTeam(to));
    if (
      !(await changePlacement(person, to, seq, [auditItem(keys.user(userId), by, 'role-changed', note), ...moves])).ok
    )
      throw changed(userId);
    const poolUser = person.role !== to.role ? await findPoolUser(pool.userPoolId, person.email) : undefined;
    if (poolUser) await moveToGroup(pool.userPoolId, poolUser.username, person.role, to.role);
  }
  return withSignIn(pool, (await readPerson(userId))!);
};
