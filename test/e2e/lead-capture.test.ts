// Lead capture end to end: the local stack over real HTTP, its outbox, bus, consumers and SES store.
import { beforeAll, describe, expect, it } from 'vitest';
import { catalogue, isDetailType } from '../../functions/event-table.js';
import { sendMarketing } from '../../shared/mail.js';
import {
  api,
  bearer,
  captureLead,
  deadLetters,
  get,
  getLead,
  keys,
  listAllLeads,
  mailTo,
  post,
  postForm,
  readProblem,
  recentEvents,
  send,
  settle,
  staffEmails,
  tableItemCount,
  uniquePerson,
} from '../support/e2e.js';

/** Everyone this file invents: no event may carry their addresses, phones or names. */
const people: ReturnType<typeof uniquePerson>[] = [];
const someone = (tag: string) => {
  const p = uniquePerson(tag);
  people.push(p);
  return p;
};

const ownerNotifications = async (owner: keyof typeof staffEmails, phone: string) =>
  (await mailTo(staffEmails[owner])).filter((m) => m.body.text?.includes(phone));

beforeAll(async () => {
  await settle();
});

describe('capture', () => {
  it('creates a lead from a JSON post and from a plain HTML form post, both readable by a manager', async () => {
    const viaJson = someone('json');
    const jsonResponse = await post('/leads', {
      name: viaJson.name,
      email: viaJson.email,
      phone: viaJson.phone,
      company: 'Örnek Makina A.Ş.',
      city: 'İzmir',
      message: 'Fiyat teklifi rica ediyorum.',
      language: 'tr',
    });
    expect(jsonResponse.status).toBe(201);
    expect(jsonResponse.headers.get('content-type')).toMatch(/^application\/json/);
    const created = (await jsonResponse.json()) as { leadId: string; status: string };
    expect(created.leadId).toMatch(/^[0-9A-HJKMNP-TV-Z]{26}$/);
    expect(created.status).toBe('new');
    expect(jsonResponse.headers.get('location')).toBe(`/leads/${created.leadId}`);

    const viaForm = someone('form');
    const thanks = `${api()}/forms/thanks?lang=tr`;
    const formResponse = await postForm('/leads', {
      name: viaForm.name,
      email: viaForm.email,
      phone: viaForm.localPhone,
      city: 'Bursa',
      message: 'Katalog istiyorum',
      consent_sms: 'on',
      consentTextVersion: 'kvkk-2026-01',
      redirect: thanks,
    });
    expect(formResponse.status).toBe(303);
    const location = new URL(formResponse.headers.get('location') ?? '');
    expect(`${location.origin}${location.pathname}`).toBe(`${api()}/forms/thanks`);
    expect(location.searchParams.get('lang')).toBe('tr');
    const formLeadId = location.searchParams.get('lead') ?? '';
    expect(formLeadId).toMatch(/^[0-9A-HJKMNP-TV-Z]{26}$/);

    // The thank-you page the browser lands on.
    const page = await fetch(location);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('id="thanks"');

    const fromJson = await getLead(created.leadId);
    expect(fromJson).toMatchObject({
      leadId: created.leadId,
      status: 'new',
      seq: 1,
      name: viaJson.name,
      email: viaJson.email,
      phone: viaJson.phone,
      company: 'Örnek Makina A.Ş.',
      city: 'İzmir',
      language: 'tr',
      notes: [],
    });
    const fromForm = await getLead(formLeadId);
    expect(fromForm).toMatchObject({ leadId: formLeadId, status: 'new', name: viaForm.name, email: viaForm.email });
    // Typed as 0532 …, stored as E.164.
    expect(fromForm.phone).toBe(viaForm.phone);
    expect(fromForm.customerId).not.toBe(fromJson.customerId);
  });

  it('a form post without a redirect gets the JSON answer', async () => {
    const p = someone('noredirect');
    const response = await postForm('/leads', { name: p.name, phone: p.phone });
    expect(response.status).toBe(201);
    const { leadId } = (await response.json()) as { leadId: string };
    expect((await getLead(leadId)).phone).toBe(p.phone);
  });

  it('attaches the same person, by e-mail written differently, to one customer with two leads', async () => {
    const p = someone('same-mail');
    const first = await captureLead({ name: p.name, email: p.email });
    const shouted = `  ${p.email.toUpperCase()}  `;
    const second = await captureLead({ name: p.name, email: shouted, city: 'Konya' });
    expect(second.leadId).not.toBe(first.leadId);
    const [a, b] = await Promise.all([getLead(first.leadId), getLead(second.leadId)]);
    expect(b.customerId).toBe(a.customerId);
    // Kept as typed (trimmed) for display.
    expect(b.email).toBe(p.email.toUpperCase());
  });

  it('attaches the same person, by phone written as 0532 … and +90532…, to one customer with two leads', async () => {
    const p = someone('same-phone');
    const first = await captureLead({ name: p.name, phone: p.localPhone });
    const second = await captureLead({ name: p.name, phone: p.phone, email: p.email });
    const [a, b] = await Promise.all([getLead(first.leadId), getLead(second.leadId)]);
    expect(b.leadId).not.toBe(a.leadId);
    expect(b.customerId).toBe(a.customerId);
    expect(a.phone).toBe(p.phone);
  });

  it('a person known first by phone, then by phone and e-mail, then by e-mail alone is one customer', async () => {
    const p = someone('phone-then-mail');
    const ids = [
      (await captureLead({ name: p.name, phone: p.localPhone })).leadId,
      (await captureLead({ name: p.name, phone: p.phone, email: p.email })).leadId,
      (await captureLead({ name: p.name, email: p.email })).leadId,
    ];
    const customers = (await Promise.all(ids.map((id) => getLead(id)))).map((l) => l.customerId);
    expect(customers[1]).toBe(customers[0]);
    // The second and third leads carry the same e-mail: the same person, so the same customer.
    expect(customers[2]).toBe(customers[1]);
  });

  it('a person known first by e-mail, then by e-mail and phone, then by phone alone is one customer', async () => {
    const p = someone('mail-then-phone');
    const ids = [
      (await captureLead({ name: p.name, email: p.email })).leadId,
      (await captureLead({ name: p.name, email: p.email, phone: p.phone })).leadId,
      (await captureLead({ name: p.name, phone: p.localPhone })).leadId,
    ];
    const customers = (await Promise.all(ids.map((id) => getLead(id)))).map((l) => l.customerId);
    expect(customers[1]).toBe(customers[0]);
    expect(customers[2]).toBe(customers[1]);
  });

  it('concurrent submissions of one new person make one customer and a lead each', async () => {
    const p = someone('race');
    const responses = await Promise.all(
      Array.from({ length: 8 }, (_, i) => post('/leads', { name: p.name, email: p.email, message: `deneme ${i}` })),
    );
    const bodies = await Promise.all(responses.map(async (r) => ({ status: r.status, body: await r.text() })));
    expect(bodies.map((b) => `${b.status} ${b.status === 201 ? '' : b.body}`.trim())).toEqual(Array(8).fill('201'));
    const ids = bodies.map((b) => (JSON.parse(b.body) as { leadId: string }).leadId);
    expect(new Set(ids).size).toBe(8);
    const leads = await Promise.all(ids.map((id) => getLead(id)));
    expect(new Set(leads.map((l) => l.customerId)).size).toBe(1);
  });
});

