// Cases end to end over HTTP: intake routed by category, the department mailed and the customer
// acknowledged by the real consumers, and a department's key reaching only its department's cases.
import { inject } from 'vitest';
import { beforeAll, describe, expect, it } from 'vitest';
import { bearer, get, mailTo, person, post, readProblem, settle } from '../support/e2e.js';

const caseKeys = () => inject('caseKeys');

const open = async (key: string, body: Record<string, unknown>, headers: Record<string, string> = {}) =>
  post('/cases', { type: 'complaint', channel: 'phone', subject: 'Kargo gecikti', ...body }, { ...bearer(key), ...headers });

beforeAll(async () => {
  await settle();
});

describe('cases over HTTP', () => {
  it('opens a case once per Idempotency-Key, mails the department the case and the customer the case number', async () => {
    const someone = person('case');
    const body = { category: 'website', description: 'Sipariş sayfası hata veriyor.', contact: { name: someone.name, email: someone.email, language: 'en' } };
    const headers = { 'idempotency-key': `case-${someone.email}` };
    const first = await open(caseKeys().agent, body, headers);
    expect(first.status).toBe(201);
    const opened = (await first.json()) as { caseId: string; caseNumber: string; departmentId: string };
    expect(opened.departmentId).toBe('dept-customer-service');
    expect(first.headers.get('location')).toBe(`/cases/${opened.caseId}`);
    const again = await open(caseKeys().agent, body, headers);
    expect(await again.json()).toEqual(opened);

    await settle();
    const departmentMail = (await mailTo('customer.service@example.com')).filter((m) => m.subject.includes(opened.caseNumber));
    expect(departmentMail).toHaveLength(1);
    expect(departmentMail[0]!.body.text).toContain('Sipariş sayfası hata veriyor.');
    const acknowledgement = await mailTo(someone.email);
    expect(acknowledgement).toHaveLength(1);
    expect(acknowledgement[0]!.subject).toBe(`We have received your case: ${opened.caseNumber}`);
    // Nothing the agent typed reaches an address nobody has verified.
    expect(acknowledgement[0]!.body.text).not.toContain('Sipariş sayfası');
  });

  it("lets a department's key see and move only its department's cases", async () => {
    const ours = (await (await open(caseKeys().agent, { category: 'website', contact: { ...person('ours'), language: 'tr' } })).json()) as { caseId: string };
    const theirs = (await (await open(caseKeys().agent, { category: 'billing', contact: { ...person('theirs'), language: 'tr' } })).json()) as {
      caseId: string;
      departmentId: string;
    };
    expect(theirs.departmentId).toBe('dept-finance');
    const department = caseKeys().department;

    const listed = (await (await get('/cases?status=open&limit=100', department)).json()) as { cases: { caseId: string; departmentId: string }[] };
    expect(listed.cases.map((c) => c.caseId)).toContain(ours.caseId);
    expect(listed.cases.every((c) => c.departmentId === 'dept-customer-service')).toBe(true);
    expect((await get(`/cases/${theirs.caseId}`, department)).status).toBe(404);
    // The director reaches both; the department moves its own case, not the other.
    expect((await get(`/cases/${theirs.caseId}`, caseKeys().director)).status).toBe(200);
    const moved = await post(`/cases/${ours.caseId}/status`, { to: 'acknowledged', seq: 1 }, bearer(department));
    expect(moved.status).toBe(200);
    expect(await moved.json()).toEqual({ caseId: ours.caseId, status: 'acknowledged', seq: 2 });
    const foreign = await post(`/cases/${theirs.caseId}/status`, { to: 'acknowledged' }, bearer(department));
    expect(foreign.status).toBe(404);
    const skipped = await post(`/cases/${ours.caseId}/status`, { to: 'closed' }, bearer(department));
    expect((await readProblem(skipped)).code).toBe('illegal-transition');

    const history = (await (await get(`/cases/${ours.caseId}`, department)).json()) as { history: { action: string; actorId: string }[] };
    expect(history.history).toEqual([expect.objectContaining({ action: 'acknowledge', actorId: 'mgr-hakan' })]);
  });
});
