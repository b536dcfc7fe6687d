// Bearer keys, scopes and row-level visibility on the staff endpoints, and the guarded lead lifecycle.
import { beforeAll, describe, expect, inject, it } from 'vitest';
import {
  bearer,
  captureLead,
  get,
  getLead,
  keys,
  listAllLeads,
  post,
  readProblem,
  send,
  settle,
  uniquePerson,
} from '../support/e2e.js';

const expectProblem = async (response: Response, status: number, code: string) => {
  expect(response.status).toBe(status);
  const problem = await readProblem(response);
  expect(problem).toMatchObject({ status, code });
  expect(problem.type).toMatch(/\S/);
  expect(problem.title).toMatch(/\S/);
  return problem;
};

const moveStatus = (leadId: string, body: Record<string, unknown>, key = keys().manager) =>
  post(`/leads/${leadId}/status`, body, bearer(key));

/** A lead nobody's rules send to a rep: it sits in the fallback queue. */
const queuedLead = async (tag: string) => {
  const p = uniquePerson(tag);
  return (await captureLead({ name: p.name, email: p.email, city: 'Van' })).leadId;
};

describe('keys', () => {
  const staffRoutes = (leadId: string) => [
    () => get('/leads'),
    () => get(`/leads/${leadId}`),
    () => post(`/leads/${leadId}/status`, { to: 'contacted' }),
    () => post(`/leads/${leadId}/notes`, { text: 'merhaba' }),
  ];
  let leadId: string;
  beforeAll(async () => {
    leadId = await queuedLead('keys');
  });

  it('refuses every staff route without a key with a 401 problem', async () => {
    for (const call of staffRoutes(leadId)) {
      const response = await call();
      await expectProblem(response, 401, 'unauthorized');
      expect(response.headers.get('www-authenticate')).toMatch(/^Bearer/);
    }
  });

  it('refuses malformed authorization headers, unknown and revoked keys with 401', async () => {
    const headers = [
      `Basic ${Buffer.from('mgr-zeynep:secret').toString('base64')}`,
      'Bearer',
      'Bearer ',
      `Bearer ${keys().manager} extra`,
      keys().manager,
      `Token ${keys().manager}`,
      `Bearer ${keys().manager.slice(0, -1)}`,
      `Bearer ${keys().manager}x`,
      `Bearer pus_${'A'.repeat(43)}`,
      `Bearer ${'x'.repeat(5000)}`,
      `Bearer ${keys().revoked}`,
    ];
    for (const authorization of headers) {
      const listing = await send('/leads', { method: 'GET', headers: { authorization } });
      expect(listing.status, authorization.slice(0, 40)).toBe(401);
      await expectProblem(listing, 401, 'unauthorized');
      const one = await send(`/leads/${leadId}`, { method: 'GET', headers: { authorization } });
      await expectProblem(one, 401, 'unauthorized');
    }
    // The revoked key was a read key that worked before: revocation is what refuses it.
    await expectProblem(await get(`/leads/${leadId}`, keys().revoked), 401, 'unauthorized');
  });

  it('refuses a key without leads:write on write routes with 403, and lets it read', async () => {
    await expectProblem(await moveStatus(leadId, { to: 'contacted' }, keys().readOnly), 403, 'forbidden');
    await expectProblem(await post(`/leads/${leadId}/notes`, { text: 'x' }, bearer(keys().readOnly)), 403, 'forbidden');
    expect((await get(`/leads/${leadId}`, keys().readOnly)).status).toBe(200);
    expect((await getLead(leadId)).status).toBe('new');
    expect((await getLead(leadId)).notes).toEqual([]);
  });
});