describe('idempotency', () => {
  it('20 concurrent posts with one Idempotency-Key make exactly one lead', async () => {
    const p = someone('idem');
    const key = `idem-${p.email}`;
    const body = { name: p.name, email: p.email, phone: p.phone, city: 'Eskişehir' };
    const responses = await Promise.all(
      Array.from({ length: 20 }, () => post('/leads', body, { 'idempotency-key': key })),
    );
    const outcomes = await Promise.all(
      responses.map(async (r) => ({ status: r.status, body: JSON.parse(await r.text()) as Record<string, unknown> })),
    );
    for (const outcome of outcomes) {
      if (outcome.status === 409) {
        expect(outcome.body).toMatchObject({ status: 409, code: 'request-in-progress' });
      } else {
        expect(outcome.status).toBe(201);
      }
    }
    const created = outcomes.filter((o) => o.status === 201);
    expect(created.length).toBeGreaterThanOrEqual(1);
    const leadIds = new Set(created.map((o) => o.body.leadId));
    expect(leadIds.size).toBe(1);
    const [leadId] = [...leadIds] as string[];

    await settle();
    const mine = (await listAllLeads({ status: 'new' })).filter((l) => l.email === p.email);
    expect(mine.map((l) => l.leadId)).toEqual([leadId]);

    // A retry after completion: the first answer again, and nothing written.
    const before = await tableItemCount();
    const retry = await post('/leads', body, { 'idempotency-key': key });
    expect(retry.status).toBe(201);
    expect(((await retry.json()) as { leadId: string }).leadId).toBe(leadId);
    await settle();
    expect(await tableItemCount()).toBe(before);
    expect((await mailTo(p.email)).filter((m) => m.subject === 'Talebinizi aldık')).toHaveLength(1);

    // The same key with another body is refused.
    const reused = await post('/leads', { ...body, city: 'Ankara' }, { 'idempotency-key': key });
    expect(reused.status).toBe(422);
    expect(await readProblem(reused)).toMatchObject({ status: 422, code: 'idempotency-key-reused' });
  });

  it('a form that carries its key in a hidden field is idempotent too', async () => {
    const p = someone('idem-form');
    const fields = {
      name: p.name,
      email: p.email,
      idempotencyKey: `form-${p.email}`,
      redirect: `${api()}/forms/thanks?lang=en`,
      language: 'en',
    };
    const first = await postForm('/leads', fields);
    const second = await postForm('/leads', fields);
    expect(first.status).toBe(303);
    expect(second.status).toBe(303);
    expect(second.headers.get('location')).toBe(first.headers.get('location'));
  });
});

