// A person's access request over HTTP on the local stack: two people leave the web form; the privacy
// officer's request for one, by the phone as typed, answers that person's profile, lead and consents
// with their evidence, and nothing of the other; a key without the privacy scope is refused; an
// unknown e-mail is a 404 naming the field; the request is on the record. Reads of the customer's
// record through its three routes are in the read log, per customer and per staff member; no route
// changes an entry.
import { beforeAll, describe, expect, it } from 'vitest';
import { createApiKey } from '../../shared/api-keys.js';
import { bearer, captureLead, get, getLead, post, readProblem, uniquePerson } from '../support/e2e.js';
import { call } from '../support/quotes.js';

interface AccessAnswer {
  requestId: string;
  customerId: string;
  language: string;
  data: { profile: Record<string, unknown>; consents: Record<string, unknown>[]; parts: Record<string, unknown[]> };
  document: string;
}

describe('access request', () => {
  const [a, b] = [uniquePerson('privacy-a'), uniquePerson('privacy-b')];
  let officer = '';
  let rep = '';
  let leadA = '';

  beforeAll(async () => {
    [officer, rep] = await Promise.all([
      createApiKey({ label: 'privacy officer', userId: 'dpo-e2e', role: 'admin', scopes: ['privacy:read'] }).then(
        (k) => k.key,
      ),
      createApiKey({ label: 'privacy rep', userId: 'rep-privacy-e2e', role: 'rep', scopes: ['customers:read'] }).then(
        (k) => k.key,
      ),
    ]);
    const form = (p: typeof a) => ({
      name: p.name,
      email: p.email,
      phone: p.localPhone,
      consent_sms: 'on',
      consentTextVersion: 'v1',
      language: 'en',
    });
    ({ leadId: leadA } = await captureLead(form(a)));
    await captureLead(form(b));
  });

  it("answers the person's items with their consent evidence, and nothing of another", async () => {
    const response = await post('/privacy/access-requests', { phone: a.localPhone }, bearer(officer));
    expect(response.status).toBe(200);
    const answer = (await response.json()) as AccessAnswer;
    expect(answer.customerId).toBe((await getLead(leadA)).customerId);
    expect(answer.language).toBe('en');
    expect(answer.data.profile).toMatchObject({ name: a.name, phone: a.phone });
    expect(answer.data.parts.leads).toEqual([expect.objectContaining({ leadId: leadA })]);
    expect(answer.data.consents).toEqual([
      expect.objectContaining({ channel: 'sms', action: 'granted', address: a.phone, textVersion: 'v1' }),
    ]);
    expect(answer.document).toContain(a.name);
    const all = JSON.stringify(answer);
    for (const detail of [b.name, b.email, b.phone, b.digits]) expect(all).not.toContain(detail);

    const log = await get('/privacy/requests?limit=100', officer);
    expect(log.status).toBe(200);
    const { items } = (await log.json()) as { items: { requestId: string; actorId: string; kind: string }[] };
    expect(items).toContainEqual(
      expect.objectContaining({ requestId: answer.requestId, actorId: 'dpo-e2e', kind: 'access' }),
    );
  });

  it('refuses a key without the privacy scope, and answers nobody with a 404 naming the field', async () => {
    const refused = await post('/privacy/access-requests', { email: a.email }, bearer(rep));
    expect(refused.status).toBe(403);
    const nobody = await post('/privacy/access-requests', { email: `nobody-${a.digits}@example.com` }, bearer(officer));
    expect(nobody.status).toBe(404);
    const problem = await readProblem(nobody);
    expect(problem.code).toBe('privacy-subject-not-found');
    expect(problem.errors?.map((e) => e.path)).toEqual(['email']);
    const both = await post('/privacy/access-requests', { email: a.email, phone: a.localPhone }, bearer(officer));
    expect(both.status).toBe(400);
    expect((await readProblem(both)).errors?.map((e) => e.path)).toEqual(['customerId']);
  });
});

describe('read log', () => {
  const c = uniquePerson('privacy-reads');
  const readerId = `director-${c.digits}`;
  let reader = '';
  let officer = '';

  beforeAll(async () => {
    [reader, officer] = await Promise.all([
      createApiKey({ label: 'reads reader', userId: readerId, role: 'director', scopes: ['customers:read'] }).then(
        (k) => k.key,
      ),
      createApiKey({ label: 'reads officer', userId: 'dpo-reads-e2e', role: 'admin', scopes: ['privacy:read'] }).then(
        (k) => k.key,
      ),
    ]);
  });

  it("has who read the customer's record, when and through which route, per customer and per reader", async () => {
    const { leadId } = await captureLead({ name: c.name, email: c.email, language: 'tr' });
    const customerId = (await getLead(leadId)).customerId;
    for (const path of [
      `/customers/${customerId}`,
      `/customers/${customerId}/leads`,
      `/customers/lookup?email=${c.email}`,
    ]) {
      expect((await get(path, reader)).status).toBe(200);
    }
    const routes = ['GET /customers/lookup', 'GET /customers/{customerId}/{part}', 'GET /customers/{customerId}'];
    const ofCustomer = await get(`/privacy/record-reads?customerId=${customerId}`, officer);
    expect(ofCustomer.status).toBe(200);
    const { items } = (await ofCustomer.json()) as { items: Record<string, unknown>[] };
    expect(items.map((r) => [r.route, r.userId, r.customerId])).toEqual(routes.map((r) => [r, readerId, customerId]));
    expect(items[1]).toMatchObject({ part: 'leads', role: 'director' });
    const byReader = (await (await get(`/privacy/record-reads?userId=${readerId}`, officer)).json()) as {
      items: Record<string, unknown>[];
    };
    expect(byReader.items.map((r) => r.readId)).toEqual(items.map((r) => r.readId));
    // A reader without the privacy scope cannot read the log.
    expect((await get(`/privacy/record-reads?customerId=${customerId}`, reader)).status).toBe(403);
    // No route changes it: neither the privacy officer nor anyone else can alter or remove an entry.
    for (const method of ['PUT', 'PATCH', 'DELETE', 'POST']) {
      const changed = await call(method, '/privacy/record-reads', officer, {
        customerId,
        readId: items[0]!.readId,
      });
      expect([403, 404, 405], `${method}: ${changed.text}`).toContain(changed.status);
    }
    const again = (await (await get(`/privacy/record-reads?customerId=${customerId}`, officer)).json()) as {
      items: Record<string, unknown>[];
    };
    expect(again.items).toEqual(items);
  });
});