describe('what a rep sees', () => {
  let ayseLead: string;
  let mehmetLead: string;

  beforeAll(async () => {
    // Three İstanbul leads in a row: the 2:1 round-robin gives Ayşe two and Mehmet one.
    await settle();
    const ids: string[] = [];
    for (let i = 0; i < 3; i++) {
      const p = uniquePerson(`rep-view-${i}`);
      ids.push((await captureLead({ name: p.name, phone: p.phone, city: 'İstanbul' })).leadId);
    }
    await settle();
    const leads = await Promise.all(ids.map((id) => getLead(id)));
    ayseLead = leads.find((l) => l.owner?.id === 'rep-ayse')!.leadId;
    mehmetLead = leads.find((l) => l.owner?.id === 'rep-mehmet')!.leadId;
    expect(ayseLead).toBeDefined();
    expect(mehmetLead).toBeDefined();
  });

  it('lists only her own leads', async () => {
    const mine = await listAllLeads({}, keys().repAyse);
    expect(mine.map((l) => l.leadId)).toContain(ayseLead);
    expect(mine.map((l) => l.leadId)).not.toContain(mehmetLead);
    expect(new Set(mine.map((l) => l.owner?.id))).toEqual(new Set(['rep-ayse']));
    // Asking for a status does not widen it.
    const newOnes = await listAllLeads({ status: 'new' }, keys().repAyse);
    expect(newOnes.length).toBeGreaterThan(0);
    expect(newOnes.every((l) => l.owner?.id === 'rep-ayse' && l.status === 'new')).toBe(true);
    // Naming herself is fine.
    expect((await get('/leads?owner=rep-ayse', keys().repAyse)).status).toBe(200);
  });

  it("may not list another rep's leads", async () => {
    await expectProblem(await get('/leads?owner=rep-mehmet', keys().repAyse), 403, 'forbidden');
  });

  it("finds another rep's lead not found, and cannot change or annotate it", async () => {
    await expectProblem(await get(`/leads/${mehmetLead}`, keys().repAyse), 404, 'not-found');
    await expectProblem(await moveStatus(mehmetLead, { to: 'contacted' }, keys().repAyse), 404, 'not-found');
    await expectProblem(
      await post(`/leads/${mehmetLead}/notes`, { text: 'x' }, bearer(keys().repAyse)),
      404,
      'not-found',
    );
    const untouched = await getLead(mehmetLead);
    expect(untouched).toMatchObject({ status: 'new', seq: 1, notes: [] });
    // Her own lead she can read, and Mehmet his.
    expect((await getLead(ayseLead, keys().repAyse)).owner?.id).toBe('rep-ayse');
    expect((await getLead(mehmetLead, keys().repMehmet)).owner?.id).toBe('rep-mehmet');
  });

  it('the manager sees any lead and may list any owner', async () => {
    expect((await getLead(ayseLead)).owner?.id).toBe('rep-ayse');
    expect((await getLead(mehmetLead)).owner?.id).toBe('rep-mehmet');
    const mehmets = await listAllLeads({ owner: 'rep-mehmet' });
    expect(mehmets.map((l) => l.leadId)).toContain(mehmetLead);
    expect(mehmets.every((l) => l.owner?.id === 'rep-mehmet')).toBe(true);
  });

  it("a team's manager sees the team's leads and nobody else's", async () => {
    const selin = inject('quoteKeys').managerSelin; // manages team-export, whose rep is rep-john
    const person = uniquePerson('team-export');
    const exportLead = (await captureLead({ name: person.name, email: person.email, productInterest: 'export' }))
      .leadId;
    await settle();
    expect((await getLead(exportLead)).owner).toMatchObject({ id: 'rep-john', teamId: 'team-export' });
    expect((await getLead(exportLead, selin)).leadId).toBe(exportLead);
    await expectProblem(await get(`/leads/${ayseLead}`, selin), 404, 'not-found');
    const listed = await listAllLeads({ status: 'new' }, selin);
    expect(listed.map((l) => l.leadId)).toContain(exportLead);
    expect(listed.map((l) => l.leadId)).not.toContain(ayseLead);
    expect(listed.every((l) => l.owner?.teamId === 'team-export')).toBe(true);
  });

  it('a rep moves her own lead', async () => {
    const response = await moveStatus(ayseLead, { to: 'contacted', seq: 1 }, keys().repAyse);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ leadId: ayseLead, status: 'contacted', seq: 2 });
  });
});

