// People's e-mail addresses against the local stack and its pool (cognito-local, which tells letter
// cases apart as a case-sensitive Cognito pool does): an address is one person's whatever its case —
// a second invite differing only in case is a 409 at `email`, over the API — the pool knows the new
// person by the lower-cased address while the directory shows it as typed, and a person invited
// before addresses were lower-cased (pool user and directory in capitals) still signs in through the
// console's sign-in and, once reindexed, keeps their address from a case-twin too.

import { randomUUID } from 'node:crypto';
import { DeleteCommand } from '@aws-sdk/lib-dynamodb';
import { describe, expect, inject, it } from 'vitest';
import { type Pool, passwordSignIn } from '../../console/src/cognito.js';
import { peopleKeys } from '../../functions/people/keys.js';
import { addPerson, reindexDirectory } from '../../functions/people/people-store.js';
import { adminCall, findPoolUser, setPassword } from '../../functions/people/user-pool.js';
import { bearer, get, post, readProblem } from '../support/e2e.js';
import { table } from '../support/quotes.js';

const admin = () => inject('peopleKeys').admin;
const signIn = () => inject('signIn');
const consolePool = (): Pool => ({ endpoint: `${new URL(signIn().issuer).origin}/`, clientId: signIn().clientId });
const tag = randomUUID().slice(0, 8);

const invite = (email: string, userId: string) =>
  post(
    '/people',
    { email, name: 'Harf Deneme', role: 'rep', teamId: 'team-istanbul', userId },
    { ...bearer(admin()), 'idempotency-key': randomUUID() },
  );

const tokensOf = async (email: string) => {
  const step = await passwordSignIn(consolePool(), email, signIn().password);
  if (!('tokens' in step)) throw new Error(`sign-in asked for ${step.challenge.name}`);
  return step.tokens;
};

describe("people's e-mail addresses, whatever their letter case", () => {
  it('a second invite differing only in case is 409 at email; the pool has the lower-cased address, the directory the typed one', async () => {
    const typed = `Harf.Deneme.${tag}@Example.com`;
    const created = await invite(typed, `rep-harf-${tag}`);
    expect(created.status, await created.clone().text()).toBe(201);
    expect(await created.json()).toMatchObject({ email: typed, signIn: { enabled: true } });
    const poolUser = await findPoolUser(signIn().userPoolId, typed);
    expect(poolUser).toMatchObject({ username: typed.toLowerCase(), email: typed.toLowerCase() });

    for (const [variant, userId] of [
      [typed.toLowerCase(), `rep-harf-b-${tag}`],
      [typed.toUpperCase(), `rep-harf-c-${tag}`],
    ] as const) {
      const refused = await invite(variant, userId);
      expect(refused.status).toBe(409);
      expect(await readProblem(refused)).toMatchObject({
        code: 'person-exists',
        errors: [expect.objectContaining({ path: 'email' })],
      });
      expect((await get(`/people/${userId}`, admin())).status).toBe(404);
    }
    // One pool user: the variants were never made there.
    expect((await findPoolUser(signIn().userPoolId, typed.toUpperCase()))?.sub).toBe(poolUser?.sub);

    // The person signs in however they type the address.
    for (const variant of [typed, typed.toLowerCase(), ` ${typed.toUpperCase()} `]) {
      expect((await get('/leads', (await tokensOf(variant)).AccessToken)).status).toBe(200);
    }
  });

  it('a person invited before addresses were lower-cased signs in with their address as stored, and keeps it from a case-twin', async () => {
    const stored = `Eski.Harf.${tag}@Example.com`;
    const userId = `rep-eski-${tag}`;
    // As the earlier version made them: the pool user under the address as typed, no marker yet.
    const made = await adminCall<{ User: { Attributes: { Name: string; Value: string }[] } }>('AdminCreateUser', {
      UserPoolId: signIn().userPoolId,
      Username: stored,
      UserAttributes: [
        { Name: 'email', Value: stored },
        { Name: 'email_verified', Value: 'true' },
      ],
      MessageAction: 'SUPPRESS',
    });
    await setPassword(signIn().userPoolId, stored, signIn().password);
    const sub = made.User.Attributes.find((a) => a.Name === 'sub')!.Value;
    const written = await addPerson(
      { userId, name: 'Eski Harf', email: stored, role: 'rep', language: 'tr', teamId: 'team-istanbul' },
      sub,
    );
    expect(written.ok).toBe(true);
    await table().send(new DeleteCommand({ TableName: 'pusula', Key: peopleKeys.personEmail(stored.toLowerCase()) }));

    expect(await findPoolUser(signIn().userPoolId, stored)).toMatchObject({ username: stored, sub });
    const person = await get(`/people/${userId}`, admin());
    expect(await person.json()).toMatchObject({ email: stored, signIn: { enabled: true } });
    expect((await get('/leads', (await tokensOf(stored)).AccessToken)).status).toBe(200);

    // After `npm run reindex` their address is theirs in every case.
    await reindexDirectory();
    const twin = await invite(stored.toLowerCase(), `rep-eski-twin-${tag}`);
    expect(twin.status).toBe(409);
    expect(await readProblem(twin)).toMatchObject({
      code: 'person-exists',
      errors: [expect.objectContaining({ path: 'email' })],
    });
    await expect(
      adminCall('AdminGetUser', { UserPoolId: signIn().userPoolId, Username: stored.toLowerCase() }),
    ).rejects.toMatchObject({
      name: 'UserNotFoundException',
    });

    // Admin operations reach their pool user under its old name.
    const disabled = await post(
      `/people/${userId}/disable`,
      { seq: 0 },
      { ...bearer(admin()), 'idempotency-key': randomUUID() },
    );
    expect(disabled.status, await disabled.clone().text()).toBe(200);
    expect(await disabled.json()).toMatchObject({ disabledAt: expect.any(String), signIn: { enabled: false } });
  });
});
