// The console's admin pages against the local stack and its pool (cognito-local): the demo admin signs
// in with her password and authenticator code and holds `admin`; an admin (through an admin key)
// invites a person who then signs in,
// moves them to another role (their Cognito group follows), disables them (their token is refused),
// creates a key shown once and revokes it (the key is refused); a rep's token gets 403 on /people and
// sees no admin link; every page passes the axe check. Each outcome is read back through the API.
import { randomUUID } from 'node:crypto';
import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { describe, expect, inject, it } from 'vitest';
import { signInWithPassword } from '../../functions/authorizer/cognito.js';
import { adminCall } from '../../functions/people/user-pool.js';
import { keys } from '../../shared/table.js';
import { browserPage, check, findRow, settled, signedIn, useBrowser, withApiKey } from '../support/console.js';
import { api, bearer, get, post, readProblem, send } from '../support/e2e.js';
import { table } from '../support/quotes.js';
import { currentCode } from '../support/totp.js';

useBrowser();
const admin = () => inject('peopleKeys').admin;
const tag = randomUUID().slice(0, 8);
const email = `davet.${tag}@example.com`;
const userId = `rep-davet-${tag}`;

/** Who team-istanbul deals leads to: an invited rep joins, a rep moved away leaves. */
const rotation = async () =>
  (
    (await table().send(new GetCommand({ TableName: 'pusula', Key: keys.team('team-istanbul') }))).Item!.members as {
      userId: string;
    }[]
  ).map((m) => m.userId);

const person = async (id: string) => {
  const response = await get(`/people/${id}`, admin());
  expect(response.status).toBe(200);
  return (await response.json()) as {
    role: string;
    unitId?: string;
    teamId?: string;
    disabledAt?: string;
    signIn: { enabled: boolean } | null;
    history: { action: string; actorId: string }[];
  };
};

describe('the demo admin in the console', () => {
  it('signs in with the password and the authenticator code, and holds `admin`: the people page lists people', async () => {
    const adminEmail = 'elif.admin@example.com';
    const secret = inject('signIn').totpSecrets[adminEmail]!;
    const page = await browserPage('/admin/people');
    await page.getByLabel('E-posta').fill(adminEmail);
    await page.getByLabel('Parola').fill(inject('signIn').password);
    await page.getByRole('button', { name: 'Giriş yap' }).click();
    await page.getByLabel('Kod').fill(await currentCode(secret));
    await page.getByRole('button', { name: 'Doğrula' }).click();
    await page.getByRole('button', { name: 'Çıkış' }).waitFor();
    await page.getByRole('link', { name: 'Yönetim' }).waitFor();
    // The people page reads GET /people, which needs `admin`: her own row is there.
    await findRow(page, '[data-person="admin-elif"]');
  });
});