describe('lead lifecycle', () => {
  it('moves new → contacted → qualified → converted, one seq each, and nothing after', async () => {
    const leadId = await queuedLead('lifecycle');
    let seq = 1;
    for (const to of ['contacted', 'qualified', 'converted']) {
      const response = await moveStatus(leadId, { to, seq });
      expect(response.status, to).toBe(200);
      seq += 1;
      expect(await response.json()).toEqual({ leadId, status: to, seq });
      expect(await getLead(leadId)).toMatchObject({ status: to, seq });
    }
    await expectProblem(await moveStatus(leadId, { to: 'disqualified' }), 409, 'illegal-transition');
    // Each move left one history entry: who, which action, from and to; the refused one left none.
    const { history } = await getLead(leadId);
    expect(history?.map(({ from, to, action, actorId, via }) => ({ from, to, action, actorId, via }))).toEqual([
      { from: 'new', to: 'contacted', action: 'contact', actorId: 'mgr-zeynep', via: 'api' },
      { from: 'contacted', to: 'qualified', action: 'qualify', actorId: 'mgr-zeynep', via: 'api' },
      { from: 'qualified', to: 'converted', action: 'convert', actorId: 'mgr-zeynep', via: 'api' },
    ]);
    expect(history!.map((h) => h.at)).toEqual([...history!.map((h) => h.at)].sort());
    // The listings follow: it is under converted now, and no longer under new.
    const converted = await listAllLeads({ status: 'converted' });
    expect(converted.map((l) => l.leadId)).toContain(leadId);
    const fresh = await listAllLeads({ status: 'new' });
    expect(fresh.map((l) => l.leadId)).not.toContain(leadId);
    await settle();
  });

  it('refuses new → converted with 409 illegal-transition and changes nothing', async () => {
    const leadId = await queuedLead('skip');
    const problem = await expectProblem(await moveStatus(leadId, { to: 'converted' }), 409, 'illegal-transition');
    expect(problem.detail).toContain('contacted');
    await expectProblem(await moveStatus(leadId, { to: 'new' }), 409, 'illegal-transition');
    expect(await getLead(leadId)).toMatchObject({ status: 'new', seq: 1 });
  });

  it('refuses a move based on a stale seq with 409', async () => {
    const leadId = await queuedLead('stale');
    expect((await moveStatus(leadId, { to: 'contacted', seq: 1 })).status).toBe(200);
    await expectProblem(await moveStatus(leadId, { to: 'qualified', seq: 1 }), 409, 'lead-changed');
    expect(await getLead(leadId)).toMatchObject({ status: 'contacted', seq: 2 });
  });

  it('two concurrent moves from the same seq: exactly one 200 and one 409', async () => {
    for (const [a, b] of [
      ['contacted', 'contacted'],
      ['contacted', 'disqualified'],
    ]) {
      const leadId = await queuedLead('race');
      const responses = await Promise.all([
        moveStatus(leadId, { to: a, seq: 1 }),
        moveStatus(leadId, { to: b, seq: 1 }),
      ]);
      const statuses = responses.map((r) => r.status).sort();
      expect(statuses, `${a} vs ${b}`).toEqual([200, 409]);
      const loser = responses.find((r) => r.status === 409)!;
      expect((await readProblem(loser)).code).toMatch(/^(lead-changed|illegal-transition)$/);
      const winner = (await responses.find((r) => r.status === 200)!.json()) as { status: string; seq: number };
      expect(await getLead(leadId)).toMatchObject({ status: winner.status, seq: 2 });
    }
  });

  it('many concurrent moves from the same seq: exactly one wins', async () => {
    const leadId = await queuedLead('stampede');
    const responses = await Promise.all(
      Array.from({ length: 10 }, (_, i) => moveStatus(leadId, { to: i % 2 ? 'contacted' : 'disqualified', seq: 1 })),
    );
    const statuses = responses.map((r) => r.status);
    expect(statuses.filter((s) => s === 200)).toHaveLength(1);
    expect(statuses.filter((s) => s === 409)).toHaveLength(9);
    expect((await getLead(leadId)).seq).toBe(2);
    await settle();
  });
});

