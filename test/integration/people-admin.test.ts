// The directory side of people and the keys admins manage, against DynamoDB Local (the user pool
// side runs in test/e2e/console-admin.test.ts, against cognito-local): a person written with their
// list entry, role membership and audit item; role changes and disabling guarded by seq; the list
// paged by cursor; a key created once per Idempotency-Key and shown only the first time; revocation
// audited; the key rules answered per field; a stale seq is a 409 before Cognito is called.

import { DeleteCommand, GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import { beforeAll, describe, expect, it } from 'vitest';
import { authorizerKeys } from '../../functions/authorizer/keys.js';
import { createKey, keysPage, revokeKey } from '../../functions/people/api-key-admin.js';
import { peopleKeys } from '../../functions/people/keys.js';
import { disable, invitePerson, setRole } from '../../functions/people/people.js';
import {
  addPerson,
  changePlacement,
  directoryPage,
  disablePerson,
  EMAIL_TAKEN_AT,
  emailHolder,
  readPerson,
  reindexDirectory,
  teamMoves,
} from '../../functions/people/people-store.js';
import { demoItems, loadReferenceData } from '../../infra/local/demo-data.js';
import { findApiKey } from '../../shared/api-keys.js';
import { type AuditActor, auditItem, auditTrail } from '../../shared/audit.js';
import { db, tableName } from '../../shared/db.js';
import type { User } from '../../shared/directory.js';
import { oncePerCaller } from '../../shared/idempotency.js';
import { newId } from '../../shared/ids.js';
import { keys } from '../../shared/table.js';

const admin: AuditActor = { actorId: 'admin-elif', via: 'api' };
const run = newId().toLowerCase();
const personWith = (tag: string, overrides: Partial<User> = {}): User => ({
  userId: `t-${run}-${tag}`,
  name: `Deneme ${tag}`,
  email: `${tag}.${run}@example.com`,
  role: 'rep',
  language: 'tr',
  teamId: 'team-istanbul',
  ...overrides,
});
const add = async (user: User) => {
  const written = await addPerson(user, `sub-${user.userId}`, [
    auditItem(keys.user(user.userId), admin, 'invited', user.role),
  ]);
  expect(written.ok).toBe(true);
  return (await readPerson(user.userId))!;
};
const itemAt = async (key: { pk: string; sk: string }) =>
  (await db().send(new GetCommand({ TableName: tableName(), Key: key }))).Item;

beforeAll(async () => {
  await loadReferenceData(db(), tableName(), demoItems());
});

describe('people in the directory', () => {
  it('writes the user at seq 0 with their role membership, sign-in link and audit item; a taken user id writes nothing', async () => {
    const user = personWith('new');
    const person = await add(user);
    expect(person).toMatchObject({ userId: user.userId, role: 'rep', seq: 0 });
    expect(await itemAt(keys.roleMember('rep', user.userId))).toBeDefined();
    expect((await itemAt(authorizerKeys.personLogin(`sub-${user.userId}`)))?.userId).toBe(user.userId);
    expect(await auditTrail(keys.user(user.userId))).toEqual([
      expect.objectContaining({ actorId: 'admin-elif', action: 'invited', via: 'api' }),
    ]);
    const again = await addPerson({ ...user, name: 'Başkası' }, `sub-other-${user.userId}`);
    expect(again).toMatchObject({
      ok: false,
      reasons: [expect.any(String), expect.any(String), undefined, expect.any(String), expect.any(String)],
    });
    expect((await readPerson(user.userId))?.name).toBe(user.name);
    expect(await itemAt(authorizerKeys.personLogin(`sub-other-${user.userId}`))).toBeUndefined();
  });

  it('lists people by user id, a page at a time, each once', async () => {
    const mine = await Promise.all(['list-a', 'list-b', 'list-c'].map((tag) => add(personWith(tag))));
    const seen: string[] = [];
    let cursor: string | undefined;
    let pages = 0;
    do {
      const page = await directoryPage(2, cursor);
      expect(page.people.length).toBeLessThanOrEqual(2);
      seen.push(...page.people.map((p) => p.userId));
      cursor = page.next;
      pages++;
    } while (cursor && pages < 500);
    expect(seen.filter((id) => mine.some((p) => p.userId === id))).toEqual(mine.map((p) => p.userId));
    // The demo people are listed too (their list entries come with the demo data).
    expect(seen).toContain('admin-elif');
  });

  it('reindexes people written before the list existed into it, once each', async () => {
    const old = await add(personWith('before-list'));
    await db().send(new DeleteCommand({ TableName: tableName(), Key: peopleKeys.directoryEntry(old.userId) }));
    expect(await itemAt(peopleKeys.directoryEntry(old.userId))).toBeUndefined();
    expect(await reindexDirectory()).toBeGreaterThan(0);
    expect(await itemAt(peopleKeys.directoryEntry(old.userId))).toMatchObject({ userId: old.userId });
  });

  it('takes an e-mail address once whatever its letter case: shown as typed, marked lower-cased in the same transaction', async () => {
    const typed = `Vaka.Harf.${run}@Example.COM`;
    const first = await add(personWith('case-a', { email: typed }));
    expect(first.email).toBe(typed);
    expect(await itemAt(peopleKeys.personEmail(typed.toLowerCase()))).toMatchObject({
      type: 'person-email',
      userId: first.userId,
    });
    expect(await emailHolder(`  ${typed.toUpperCase()} `)).toBe(first.userId);

    const second = personWith('case-b', { email: typed.toLowerCase() });
    const refused = await addPerson(second, `sub-${second.userId}`);
    expect(refused).toMatchObject({ ok: false });
    expect(refused.ok === false && refused.reasons[0]).toBeFalsy();
    expect(refused.ok === false && refused.reasons[EMAIL_TAKEN_AT]).toBe('ConditionalCheckFailed');
    expect(await readPerson(second.userId)).toBeUndefined();
    expect(await itemAt(authorizerKeys.personLogin(`sub-${second.userId}`))).toBeUndefined();

    // Over the use case: 409 at `email`, before the user pool is asked (this pool does not exist).
    for (const email of [typed.toLowerCase(), typed.toUpperCase()]) {
      await expect(
        invitePerson(
          { userPoolId: 'no-pool-reached' },
          { email, name: 'Harf Farkı', role: 'rep', teamId: 'team-istanbul' },
          admin,
        ),
      ).rejects.toMatchObject({
        status: 409,
        code: 'person-exists',
        errors: [expect.objectContaining({ path: 'email' })],
      });
    }
  });

  it('reindexes the e-mail markers of people written before them, and names people who already share an address', async () => {
    const typed = `Eski.Kayit.${run}@Example.com`;
    const old = await add(personWith('before-marker', { email: typed }));
    await db().send(new DeleteCommand({ TableName: tableName(), Key: peopleKeys.personEmail(typed.toLowerCase()) }));
    // A second person with the same mailbox, from before the marker: the data such a table may hold.
    const twin = personWith('before-marker-twin', { email: typed.toLowerCase() });
    await db().send(
      new PutCommand({ TableName: tableName(), Item: { ...keys.user(twin.userId), type: 'user', ...twin, seq: 0 } }),
    );
    expect(await emailHolder(typed)).toBeUndefined();
    const sharing: string[] = [];
    await reindexDirectory((userId) => sharing.push(userId));
    const holder = await emailHolder(typed);
    expect([old.userId, twin.userId]).toContain(holder);
    expect(sharing.filter((id) => id === old.userId || id === twin.userId)).toEqual([
      holder === old.userId ? twin.userId : old.userId,
    ]);
    // Once more changes nothing and names the same one.
    const again: string[] = [];
    await reindexDirectory((userId) => again.push(userId));
    expect(await emailHolder(typed)).toBe(holder);
    expect(again.filter((id) => id === old.userId || id === twin.userId)).toEqual(
      sharing.filter((id) => id === old.userId || id === twin.userId),
    );
  });

  it('moves a person to another role at the seq read: the membership moves, a stale seq changes nothing', async () => {
    const person = await add(personWith('move'));
    const stale = await changePlacement(person, { role: 'dealer', unitId: 'dealer-ankara' }, 5, []);
    expect(stale.ok).toBe(false);
    expect((await readPerson(person.userId))?.role).toBe('rep');

    const moved = await changePlacement(person, { role: 'dealer', unitId: 'dealer-ankara' }, 0, [
      auditItem(keys.user(person.userId), admin, 'role-changed'),
    ]);
    expect(moved.ok).toBe(true);
    const after = await readPerson(person.userId);
    expect(after).toMatchObject({ role: 'dealer', unitId: 'dealer-ankara', seq: 1 });
    expect(after?.teamId).toBeUndefined();
    expect(await itemAt(keys.roleMember('rep', person.userId))).toBeUndefined();
    expect(await itemAt(keys.roleMember('dealer', person.userId))).toBeDefined();
    expect((await auditTrail(keys.user(person.userId))).map((e) => e.action)).toEqual(['role-changed', 'invited']);
  });

  it("moves a rep's lead rotation with their team, and takes a disabled rep out of it", async () => {
    const teams = [`t-${run}-north`, `t-${run}-south`];
    for (const teamId of teams) {
      await db().send(
        new PutCommand({
          TableName: tableName(),
          Item: {
            ...keys.team(teamId),
            type: 'team',
            teamId,
            name: teamId,
            members: [{ userId: 'rep-ayse', weight: 2, away: false }],
          },
        }),
      );
    }
    const members = async (teamId: string) =>
      ((await itemAt(keys.team(teamId)))!.members as { userId: string }[]).map((m) => m.userId);
    const person = await add(personWith('rotation', { teamId: teams[0] }));
    // Written by the store alone (as the demo data is), the rep is not yet dealt leads.
    expect(await members(teams[0]!)).toEqual(['rep-ayse']);
    const joining = await teamMoves(person.userId, undefined, teams[0]);
    expect((await changePlacement(person, { role: 'rep', teamId: teams[0] }, 0, joining)).ok).toBe(true);
    expect(await members(teams[0]!)).toEqual(['rep-ayse', person.userId]);

    const moving = await teamMoves(person.userId, teams[0], teams[1]);
    expect(
      (await changePlacement((await readPerson(person.userId))!, { role: 'rep', teamId: teams[1] }, 1, moving)).ok,
    ).toBe(true);
    expect(await members(teams[0]!)).toEqual(['rep-ayse']);
    expect(await members(teams[1]!)).toEqual(['rep-ayse', person.userId]);
    expect(await readPerson(person.userId)).toMatchObject({ teamId: teams[1], seq: 2 });

    // A team changed after it was read is not overwritten: the move fails whole.
    const moves = await teamMoves(person.userId, teams[1], undefined);
    await db().send(
      new PutCommand({
        TableName: tableName(),
        Item: {
          ...keys.team(teams[1]!),
          type: 'team',
          teamId: teams[1],
          name: 'x',
          members: [
            { userId: 'rep-ayse', weight: 1, away: false },
            { userId: person.userId, weight: 1, away: true },
          ],
        },
      }),
    );
    expect((await disablePerson((await readPerson(person.userId))!, 2, moves)).ok).toBe(false);
    expect((await readPerson(person.userId))?.disabledAt).toBeUndefined();
    expect(await teamMoves('rep-nobody', teams[0], undefined)).toEqual([]);
    const leaving = await teamMoves(person.userId, teams[1], undefined);
    expect((await disablePerson((await readPerson(person.userId))!, 2, leaving)).ok).toBe(true);
    expect(await members(teams[1]!)).toEqual(['rep-ayse']);
  });

  it('disables at the seq read, once; a stale seq is refused', async () => {
    const person = await add(personWith('disable'));
    expect((await disablePerson(person, 3, [])).ok).toBe(false);
    expect((await readPerson(person.userId))?.disabledAt).toBeUndefined();
    expect((await disablePerson(person, 0, [auditItem(keys.user(person.userId), admin, 'disabled')])).ok).toBe(true);
    expect(await readPerson(person.userId)).toMatchObject({ seq: 1, disabledAt: expect.any(String) });
  });

  it('refuses, before any user-pool call, a role without the team or unit it needs, an unknown team, and a taken user id', async () => {
    const pool = { userPoolId: 'no-pool-reached' };
    await expect(
      invitePerson(pool, { email: `d.${run}@example.com`, name: 'Bayi', role: 'dealer' }, admin),
    ).rejects.toMatchObject({
      code: 'validation-failed',
      errors: [expect.objectContaining({ path: 'unitId' })],
    });
    await expect(
      invitePerson(
        pool,
        { email: `r.${run}@example.com`, name: 'Temsilci', role: 'rep', teamId: 'team-nowhere' },
        admin,
      ),
    ).rejects.toMatchObject({ code: 'validation-failed', errors: [expect.objectContaining({ path: 'teamId' })] });
    const existing = await add(personWith('taken'));
    await expect(
      invitePerson(
        pool,
        { email: `x.${run}@example.com`, name: 'Aynı', role: 'rep', teamId: 'team-istanbul', userId: existing.userId },
        admin,
      ),
    ).rejects.toMatchObject({
      status: 409,
      code: 'person-exists',
      errors: [expect.objectContaining({ path: 'userId' })],
    });
    await expect(setRole(pool, existing.userId, { role: 'rep', seq: 0 }, admin)).rejects.toMatchObject({
      code: 'validation-failed',
      errors: [expect.objectContaining({ path: 'teamId' })],
    });
  });

  it('answers a stale seq with 409 person-changed before any user-pool call, and an unknown person with 404', async () => {
    const pool = { userPoolId: 'no-pool-reached' };
    const existing = await add(personWith('stale'));
    await expect(setRole(pool, existing.userId, { role: 'manager', seq: 7 }, admin)).rejects.toMatchObject({
      status: 409,
      code: 'person-changed',
    });
    await expect(disable(pool, existing.userId, 7, admin)).rejects.toMatchObject({
      status: 409,
      code: 'person-changed',
    });
    expect(await readPerson(existing.userId)).toMatchObject({ role: 'rep', seq: 0 });
    expect((await readPerson(existing.userId))?.disabledAt).toBeUndefined();
    await expect(disable(pool, `t-${run}-nobody`, 0, admin)).rejects.toMatchObject({ status: 404, code: 'not-found' });
  });
});

describe('API keys', () => {
  const request = (label: string) => ({ label, userId: 'rep-ayse', role: 'rep', scopes: ['leads:read'] });
  const route = { method: 'POST', path: '/api-keys' };

  it('creates one key per Idempotency-Key: the key is in the first answer only, a retry gets the record without it', async () => {
    const label = `once ${run}`;
    const create = () =>
      oncePerCaller(route, { keyId: `caller-${run}` }, `idem-${run}`, request(label), (record) =>
        createKey(request(label), admin, record),
      );
    const first = await create();
    expect(first.status).toBe(201);
    expect(first.body.key).toMatch(/^pus_/);
    const retry = await create();
    expect(retry.status).toBe(200);
    const { key: _shownOnce, ...record } = first.body;
    expect(retry.body).toStrictEqual(record);
    const stored = await findApiKey(first.body.key!);
    expect(stored).toMatchObject({ keyId: first.body.keyId, createdBy: 'admin-elif' });
    const listed = (await keysPage(50)).keys.filter((k) => k.label === label);
    expect(listed).toHaveLength(1);
    expect(JSON.stringify(listed)).not.toContain('keyHash');
    expect(await auditTrail(keys.apiKey(stored!.keyHash))).toEqual([
      expect.objectContaining({ action: 'created', actorId: 'admin-elif' }),
    ]);
  });

  it('answers the key rules per field and creates nothing', async () => {
    const label = `refused ${run}`;
    await expect(
      createKey({ label, userId: 'rep-ayse', role: 'manager', scopes: ['leads:read', 'leads:delete'] }, admin),
    ).rejects.toMatchObject({
      code: 'validation-failed',
      errors: expect.arrayContaining([
        expect.objectContaining({
          path: 'scopes',
          message: expect.objectContaining({ en: expect.stringContaining('leads:delete') }),
        }),
        expect.objectContaining({
          path: 'role',
          message: expect.objectContaining({ en: 'rep-ayse is a rep, not a manager.' }),
        }),
      ]),
    });
    await expect(
      createKey({ label: ' ', userId: 'nobody-here', role: 'rep', scopes: [] }, admin),
    ).rejects.toMatchObject({
      errors: expect.arrayContaining(['label', 'scopes', 'userId'].map((path) => expect.objectContaining({ path }))),
    });
    expect((await keysPage(50)).keys.filter((k) => k.label === label)).toEqual([]);
  });

  it('revokes a key with who and when, twice changes nothing, and an unknown key is not found', async () => {
    const { body } = await createKey(request(`revoke ${run}`), admin);
    const revoked = await revokeKey(body.keyId, { actorId: 'admin-other', via: 'api' });
    expect(revoked).toMatchObject({ keyId: body.keyId, revokedBy: 'admin-other', revokedAt: expect.any(String) });
    const again = await revokeKey(body.keyId, admin);
    expect(again).toMatchObject({ revokedBy: 'admin-other', revokedAt: revoked.revokedAt });
    const stored = await findApiKey(body.key!);
    expect(stored).toMatchObject({ revokedBy: 'admin-other', revokedAt: revoked.revokedAt });
    expect((await auditTrail(keys.apiKey(stored!.keyHash))).map((e) => e.action)).toEqual(['revoked', 'created']);
    await expect(revokeKey('01ARZ3NDEKTSV4RRFFQ69G5FAV', admin)).rejects.toMatchObject({
      status: 404,
      code: 'not-found',
    });
  });
});