describe('the admin pages', () => {
  it('invites a person who signs in, moves them to a dealer, and disables them: their token is refused', async () => {
    const page = await withApiKey(admin(), '/admin/people');
    await page.getByRole('link', { name: 'Yönetim' }).waitFor();
    await check(page, 'admin-people');
    await page.getByText('Davet et', { exact: true }).first().click();
    const form = page.locator('[data-invite]');
    await form.getByLabel('E-posta', { exact: true }).fill(email);
    await form.getByLabel('Ad', { exact: true }).fill('Davet Deneme');
    await form.getByLabel('Rol').selectOption('rep');
    await form.getByLabel('Ekip').fill('team-istanbul');
    await form.getByRole('button', { name: 'Davet et' }).click();
    await page.locator(`[data-invited="${userId}"]`).waitFor();
    expect(await person(userId)).toMatchObject({ role: 'rep', teamId: 'team-istanbul', signIn: { enabled: true } });
    expect(await rotation()).toContain(userId);

    // The same e-mail under another user id: 409 shown next to the e-mail.
    await form.getByLabel('E-posta', { exact: true }).fill(email);
    await form.getByLabel('Ad', { exact: true }).fill('İkinci Deneme');
    await form.getByLabel('Ekip').fill('team-istanbul');
    await form.getByLabel('Kullanıcı kimliği').fill(`other-${tag}`);
    await form.getByRole('button', { name: 'Davet et' }).click();
    await expect.poll(() => form.locator('[data-field-problem="email"]').count()).toBe(1);
    expect((await get(`/people/other-${tag}`, admin())).status).toBe(404);

    const tokens = await signInWithPassword(inject('signIn').clientId, email, inject('signIn').password);
    expect((await get('/leads', tokens.AccessToken)).status).toBe(200);

    await page.goto(`${api()}/console/#/admin/people/${userId}`);
    await page.locator('[data-role-change]').waitFor();
    await check(page, 'admin-person');
    const roleForm = page.locator('[data-role-change]');
    await roleForm.getByLabel('Rol').selectOption('dealer');
    await roleForm.getByLabel('Ekip').fill('');
    await roleForm.getByRole('button', { name: 'Rolü değiştir' }).click();
    await expect.poll(() => roleForm.locator('[data-field-problem="unitId"]').count()).toBe(1);
    expect((await person(userId)).role).toBe('rep');
    await roleForm.getByLabel('Bayi veya birim').fill('dealer-ankara');
    await roleForm.getByRole('button', { name: 'Rolü değiştir' }).click();
    await expect.poll(() => page.locator('[data-role]').getAttribute('data-role')).toBe('dealer');
    expect(await page.locator('[data-role]').textContent()).toBe('Bayi');
    expect(await person(userId)).toMatchObject({ role: 'dealer', unitId: 'dealer-ankara' });
    expect(await rotation()).not.toContain(userId);
    // cognito-local keeps group members by the user's generated Username, not the e-mail alias.
    const pool = { UserPoolId: inject('signIn').userPoolId };
    const { Username } = await adminCall<{ Username: string }>('AdminGetUser', { ...pool, Username: email });
    const groups = await adminCall<{ Groups: { GroupName: string }[] }>('AdminListGroupsForUser', {
      ...pool,
      Username,
    });
    expect(groups.Groups.map((g) => g.GroupName)).toEqual(['dealer']);

    // Another admin moves them meanwhile: the page's seq is stale, so its disabling is refused (409 in the form).
    const meanwhile = await send(`/people/${userId}/role`, {
      method: 'PUT',
      headers: { ...bearer(admin()), 'content-type': 'application/json' },
      body: JSON.stringify({ role: 'dealer', unitId: 'dealer-izmir', seq: 1 }),
    });
    expect(meanwhile.status).toBe(200);
    await page.getByRole('button', { name: 'Devre dışı bırak' }).click();
    await page.getByRole('button', { name: 'Evet, devre dışı bırak' }).click();
    await expect.poll(() => page.locator('[data-disable] [data-problem]').isVisible()).toBe(true);
    expect((await person(userId)).disabledAt).toBeUndefined();

    await page.reload();
    await page.getByRole('button', { name: 'Devre dışı bırak' }).click();
    await page.getByRole('button', { name: 'Evet, devre dışı bırak' }).click();
    await expect.poll(async () => (await person(userId)).disabledAt).toBeDefined();
    const disabled = await person(userId);
    expect(disabled.signIn).toMatchObject({ enabled: false });
    expect(disabled.history.map((h) => [h.action, h.actorId])).toEqual([
      ['disabled', 'admin-elif'],
      ['role-changed', 'admin-elif'],
      ['role-changed', 'admin-elif'],
      ['invited', 'admin-elif'],
    ]);
    expect((await get('/leads', tokens.AccessToken)).status).toBe(401);
    await page.context().close();
  });

  it('creates a key shown once (a field problem first), and revokes it: the key is refused', async () => {
    const page = await withApiKey(admin(), '/admin/keys');
    await check(page, 'admin-keys');
    await page.getByText('Anahtar oluştur', { exact: true }).first().click();
    const form = page.locator('[data-create-key]');
    await form.getByLabel('Etiket').fill(`Konsol ${tag}`);
    await form.getByLabel('Kullanıcı kimliği').fill('rep-ayse');
    await form.getByLabel('Rol').selectOption('rep');
    await form.getByLabel('Yetkiler').fill('leads:read leads:delete');
    await form.getByRole('button', { name: 'Anahtar oluştur' }).click();
    await expect.poll(() => form.locator('[data-field-problem="scopes"]').textContent()).toContain('leads:delete');

    await form.getByLabel('Yetkiler').fill('leads:read');
    await form.getByRole('button', { name: 'Anahtar oluştur' }).click();
    const shown = page.locator('[data-key]');
    await shown.waitFor();
    const key = await shown.inputValue();
    expect(key).toMatch(/^pus_/);
    await page.getByRole('button', { name: 'Kopyala' }).waitFor();
    expect((await get('/leads', key)).status).toBe(200);

    const keyId = await page.locator('[data-new-key]').getAttribute('data-new-key');
    const row = await findRow(page, `[data-key-row="${keyId}"]`);
    await row.getByRole('button', { name: 'İptal et' }).click();
    await expect.poll(() => row.textContent()).toContain('İptal et ✓');
    expect((await get('/leads', key)).status).toBe(401);
    await settled(page);
    await page.context().close();
  });

  it('answers a retried key creation without the key, and refuses a rep: 403 on /people, no admin link', async () => {
    const body = { label: `retry ${tag}`, userId: 'rep-ayse', role: 'rep', scopes: ['leads:read'] };
    const headers = { authorization: `Bearer ${admin()}`, 'idempotency-key': `retry-${tag}` };
    const first = await post('/api-keys', body, headers);
    expect(first.status).toBe(201);
    const created = (await first.json()) as { keyId: string; key?: string };
    expect(created.key).toMatch(/^pus_/);
    const retry = await post('/api-keys', body, headers);
    expect(retry.status).toBe(200);
    const replayed = (await retry.json()) as { keyId: string; key?: string };
    expect(replayed.keyId).toBe(created.keyId);
    expect(replayed.key).toBeUndefined();

    const rep = await signInWithPassword(inject('signIn').clientId, 'ayse.rep@example.com', inject('signIn').password);
    const refused = await get('/people', rep.AccessToken);
    expect(refused.status).toBe(403);
    expect(await readProblem(refused)).toMatchObject({ code: 'forbidden' });
    const me = await get('/me', rep.AccessToken);
    expect(await me.json()).toMatchObject({ userId: 'rep-ayse', role: 'rep', teamId: 'team-istanbul', kind: 'person' });

    const page = await signedIn('ayse.rep@example.com', '/admin/people');
    await page.locator('[data-page-problem]').waitFor();
    await page.getByRole('link', { name: 'Adaylar' }).waitFor();
    expect(await page.getByRole('link', { name: 'Yönetim' }).count()).toBe(0);
    expect(await page.getByRole('link', { name: 'Pano' }).count()).toBe(0);
    await check(page, 'admin-refused');
    await page.context().close();
  });
});