describe('notes', () => {
  it('a note posted twice with one Idempotency-Key is stored once', async () => {
    const leadId = await queuedLead('note');
    const headers = { ...bearer(keys().manager), 'idempotency-key': `note-${leadId}` };
    const first = await post(`/leads/${leadId}/notes`, { text: 'Aradım, yarın tekrar aranacak.' }, headers);
    const second = await post(`/leads/${leadId}/notes`, { text: 'Aradım, yarın tekrar aranacak.' }, headers);
    expect(first.status).toBe(201);
    expect(second.status).toBe(201);
    const a = (await first.json()) as { noteId: string };
    const b = (await second.json()) as { noteId: string };
    expect(b.noteId).toBe(a.noteId);
    const lead = await getLead(leadId);
    expect(lead.notes).toHaveLength(1);
    expect(lead.notes?.[0]).toMatchObject({
      noteId: a.noteId,
      text: 'Aradım, yarın tekrar aranacak.',
      authorId: 'mgr-zeynep',
    });

    // The key with another text is refused, and a new key adds a second note.
    const reused = await post(`/leads/${leadId}/notes`, { text: 'başka bir şey' }, headers);
    await expectProblem(reused, 422, 'idempotency-key-reused');
    const other = await post(`/leads/${leadId}/notes`, { text: 'İkinci not' }, bearer(keys().manager));
    expect(other.status).toBe(201);
    expect((await getLead(leadId)).notes?.map((n) => n.text).sort()).toEqual([
      'Aradım, yarın tekrar aranacak.',
      'İkinci not',
    ]);
  });

  it('concurrent notes with one Idempotency-Key store one note', async () => {
    const leadId = await queuedLead('note-race');
    const headers = { ...bearer(keys().manager), 'idempotency-key': `note-race-${leadId}` };
    const responses = await Promise.all(
      Array.from({ length: 10 }, () => post(`/leads/${leadId}/notes`, { text: 'tek' }, headers)),
    );
    for (const r of responses) expect([201, 409]).toContain(r.status);
    expect((await getLead(leadId)).notes).toHaveLength(1);
  });

  it("a stored answer is another caller's only after they may see the lead: the key is scoped to the caller", async () => {
    const leadId = await queuedLead('note-scoped');
    const key = `scoped-${leadId}`;
    const first = await post(
      `/leads/${leadId}/notes`,
      { text: 'gizli not' },
      { ...bearer(keys().manager), 'idempotency-key': key },
    );
    expect(first.status).toBe(201);
    // A rep who may not see the lead replays nothing: the lead does not exist for her.
    await expectProblem(
      await post(
        `/leads/${leadId}/notes`,
        { text: 'gizli not' },
        { ...bearer(keys().repAyse), 'idempotency-key': key },
      ),
      404,
      'not-found',
    );
    // Another key of the same manager is another caller: its own note, not the first one's answer.
    const other = await post(
      `/leads/${leadId}/notes`,
      { text: 'gizli not' },
      { ...bearer(keys().managerOtherKey), 'idempotency-key': key },
    );
    expect(other.status).toBe(201);
    expect(((await other.json()) as { noteId: string }).noteId).not.toBe(
      ((await first.json()) as { noteId: string }).noteId,
    );
    expect((await getLead(leadId)).notes).toHaveLength(2);
  });

  it('the same key on another lead is refused as a reuse, and adds nothing there', async () => {
    const [one, two] = [await queuedLead('note-a'), await queuedLead('note-b')];
    const headers = { ...bearer(keys().manager), 'idempotency-key': `shared-${one}` };
    expect((await post(`/leads/${one}/notes`, { text: 'aynı metin' }, headers)).status).toBe(201);
    await expectProblem(
      await post(`/leads/${two}/notes`, { text: 'aynı metin' }, headers),
      422,
      'idempotency-key-reused',
    );
    expect((await getLead(two)).notes).toEqual([]);
  });
});
