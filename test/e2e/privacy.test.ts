// A person's access request over HTTP on the local stack: two people leave the web form; the privacy
// officer's request for one, by the phone as typed, answers that person's profile, lead and consents
// with their evidence, and nothing of the other; a key without the privacy scope is refused; an
// unknown e-mail is a 404 naming the field; the request is on the record.
import { beforeAll, describe, expect, it } from 'vitest';
import { createApiKey } from '../../shared/api-keys.js';
import { bearer, captureLead, get, getLead, post, readProblem, uniquePerson } from '../support/e2e.js';

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