describe('mail after capture', () => {
  it('acknowledges the lead in Turkish and notifies the İstanbul team member the round-robin chose', async () => {
    const p = someone('ist');
    const { leadId } = await captureLead({ name: p.name, email: p.email, phone: p.localPhone, city: 'İstanbul' });
    await settle();
    const [ack] = await mailTo(p.email);
    expect(ack?.subject).toBe('Talebinizi aldık');
    // Nobody has proven the address: the greeting is generic, not the name typed on the form.
    expect(ack?.body.text).toMatch(/^Merhaba,/);
    expect(ack?.body.text).not.toContain(p.name);

    const lead = await getLead(leadId);
    expect(lead.owner).toMatchObject({ type: 'user', teamId: 'team-istanbul', ruleId: 'istanbul-team' });
    const owner = lead.owner!.id as 'rep-ayse' | 'rep-mehmet';
    expect(['rep-ayse', 'rep-mehmet']).toContain(owner);
    const [notification, ...more] = await ownerNotifications(owner, p.phone);
    expect(more).toHaveLength(0);
    expect(notification?.subject).toBe(`Yeni müşteri adayı: ${p.name}`);
    expect(notification?.body.text).toContain(p.name);
    expect(notification?.body.text).toContain(p.phone);
    expect(notification?.body.text).toContain(leadId);
    // It links the lead in the staff console, never an API URL (a browser gets 401 there).
    const mailed = `${notification?.body.text} ${notification?.body.html}`;
    expect(mailed).toContain(`/console/#/leads/${leadId}`);
    expect(mailed.replaceAll(`/console/#/leads/${leadId}`, '')).not.toMatch(/https?:\/\/[^\s"<]*\/leads\//);
    // Nobody else in the team got it.
    const other = owner === 'rep-ayse' ? 'rep-mehmet' : 'rep-ayse';
    expect(await ownerNotifications(other, p.phone)).toHaveLength(0);
  });

  it('shares İstanbul leads 2:1 between Ayşe and Mehmet by weighted round-robin', async () => {
    await settle();
    const trio = [someone('rr1'), someone('rr2'), someone('rr3')];
    const ids = [];
    // "İSTANBUL" and "istanbul" are İstanbul too (Turkish case folding).
    for (const [i, p] of trio.entries()) {
      ids.push(
        (await captureLead({ name: p.name, phone: p.phone, city: ['İstanbul', 'İSTANBUL', 'istanbul'][i] })).leadId,
      );
    }
    await settle();
    const owners = (await Promise.all(ids.map((id) => getLead(id)))).map((l) => l.owner?.id).sort();
    expect(owners).toEqual(['rep-ayse', 'rep-ayse', 'rep-mehmet']);
  });

  it('routes export interest to John, in English, and acknowledges an English lead in English', async () => {
    const p = someone('export');
    const { leadId } = await captureLead({
      name: p.name,
      email: p.email,
      phone: p.phone,
      productInterest: 'export',
      language: 'en',
      company: 'Sample Ltd',
    });
    await settle();
    const [ack] = await mailTo(p.email);
    expect(ack?.subject).toBe('We have received your request');
    expect((await getLead(leadId)).owner).toMatchObject({ type: 'user', id: 'rep-john', ruleId: 'export-leads' });
    const [notification] = await ownerNotifications('rep-john', p.phone);
    expect(notification?.subject).toBe(`New lead: ${p.name} (Sample Ltd)`);
    expect(notification?.body.text).toContain(p.name);
  });

  it('routes an Ankara lead to the Ankara dealer', async () => {
    const p = someone('ankara');
    const { leadId } = await captureLead({ name: p.name, phone: p.phone, city: 'Ankara' });
    await settle();
    expect((await getLead(leadId)).owner).toMatchObject({
      type: 'dealer',
      id: 'dealer-ankara',
      ruleId: 'ankara-dealer',
    });
    const [notification] = await ownerNotifications('dealer-ankara', p.phone);
    expect(notification?.body.text).toContain(p.name);
    expect(notification?.body.text).toContain(p.phone);
  });

  it('sends a lead that matches no rule to the fallback inbox', async () => {
    const p = someone('nomatch');
    const { leadId } = await captureLead({ name: p.name, email: p.email, phone: p.phone, city: 'Van' });
    await settle();
    expect((await getLead(leadId)).owner).toMatchObject({ type: 'queue', ruleId: 'fallback' });
    const [notification] = await ownerNotifications('fallback', p.phone);
    expect(notification?.body.text).toContain(p.name);
    for (const rep of ['rep-ayse', 'rep-mehmet', 'rep-john', 'dealer-ankara'] as const) {
      expect(await ownerNotifications(rep, p.phone)).toHaveLength(0);
    }
  });

  it('a phone-only lead gets no auto-response, but its owner is told', async () => {
    const p = someone('phone-only');
    await captureLead({ name: p.name, phone: p.phone, city: 'Ankara' });
    await settle();
    expect(await mailTo(p.email)).toHaveLength(0);
    expect(await ownerNotifications('dealer-ankara', p.phone)).toHaveLength(1);
  });

  it('the honeypot answers like success and stores nothing', async () => {
    const p = someone('bot');
    await settle();
    const before = await tableItemCount();
    const json = await post('/leads', { name: p.name, email: p.email, website: 'http://spam.example.com' });
    expect(json.status).toBe(202);
    const form = await postForm('/leads', {
      name: p.name,
      email: p.email,
      website: 'x',
      redirect: `${api()}/forms/thanks?lang=tr`,
    });
    expect(form.status).toBe(303);
    expect(new URL(form.headers.get('location') ?? '').searchParams.get('lead')).toBe('received');
    await settle();
    expect(await tableItemCount()).toBe(before);
    expect(await mailTo(p.email)).toHaveLength(0);
  });
});

describe('mail a stranger can trigger', () => {
  it('the auto-response carries nothing typed on the form, and an address gets at most 3 a day', async () => {
    const target = someone('flood');
    const bait = {
      name: 'Kazandınız Visit evil.example',
      productInterest: 'Call +90 555 000 00 00',
      message: 'Click evil.example',
    };
    for (let i = 0; i < 5; i++) await captureLead({ ...bait, email: target.email, city: 'Van' });
    await settle();
    const acks = (await mailTo(target.email)).filter((m) => m.subject === 'Talebinizi aldık');
    expect(acks).toHaveLength(3);
    for (const ack of acks) {
      const body = `${ack.body.text} ${ack.body.html}`;
      expect(body).not.toContain('evil.example');
      expect(body).not.toContain('555 000');
      expect(body).not.toContain('Kazandınız');
    }
    // Another address is not affected by that one's count.
    const other = someone('flood-other');
    await captureLead({ name: other.name, email: other.email, city: 'Van' });
    await settle();
    expect((await mailTo(other.email)).filter((m) => m.subject === 'Talebinizi aldık')).toHaveLength(1);
  });
});

describe('double opt-in', () => {
  const confirmationLink = async (address: string) => {
    const mails = (await mailTo(address)).filter((m) => m.subject === 'E-posta iznini onaylayın');
    expect(mails).toHaveLength(1);
    const match = mails[0]!.body.text?.match(/https?:\/\/\S+\/consents\/confirm\?token=\S+/);
    expect(match, mails[0]!.body.text).toBeTruthy();
    return new URL(match![0]);
  };

  it('mails a link; GET shows a button and changes nothing; POST confirms once; a second POST is gone', async () => {
    const p = someone('optin');
    await captureLead({ name: p.name, email: p.email, consent_email: true, consentTextVersion: 'kvkk-2026-01' });
    await settle();
    const link = await confirmationLink(p.email);
    expect(link.origin).toBe(api());
    const token = link.searchParams.get('token')!;

    const eventsBefore = (await recentEvents()).length;
    const itemsBefore = await tableItemCount();
    for (let i = 0; i < 2; i++) {
      // Mail scanners open links: a GET must not confirm anything.
      const shown = await fetch(link);
      expect(shown.status).toBe(200);
      expect(shown.headers.get('content-type')).toMatch(/^text\/html/);
      const html = await shown.text();
      expect(html).toMatch(/<form method="post"/);
      expect(html).toContain('<button type="submit">Evet, onaylıyorum</button>');
      expect(html).toContain('name="token"');
    }
    await settle();
    expect(await tableItemCount()).toBe(itemsBefore);
    expect((await recentEvents()).length).toBe(eventsBefore);

    const confirmed = await postForm('/consents/confirm', { token });
    expect(confirmed.status).toBe(200);
    const thanks = await confirmed.text();
    expect(thanks).toContain('izniniz kaydedildi');
    // No unsubscribe link exists in mail yet: the page must not promise one.
    expect(thanks).not.toMatch(/bağlantı/);
    await settle();
    const granted = (await recentEvents()).filter(
      (e) => e['detail-type'] === 'ConsentGranted' && e.detail.via === 'double-opt-in',
    );
    expect(granted.length).toBeGreaterThanOrEqual(1);

    const again = await postForm('/consents/confirm', { token });
    expect(again.status).toBe(410);
    // And the link itself is spent now.
    expect((await fetch(link)).status).toBe(410);
  });

  it('refuses a tampered token with 410 and writes nothing', async () => {
    const p = someone('tamper');
    await captureLead({ name: p.name, email: p.email, consent_email: 'on', consentTextVersion: 'kvkk-2026-01' });
    await settle();
    const token = (await confirmationLink(p.email)).searchParams.get('token')!;
    const [payload, signature] = token.split('.') as [string, string];
    const claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as { id: string; exp: number };
    const forgedPayload = Buffer.from(JSON.stringify({ ...claims, exp: claims.exp + 3600 })).toString('base64url');
    const flipped = signature.slice(0, -1) + (signature.endsWith('A') ? 'B' : 'A');
    const before = await tableItemCount();
    for (const bad of [`${forgedPayload}.${signature}`, `${payload}.${flipped}`, `${payload}.`, payload, 'x.y.z', '']) {
      const response = await postForm('/consents/confirm', { token: bad });
      expect(response.status, bad).toBe(410);
      expect((await fetch(`${api()}/consents/confirm?token=${encodeURIComponent(bad)}`)).status, bad).toBe(410);
    }
    await settle();
    expect(await tableItemCount()).toBe(before);
    // The genuine token still works afterwards.
    expect((await postForm('/consents/confirm', { token })).status).toBe(200);
  });

  it('asks for confirmation again when an already known address ticks the box (also in English)', async () => {
    const p = someone('known');
    await captureLead({ name: p.name, email: p.email });
    await captureLead({
      name: p.name,
      email: p.email,
      consent_email: 'true',
      consentTextVersion: 'kvkk-2026-01',
      language: 'en',
    });
    await settle();
    const mails = await mailTo(p.email);
    const confirmations = mails.filter((m) => m.subject === 'Confirm your e-mail consent');
    expect(confirmations).toHaveLength(1);
    expect(confirmations[0]!.body.text).toMatch(/\/consents\/confirm\?token=/);
  });

  it('SMS and phone consent need no confirmation mail', async () => {
    const p = someone('sms');
    await captureLead({
      name: p.name,
      email: p.email,
      phone: p.phone,
      consent_sms: true,
      consent_phone: true,
      consentTextVersion: 'kvkk-2026-01',
    });
    await settle();
    const subjects = (await mailTo(p.email)).map((m) => m.subject);
    expect(subjects).toEqual(['Talebinizi aldık']);
  });
});

// Marketing is sent from this test process with the stack's own environment (table and SES endpoint).
describe('consent belongs to the address that proved it', () => {
  const offers = (customerId: string) => ({ customerId, channel: 'email' as const, topic: 'offers' });
  const offer = (to: string) => ({ to, subject: 'Kampanya', text: 'Kampanya', html: '<p>Kampanya</p>' });

  it("a lead with the victim's phone and the attacker's address cannot make the victim's address consented", async () => {
    const victim = someone('victim');
    const attacker = someone('attacker');
    const { leadId: victimLead } = await captureLead({ name: victim.name, email: victim.email, phone: victim.phone });
    const victimCustomer = (await getLead(victimLead)).customerId;
    // The attack: the victim's phone (so the lead lands on the victim's customer), the attacker's
    // address, and the e-mail consent box.
    await captureLead({
      name: attacker.name,
      email: attacker.email,
      phone: victim.localPhone,
      consent_email: true,
      consentTextVersion: 'kvkk-2026-01',
    });
    await settle();
    // The confirmation goes to the address that asked, and only there.
    expect((await mailTo(victim.email)).filter((m) => m.subject === 'E-posta iznini onaylayın')).toHaveLength(0);
    const [confirmation] = (await mailTo(attacker.email)).filter((m) => m.subject === 'E-posta iznini onaylayın');
    const link = confirmation?.body.text?.match(/https?:\/\/\S+\/consents\/confirm\?token=\S+/)?.[0];
    expect(link).toBeDefined();
    expect((await postForm('/consents/confirm', { token: new URL(link!).searchParams.get('token')! })).status).toBe(
      200,
    );
    await settle();

    // Marketing to the victim's address on the victim's customer: no consent, no mail.
    expect(await sendMarketing(offer(victim.email), offers(victimCustomer))).toEqual({
      status: 'skipped',
      reason: 'no-consent',
    });
    expect((await mailTo(victim.email)).filter((m) => m.subject === 'Kampanya')).toHaveLength(0);

    // The control: a person who confirms their own address gets the marketing mail.
    const genuine = someone('genuine');
    const { leadId } = await captureLead({
      name: genuine.name,
      email: genuine.email,
      consent_email: true,
      consentTextVersion: 'kvkk-2026-01',
    });
    await settle();
    const [own] = (await mailTo(genuine.email)).filter((m) => m.subject === 'E-posta iznini onaylayın');
    const ownLink = own?.body.text?.match(/https?:\/\/\S+\/consents\/confirm\?token=\S+/)?.[0];
    expect((await postForm('/consents/confirm', { token: new URL(ownLink!).searchParams.get('token')! })).status).toBe(
      200,
    );
    const genuineCustomer = (await getLead(leadId)).customerId;
    expect(await sendMarketing(offer(genuine.email), offers(genuineCustomer))).toMatchObject({ status: 'sent' });
    expect((await mailTo(genuine.email)).filter((m) => m.subject === 'Kampanya')).toHaveLength(1);
  });
});

describe('CORS', () => {
  it('answers a preflight from an allowed origin and refuses a foreign one', async () => {
    const ok = await send('/leads', {
      method: 'OPTIONS',
      headers: { origin: api(), 'access-control-request-method': 'POST' },
    });
    expect(ok.status).toBe(204);
    expect(ok.headers.get('access-control-allow-origin')).toBe(api());
    const foreign = await send('/leads', {
      method: 'OPTIONS',
      headers: { origin: 'https://evil.example.net', 'access-control-request-method': 'POST' },
    });
    expect(foreign.status).toBe(403);
    expect(foreign.headers.get('access-control-allow-origin')).toBeNull();
    expect((await readProblem(foreign)).code).toBe('forbidden');
  });

  it('lets an allowed origin read the answer to a post', async () => {
    const p = someone('cors');
    const response = await post('/leads', { name: p.name, email: p.email }, { origin: api() });
    expect(response.status).toBe(201);
    expect(response.headers.get('access-control-allow-origin')).toBe(api());
  });
});

describe('events', () => {
  it('every recorded event matches its catalogue schema and carries no personal data', async () => {
    await settle();
    const events = await recentEvents();
    expect(events.length).toBeGreaterThan(0);
    const seen = new Set<string>();
    for (const event of events) {
      const type = event['detail-type'];
      seen.add(type);
      expect(isDetailType(type), type).toBe(true);
      if (!isDetailType(type)) continue;
      expect(event.source).toBe(catalogue[type].source);
      const parsed = catalogue[type].detail.safeParse(event.detail);
      expect(parsed.success, `${type}: ${JSON.stringify(event.detail)}`).toBe(true);
      const serialized = JSON.stringify(event.detail);
      expect(serialized, type).not.toContain('@');
      for (const p of people) {
        expect(serialized).not.toContain(p.digits);
        expect(serialized).not.toContain(p.name);
        expect(serialized.toLowerCase()).not.toContain(p.email.split('@')[0]!.toLowerCase());
      }
    }
    for (const type of ['LeadCaptured', 'LeadAssigned', 'ConsentRequested', 'ConsentGranted'])
      expect(seen).toContain(type);
  });

  it('no consumer gave up on any event', async () => {
    await settle();
    expect(await deadLetters()).toEqual([]);
  });

  it('free text a person types into fields that reach events does not carry their contact details into events', async () => {
    // productInterest, sector, region and source are free-text form fields; people type anything into them.
    const p = someone('leaky');
    const { leadId } = await captureLead({
      name: p.name,
      email: p.email,
      productInterest: `Beni arayın: ${p.localPhone}`,
      sector: `Tekstil, ${p.email}`,
      region: 'Ege',
      source: `kartvizit ${p.name}`,
    });
    await settle();
    const mine = (await recentEvents()).filter((e) => e.detail.leadId === leadId);
    expect(mine.map((e) => e['detail-type']).sort()).toEqual(['LeadAssigned', 'LeadCaptured']);
    for (const event of mine) {
      const serialized = JSON.stringify(event.detail);
      expect(serialized, event['detail-type']).not.toContain('@');
      expect(serialized.replace(/\D/g, ''), event['detail-type']).not.toContain(p.digits);
      expect(serialized, event['detail-type']).not.toContain(p.name);
    }
  });
});

describe('staff reads', () => {
  it('lists leads by status newest first with cursor pagination, and by date range', async () => {
    const trio = [someone('page1'), someone('page2'), someone('page3')];
    const ids: string[] = [];
    for (const p of trio) ids.push((await captureLead({ name: p.name, email: p.email })).leadId);
    const first = await getLead(ids[0]!);
    const last = await getLead(ids[2]!);
    const query = new URLSearchParams({ status: 'new', from: first.createdAt, to: last.createdAt, limit: '1' });
    const seen: string[] = [];
    let cursor: string | undefined;
    for (let page = 0; page < 50; page++) {
      const response = await get(`/leads?${query}${cursor ? `&cursor=${cursor}` : ''}`, keys().manager);
      expect(response.status).toBe(200);
      const body = (await response.json()) as { leads: { leadId: string }[]; nextCursor?: string };
      expect(body.leads.length).toBeLessThanOrEqual(1);
      seen.push(...body.leads.map((l) => l.leadId));
      cursor = body.nextCursor;
      if (!cursor) break;
    }
    const ours = seen.filter((id) => ids.includes(id));
    expect(ours).toEqual([...ids].reverse());
    expect(new Set(seen).size).toBe(seen.length);
  });

  it('an unknown lead is 404 to a manager', async () => {
    const response = await fetch(`${api()}/leads/01ARZ3NDEKTSV4RRFFQ69G5FAV`, { headers: bearer(keys().manager) });
    expect(response.status).toBe(404);
    expect((await readProblem(response)).code).toBe('not-found');
  });
});
