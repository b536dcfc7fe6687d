// Cases end to end over HTTP: intake routed by category, the department mailed and the customer
// acknowledged by the real consumers, and a department's key reaching only its department's cases.

import { UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { keys as tableKeys } from '../../shared/table.js';
import {
  api,
  bearer,
  get,
  localControlHeaders,
  mailTo,
  person,
  post,
  postForm,
  readProblem,
  settle,
} from '../support/e2e.js';
import { fireSchedule, table } from '../support/quotes.js';

const caseKeys = () => inject('caseKeys');

const open = async (key: string, body: Record<string, unknown>, headers: Record<string, string> = {}) =>
  post(
    '/cases',
    { type: 'complaint', channel: 'phone', subject: 'Kargo gecikti', ...body },
    { ...bearer(key), ...headers },
  );

beforeAll(async () => {
  await settle();
});

describe('cases over HTTP', () => {
  it('opens a case once per Idempotency-Key, mails the department the case and the customer the case number', async () => {
    const someone = person('case');
    const body = {
      category: 'website',
      description: 'Sipariş sayfası hata veriyor.',
      contact: { name: someone.name, email: someone.email, language: 'en' },
    };
    const headers = { 'idempotency-key': `case-${someone.email}` };
    const first = await open(caseKeys().agent, body, headers);
    expect(first.status).toBe(201);
    const opened = (await first.json()) as { caseId: string; caseNumber: string; departmentId: string };
    expect(opened.departmentId).toBe('dept-customer-service');
    expect(first.headers.get('location')).toBe(`/cases/${opened.caseId}`);
    const again = await open(caseKeys().agent, body, headers);
    expect(await again.json()).toEqual(opened);

    await settle();
    const departmentMail = (await mailTo('customer.service@example.com')).filter((m) =>
      m.subject.includes(opened.caseNumber),
    );
    expect(departmentMail).toHaveLength(1);
    expect(departmentMail[0]!.body.text).toContain('Sipariş sayfası hata veriyor.');
    const acknowledgement = await mailTo(someone.email);
    expect(acknowledgement).toHaveLength(1);
    expect(acknowledgement[0]!.subject).toBe(`We have received your case: ${opened.caseNumber}`);
    // Nothing the agent typed reaches an address nobody has verified.
    expect(acknowledgement[0]!.body.text).not.toContain('Sipariş sayfası');
  });

  it("lets a department's key see and move only its department's cases", async () => {
    const ours = (await (
      await open(caseKeys().agent, { category: 'website', contact: { ...person('ours'), language: 'tr' } })
    ).json()) as { caseId: string };
    const theirs = (await (
      await open(caseKeys().agent, { category: 'billing', contact: { ...person('theirs'), language: 'tr' } })
    ).json()) as {
      caseId: string;
      departmentId: string;
    };
    expect(theirs.departmentId).toBe('dept-finance');
    const department = caseKeys().department;

    const listed = (await (await get('/cases?status=open&limit=100', department)).json()) as {
      cases: { caseId: string; departmentId: string }[];
    };
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

    const history = (await (await get(`/cases/${ours.caseId}`, department)).json()) as {
      history: { action: string; actorId: string }[];
    };
    expect(history.history).toEqual([expect.objectContaining({ action: 'acknowledge', actorId: 'mgr-hakan' })]);

    // Reports: the department's own unit only; the director every unit; the agent the cases they opened.
    const report = (await (await get('/reports/cases', department)).json()) as {
      rows: { unitId: string; opened: number }[];
    };
    expect(report.rows.length).toBeGreaterThan(0);
    expect(report.rows.every((r) => r.unitId === 'dept-customer-service')).toBe(true);
    const firm = (await (await get('/reports/cases', caseKeys().director)).json()) as { rows: { unitId: string }[] };
    expect(firm.rows.map((r) => r.unitId)).toEqual(expect.arrayContaining(['dept-customer-service', 'dept-finance']));
    const agents = (await (await get('/reports/cases', caseKeys().agent)).json()) as { rows: { opened: number }[] };
    expect(agents.rows.reduce((n, r) => n + r.opened, 0)).toBeGreaterThanOrEqual(2);
    // The agent reads a case they opened, and one the department opened: the call center answers any
    // caller, so it sees every customer's record whole, each case of it included (docs/access-model.md).
    expect((await get(`/cases/${theirs.caseId}`, caseKeys().agent)).status).toBe(200);
    const byDepartment = (await (
      await open(department, { category: 'website', contact: { ...person('dept'), language: 'tr' } })
    ).json()) as { caseId: string };
    expect((await get(`/cases/${byDepartment.caseId}`, caseKeys().agent)).status).toBe(200);
  });

  it("opens a case from the public web form (JSON or a plain form post) with lead capture's protections", async () => {
    const someone = person('web-case');
    const fields = {
      type: 'complaint',
      category: 'delivery',
      subject: 'Teslimat gecikti',
      name: someone.name,
      email: someone.email,
      language: 'tr',
    };
    const viaJson = await post('/cases/web', fields, { 'idempotency-key': `web-${someone.email}` });
    expect(viaJson.status).toBe(201);
    const opened = (await viaJson.json()) as { caseNumber: string; status: string };
    expect(opened).toEqual({ caseNumber: expect.stringMatching(/^\d{6}-[0-9A-Z]{6}$/), status: 'open' });
    const again = await post('/cases/web', fields, { 'idempotency-key': `web-${someone.email}` });
    expect(await again.json()).toEqual(opened);

    const form = await (await fetch(`${inject('api')}/forms/case?lang=tr`)).text();
    const redirect = /name="redirect" value="([^"]+)"/.exec(form)![1]!.replaceAll('&amp;', '&');
    const viaForm = await postForm('/cases/web', { ...fields, subject: 'Form ile', redirect });
    expect(viaForm.status).toBe(303);
    expect(new URL(viaForm.headers.get('location')!).searchParams.get('case')).toMatch(/^\d{6}-/);

    const bot = await post('/cases/web', { ...fields, website: 'http://spam.example' });
    expect(bot.status).toBe(202);
    const foreign = await post('/cases/web', fields, { origin: 'https://evil.example' });
    expect(foreign.status).toBe(403);
    const refused = await postForm('/cases/web', { ...fields, email: '', phone: '' });
    expect(refused.status).toBe(400);
    expect(await refused.text()).toContain('data-path="email"');

    await settle();
    // Two cases (JSON and form), each acknowledged once; the bot's and the refused posts stored nothing.
    const acknowledgements = await mailTo(someone.email);
    expect(acknowledgements).toHaveLength(2);
    expect(acknowledgements.every((m) => m.subject.startsWith('Kaydınızı aldık: '))).toBe(true);
    const logistics = await mailTo('logistics.team@example.com');
    expect(logistics.filter((m) => m.body.text?.includes(someone.name))).toHaveLength(2);
  });

  it("escalates an A customer's complaint on schedule: warning, supervisor, manager, each once", async () => {
    const someone = person('a-customer');
    const first = (await (
      await open(caseKeys().agent, { category: 'website', contact: { ...someone, language: 'tr' } })
    ).json()) as { caseId: string };
    const { customerId } = (await (await get(`/cases/${first.caseId}`, caseKeys().agent)).json()) as {
      customerId: string;
    };
    // The analytics issue fills the segment; here the profile is set directly.
    await table().send(
      new UpdateCommand({
        TableName: 'pusula',
        Key: tableKeys.customer(customerId),
        UpdateExpression: 'SET #segment = :a',
        ExpressionAttributeNames: { '#segment': 'segment' },
        ExpressionAttributeValues: { ':a': 'A' },
      }),
    );
    const complaint = (await (
      await open(caseKeys().agent, { category: 'website', priority: 'urgent', customerId })
    ).json()) as { caseId: string; caseNumber: string };
    const opened = (await (await get(`/cases/${complaint.caseId}`, caseKeys().agent)).json()) as {
      sla: { segment: string; targets: object };
    };
    expect(opened.sla).toMatchObject({ segment: 'A', targets: { firstResponse: 30, resolution: 270 } });

    // An injected clock: the sweeps run as of 30 days on, when every step of the ladder is due.
    const later = new Date(Date.now() + 30 * 24 * 3600 * 1000);
    for (let run = 0; run < 4; run++) await fireSchedule('complaint-escalation.sweep-case-sla', later);
    const history = (await (await get(`/cases/${complaint.caseId}`, caseKeys().agent)).json()) as {
      history: { action: string; via: string }[];
    };
    expect(history.history.map((m) => m.action)).toEqual([
      'warn:firstResponse',
      'escalate:supervisor',
      'escalate:manager',
    ]);
    const mailed = async (address: string) =>
      (await mailTo(address)).filter((m) => m.subject.includes(complaint.caseNumber)).map((m) => m.subject);
    expect(await mailed('customer.service@example.com')).toContainEqual(
      `SLA uyarısı ${complaint.caseNumber}: Kargo gecikti`,
    );
    expect(await mailed('deniz.supervisor@example.com')).toEqual([
      `Yükseltilen kayıt ${complaint.caseNumber}: Kargo gecikti`,
    ]);
    expect(await mailed('hakan.manager@example.com')).toEqual([
      `Yükseltilen kayıt ${complaint.caseNumber}: Kargo gecikti`,
    ]);
  });

  it('reads the one clock the local stack can move: a route and a sweep both see the moved time', async () => {
    const setClock = async (at?: string) => {
      const response = await fetch(`${api()}/_local/clock${at ? `?at=${encodeURIComponent(at)}` : ''}`, {
        method: at ? 'POST' : 'DELETE',
        headers: localControlHeaders,
      });
      return (await response.json()) as { now: string };
    };
    // Tuesday 2 March 2027, 10:00 in Istanbul: a working day for customer service (09:00–18:00).
    try {
      expect(Date.parse((await setClock('2027-03-02T07:00:00Z')).now)).toBeLessThan(Date.parse('2027-03-02T07:01:00Z'));
      const opened = (await (
        await open(caseKeys().agent, { category: 'website', contact: { ...person('clock'), language: 'tr' } })
      ).json()) as { caseId: string };
      // Two hours on: the case's SLA clock counts them (and not the real time, months earlier).
      await setClock('2027-03-02T09:00:00Z');
      const read = (await (await get(`/cases/${opened.caseId}`, caseKeys().agent)).json()) as {
        clock: { elapsedMinutes: number };
        createdAt: string;
      };
      expect(read.createdAt.slice(0, 15)).toBe('2027-03-02T07:0');
      expect(read.clock.elapsedMinutes).toBeGreaterThanOrEqual(119);
      expect(read.clock.elapsedMinutes).toBeLessThanOrEqual(120);
      // A sweep fired with no instant of its own runs as of the moved clock: a week on, the warning is due.
      await setClock('2027-03-09T09:00:00Z');
      await fireSchedule('complaint-escalation.sweep-case-sla');
      const swept = (await (await get(`/cases/${opened.caseId}`, caseKeys().agent)).json()) as {
        history: { action: string; at: string }[];
      };
      const warning = swept.history.find((move) => move.action === 'warn:firstResponse');
      expect(warning?.at.slice(0, 10)).toBe('2027-03-09');
    } finally {
      const back = await setClock();
      expect(Math.abs(Date.parse(back.now) - Date.now())).toBeLessThan(60_000);
    }
  });
});
