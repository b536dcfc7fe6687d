// Analytics against DynamoDB Local: an order's delivery and return counted once however often the
// events come; the nightly A/B/C job writing segments and emitting only on change; and every target
// list checked against a hand-computed fixture of invented customers. Each part runs at its own
// injected date, years apart, so the buyers of one are not in another's years.

import { DeleteCommand, GetCommand, PutCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  countOrderTransition,
  dashboard,
  type ListName,
  salesPerformance,
  targetList,
} from '../../functions/analytics/analytics.js';
import type { OrderValue } from '../../functions/analytics/domain/customer-value.js';
import { analyticsKeys } from '../../functions/analytics/keys.js';
import { checkOrders, countOrders } from '../../functions/analytics/order-import.js';
import { getRules, setRules } from '../../functions/analytics/rules-store.js';
import { assignSegments } from '../../functions/analytics/segment-job.js';
import { applyOrderValue, DeliveryNotCountedError, yearFigures } from '../../functions/analytics/value-store.js';
import { matchesSegment } from '../../functions/campaigns/domain/segment-filter.js';
import { candidateOf } from '../../functions/campaigns/segments.js';
import { type Case, cases } from '../../functions/complaint-escalation/case-store.js';
import type { EventDetail } from '../../functions/event-table.js';
import { type Lead, leads, saveStatusChange } from '../../functions/lead-capture/lead-store.js';
import type { OrderIntake } from '../../functions/order-routing/domain/order-input.js';
import { intakeOrder } from '../../functions/order-routing/orders.js';
import { quoteApprovalKeys } from '../../functions/quote-approval/keys.js';
import { demoItems, loadReferenceData } from '../../infra/local/demo-data.js';
import type { Viewer } from '../../shared/access.js';
import { customers, getCustomer, ownershipItem } from '../../shared/customer.js';
import { db, tableName, transact } from '../../shared/db.js';
import type { Actor, Role } from '../../shared/http.js';
import { newId } from '../../shared/ids.js';
import { keys } from '../../shared/table.js';
import { istanbulMonth } from '../../shared/time.js';
import { scanAll } from '../support/scan.js';

const shop: Actor = { keyId: 'key-shop', userId: 'shop-web', role: 'agent', scopes: ['orders:write'] };

const newCustomer = async (name: string) => {
  const customerId = newId();
  const at = '2020-01-01T00:00:00.000Z';
  expect(
    (await transact(customers.createItems({ customerId, name, language: 'tr', createdAt: at, updatedAt: at }))).ok,
  ).toBe(true);
  return customerId;
};

const delivered = (customerId: string, orderDate: string, amountTry: number): OrderValue => ({
  orderId: newId(),
  customerId,
  orderDate,
  currency: 'TRY',
  amount: amountTry,
  amountTry,
});

const statusChange = (
  orderId: string,
  customerId: string,
  from: 'shipped' | 'delivered',
  to: 'delivered' | 'returned',
): EventDetail<'OrderStatusChanged'> => ({
  eventId: newId(),
  occurredAt: new Date().toISOString(),
  version: 1,
  orderId,
  customerId,
  from,
  to,
  actorId: 'dealer-ankara-ali',
  via: 'api',
});

const segmentEvents = async (customerIds: string[]) =>
  (
    await scanAll({
      FilterExpression: 'detailType = :type',
      ExpressionAttributeValues: { ':type': 'CustomerSegmentChanged' },
    })
  )
    .map((item) => item.detail as EventDetail<'CustomerSegmentChanged'>)
    .filter((detail) => customerIds.includes(detail.customerId));

beforeAll(async () => {
  await loadReferenceData(db(), tableName(), demoItems());
});

describe("an order in its customer's figures", () => {
  it('counts a delivery once however often the event comes, and takes a return off once', async () => {
    const intake: OrderIntake = {
      customer: { name: 'Vera Sayım', email: `value-${newId()}@example.com`, language: 'tr' },
      lines: [{ sku: 'FL-25E', quantity: 2, unitPrice: 95_000_000, currency: 'TRY' }],
      delivery: { address: 'Deneme Cad. 1', city: 'Ankara' },
      channel: 'web-shop',
    };
    const at = new Date('2026-04-10T09:00:00.000Z');
    const { orderId, customerId } = await intakeOrder(intake, shop, newId(), at);
    const key = analyticsKeys.customerValue(customerId, '2026');

    // A return whose delivery is not counted yet waits (the event is delivered again later).
    await expect(
      countOrderTransition(statusChange(orderId, customerId, 'delivered', 'returned')),
    ).rejects.toBeInstanceOf(DeliveryNotCountedError);
    expect(await yearFigures.get(key)).toBeUndefined();

    const deliver = statusChange(orderId, customerId, 'shipped', 'delivered');
    expect(await countOrderTransition(deliver)).toBe('applied');
    const once = await yearFigures.get(key);
    expect(once).toMatchObject({
      revenueTry: 190_000_000,
      byCurrency: { TRY: 190_000_000 },
      orders: 1,
      firstOrderDate: '2026-04-10',
      lastOrderDate: '2026-04-10',
      days: { '04-10': 190_000_000 },
    });
    // The same event again, and the same transition in another event: nothing changes.
    expect(await countOrderTransition(deliver)).toBe('already');
    expect(await countOrderTransition({ ...deliver, eventId: newId() })).toBe('already');
    expect(await yearFigures.get(key)).toEqual(once);

    const returned = statusChange(orderId, customerId, 'delivered', 'returned');
    expect(await countOrderTransition(returned)).toBe('applied');
    expect(await countOrderTransition(returned)).toBe('already');
    expect(await yearFigures.get(key)).toMatchObject({
      revenueTry: 0,
      orders: 0,
      returns: 1,
      byCurrency: { TRY: 0 },
      seq: 2,
    });
    // A move that is neither is not counted.
    expect(
      await countOrderTransition({
        ...deliver,
        from: 'routed',
        to: 'acknowledged',
      } as EventDetail<'OrderStatusChanged'>),
    ).toBe('ignored');
  });

  it("moves the profile's last order date forward only, which a campaign segment then filters on", async () => {
    const customerId = await newCustomer('Son Sipariş');
    const profile = async () =>
      (await db().send(new GetCommand({ TableName: tableName(), Key: keys.customer(customerId) }))).Item!;
    await applyOrderValue(delivered(customerId, '2047-05-10', 1_000), 'delivered');
    expect((await profile()).lastOrderDate).toBe('2047-05-10');
    // An older order (an import, a late event) leaves it; a later one moves it.
    await applyOrderValue(delivered(customerId, '2047-02-01', 1_000), 'delivered');
    expect((await profile()).lastOrderDate).toBe('2047-05-10');
    const later = delivered(customerId, '2047-06-20', 1_000);
    await applyOrderValue(later, 'delivered');
    expect(await applyOrderValue(later, 'delivered')).toBe('already');
    expect((await profile()).lastOrderDate).toBe('2047-06-20');
    // The directory item a segment reads: the value group and the last order as the matcher sees them.
    await db().send(
      new UpdateCommand({
        TableName: tableName(),
        Key: keys.customer(customerId),
        UpdateExpression: 'SET #s = :a, email = :e',
        ExpressionAttributeNames: { '#s': 'segment' },
        ExpressionAttributeValues: { ':a': 'A', ':e': `son-${customerId}@example.com` },
      }),
    );
    const candidate = candidateOf(await profile());
    expect(matchesSegment({ valueSegments: ['A'], lastOrderAfter: '2047-06-19T21:00:00.000Z' }, candidate)).toBe(true);
    expect(matchesSegment({ valueSegments: ['B'] }, candidate)).toBe(false);
    expect(matchesSegment({ lastOrderBefore: '2047-06-19T21:00:00.000Z' }, candidate)).toBe(false);
  });

  it('counts racing deliveries of one customer both, each once', async () => {
    const customerId = await newCustomer('Yarış Deneme');
    const orders = Array.from({ length: 6 }, (_, i) => delivered(customerId, `2026-05-0${i + 1}`, 1_000 * (i + 1)));
    const outcomes = await Promise.all([...orders, ...orders].map((o) => applyOrderValue(o, 'delivered')));
    expect(outcomes.filter((o) => o === 'applied')).toHaveLength(6);
    expect(await yearFigures.get(analyticsKeys.customerValue(customerId, '2026'))).toMatchObject({
      revenueTry: 21_000,
      orders: 6,
      seq: 6,
    });
  });
});

describe('the order import', () => {
  it('refuses a file with an unknown customer or a bad amount, naming the lines; counts an order once', async () => {
    const customerId = await newCustomer('İthal Deneme');
    const file = [
      'order_id,customer_id,order_date,currency,amount,amount_try',
      `imp-1,${customerId},2026-02-01,TRY,100.50,`,
      `imp-2,${newId()},2026-02-02,TRY,10,`,
      '',
      `imp-3,${customerId},2026-02-03,EUR,abc,`,
    ].join('\r\n');
    const refused = await checkOrders(file);
    expect(refused).toMatchObject({ ok: false, errors: [{ line: 5, field: 'amount' }] });
    const unknown = await checkOrders(file.replace(',EUR,abc,', ',EUR,10,400'));
    expect(unknown).toEqual({
      ok: false,
      errors: [{ line: 3, field: 'customer_id', message: { en: 'No such customer.', tr: 'Böyle bir müşteri yok.' } }],
    });
    expect(await yearFigures.get(analyticsKeys.customerValue(customerId, '2026'))).toBeUndefined();

    const good = [
      'order_id,customer_id,order_date,currency,amount,amount_try',
      `imp-1,${customerId},2026-02-01,TRY,100.50,`,
      `imp-3,${customerId},2026-02-03,EUR,10,400.00`,
    ].join('\n');
    const checked = await checkOrders(good);
    if (!checked.ok) throw new Error('refused');
    expect(checked.orders.map((o) => o.amountTry)).toEqual([10_050, 40_000]);
    expect(await countOrders(checked.orders)).toEqual({ imported: 2, alreadyCounted: 0 });
    expect(await countOrders(checked.orders)).toEqual({ imported: 0, alreadyCounted: 2 });
    expect(await yearFigures.get(analyticsKeys.customerValue(customerId, '2026'))).toMatchObject({
      revenueTry: 50_050,
      byCurrency: { TRY: 10_050, EUR: 1_000 },
      orders: 2,
    });
  });
});

describe('the nightly A/B/C job', () => {
  it('writes each buyer’s segment from the last 12 months and emits an event only when it changes', async () => {
    const now = new Date('2031-06-15T00:30:00.000Z'); // 15 June in Istanbul
    const [big, mid, small, old, never] = await Promise.all(
      ['Büyük Alıcı', 'Orta Alıcı', 'Küçük Alıcı', 'Eski Alıcı', 'Hiç Almayan'].map(newCustomer),
    );
    for (const order of [
      delivered(big!, '2031-05-01', 800),
      delivered(mid!, '2030-07-01', 150),
      delivered(small!, '2031-01-10', 50),
      delivered(old!, '2030-06-15', 1_000), // exactly 12 months ago: outside the window
    ]) {
      await applyOrderValue(order, 'delivered');
    }
    // 1,000 in the window: big alone is 80 % (A); mid brings 95 % (B); the rest C.
    expect(await assignSegments(now)).toEqual({ buyers: 4, changed: 4, carried: 0, unchanged: 0, skipped: 0 });
    const segments = async () =>
      Promise.all(
        [big, mid, small, old, never].map(
          async (id) => ((await getCustomer(id!)) as { segment?: string } | undefined)?.segment,
        ),
      );
    expect(await segments()).toEqual(['A', 'B', 'C', 'C', undefined]);
    const ids = [big!, mid!, small!, old!, never!];
    expect((await segmentEvents(ids)).map((e) => [e.customerId, e.from, e.to, e.revenueTry, e.asOf]).sort()).toEqual(
      [
        [big, undefined, 'A', 800, '2031-06-15'],
        [mid, undefined, 'B', 150, '2031-06-15'],
        [small, undefined, 'C', 50, '2031-06-15'],
        [old, undefined, 'C', 0, '2031-06-15'],
      ].sort(),
    );

    // The same night again: nothing changes, nothing is emitted.
    expect(await assignSegments(now)).toEqual({ buyers: 4, changed: 0, carried: 0, unchanged: 4, skipped: 0 });
    expect(await segmentEvents(ids)).toHaveLength(4);

    // small buys big: of 2,950 small makes 2,000 (A); big's 800 comes after 68 % (A); mid after 94.9 % (B).
    await applyOrderValue(delivered(small!, '2031-06-01', 1_950), 'delivered');
    expect(await assignSegments(now)).toMatchObject({ changed: 1, unchanged: 3 });
    expect(await segments()).toEqual(['A', 'B', 'A', 'C', undefined]);
    const events = await segmentEvents(ids);
    expect(events).toHaveLength(5);
    expect(events.filter((e) => e.customerId === small && e.from === 'C')).toMatchObject([
      { to: 'A', revenueTry: 2_000 },
    ]);
  });
});

describe('the target lists on a hand-computed fixture', () => {
  // Today is 30 November 2035 in Istanbul; last year is 2034.
  const now = new Date('2035-11-30T09:00:00.000Z');
  const ids: Record<string, string> = {};

  const complaint = (customerId: string, caseType: Case['caseType'], segment: 'A' | 'B', createdAt: string): Case => ({
    caseId: newId(),
    caseNumber: `fixture-${caseType}`,
    customerId,
    caseType,
    category: 'product',
    priority: 'normal',
    channel: 'phone',
    subject: 'Fixture',
    language: 'tr',
    status: 'open',
    seq: 1,
    departmentId: 'dept-fixture',
    unit: { type: 'department', id: 'dept-fixture' },
    routeRule: 'fallback',
    openedBy: 'agent-fixture',
    sla: {
      segment,
      targets: { firstResponse: 60, resolution: 540 },
      clock: { bankedMinutes: 0 },
      warned: [],
      escalationLevel: 0,
      escalations: { firstResponse: 0, resolution: 0 },
    },
    createdAt,
    updatedAt: createdAt,
  });

  beforeAll(async () => {
    for (const name of ['Ayla Fikstür', 'Burak Fikstür', 'Cem Fikstür', 'Deniz Fikstür', 'Ece Fikstür'])
      ids[name.split(' ')[0]!] = await newCustomer(name);
    const { Ayla, Burak, Cem, Deniz, Ece } = ids as Record<'Ayla' | 'Burak' | 'Cem' | 'Deniz' | 'Ece', string>;
    for (const order of [
      delivered(Ayla, '2034-03-01', 1_000_000),
      delivered(Ayla, '2035-02-01', 900_000),
      delivered(Burak, '2034-11-30', 50_000), // the same day last year: in the comparison
      delivered(Burak, '2035-01-15', 60_000),
      delivered(Cem, '2034-11-30', 10_000), // exactly 12 months ago
      delivered(Deniz, '2034-12-01', 20_000), // a day less than 12 months ago
      delivered(Ece, '2033-05-05', 30_000),
    ]) {
      await applyOrderValue(order, 'delivered');
    }
    for (const c of [
      complaint(Ayla, 'complaint', 'A', '2035-06-01T10:00:00.000Z'),
      complaint(Ayla, 'request', 'A', '2035-06-02T10:00:00.000Z'),
      complaint(Burak, 'complaint', 'B', '2035-06-03T10:00:00.000Z'),
      complaint(Ece, 'complaint', 'A', '2034-11-29T10:00:00.000Z'), // over 12 months ago
    ]) {
      expect((await transact(cases.createItems(c))).ok).toBe(true);
    }
  });

  it('top 5 % of 2034: four buyers make one, Ayla', async () => {
    expect(await targetList('top-customers', now)).toEqual({
      year: '2034',
      customers: [{ customerId: ids.Ayla, name: 'Ayla Fikstür', revenueTry: 1_000_000, orders: 1, rank: 1 }],
    });
  });

  it('lapsed: Cem (exactly 12 months) and Ece (2033), not Deniz (a day short)', async () => {
    const lapsed = await targetList('lapsed-customers', now);
    expect(lapsed.customers.map((c) => [c.name, 'lastOrderDate' in c && c.lastOrderDate])).toEqual([
      ['Ece Fikstür', '2033-05-05'],
      ['Cem Fikstür', '2034-11-30'],
    ]);
    // Two years back does not reach Ece's 2033.
    expect((await targetList('lapsed-customers', now, 1)).customers.map((c) => c.name)).toEqual(['Cem Fikstür']);
  });

  it('declining: Ayla (900,000 against 1,000,000) and Cem (nothing against 10,000); not Burak, not Deniz', async () => {
    expect((await targetList('declining-customers', now)).customers).toEqual([
      { customerId: ids.Ayla, name: 'Ayla Fikstür', thisYearTry: 900_000, lastYearTry: 1_000_000, changeTry: -100_000 },
      { customerId: ids.Cem, name: 'Cem Fikstür', thisYearTry: 0, lastYearTry: 10_000, changeTry: -10_000 },
    ]);
  });

  it("names, for a team's manager, only the team's customers on each list; the list itself stays firm-wide", async () => {
    // Cem belongs to rep John of team-export; nobody else of the fixture has an owner.
    expect((await transact([ownershipItem(ids.Cem!, { ownerId: 'rep-john', teamId: 'team-export' })])).ok).toBe(true);
    const viewer = (userId: string, role: Role, reach: Viewer['reach'], teamId?: string): Viewer => ({
      actor: { keyId: `key-${userId}`, userId, role, scopes: ['analytics:read'] },
      reach,
      teamId,
    });
    const selin = viewer('mgr-selin', 'manager', 'team', 'team-export');
    const zeynep = viewer('mgr-zeynep', 'manager', 'team', 'team-istanbul');
    const names = async (list: ListName, who: Viewer) =>
      (await targetList(list, now, 3, who)).customers.map((c) => c.name);
    expect(await names('top-customers', selin)).toEqual([]);
    expect(await names('lapsed-customers', selin)).toEqual(['Cem Fikstür']);
    expect(await names('declining-customers', selin)).toEqual(['Cem Fikstür']);
    expect(await names('valuable-complainants', selin)).toEqual([]);
    for (const list of ['top-customers', 'lapsed-customers', 'declining-customers', 'valuable-complainants'] as const) {
      expect([list, await names(list, zeynep)]).toEqual([list, []]);
    }
    // Rep John, Cem's owner, sees him; the director every row.
    expect(await names('declining-customers', viewer('rep-john', 'rep', 'own'))).toEqual(['Cem Fikstür']);
    expect(await names('declining-customers', viewer('dir-kemal', 'director', 'all'))).toEqual([
      'Ayla Fikstür',
      'Cem Fikstür',
    ]);
  });

  it('A customers who complained in the last 12 months: Ayla, once (a request is no complaint)', async () => {
    expect((await targetList('valuable-complainants', now)).customers).toEqual([
      {
        customerId: ids.Ayla,
        name: 'Ayla Fikstür',
        complaints: 1,
        active: 1,
        lastComplaintAt: '2035-06-01T10:00:00.000Z',
      },
    ]);
  });
});

describe('sales performance and the dashboard', () => {
  it("counts a rep's leads, first response, quotes won and commission, and the dashboard counts them too", async () => {
    const rep = `rep-perf-${newId()}`;
    const customerId = await newCustomer('Performans Deneme');
    const now = Date.now();
    const lead = (minutesAgo: number): Lead => {
      const at = new Date(now - minutesAgo * 60_000).toISOString();
      return {
        leadId: newId(),
        customerId,
        status: 'new',
        seq: 1,
        name: 'Performans Deneme',
        language: 'tr',
        owner: { type: 'user', id: rep, ruleId: 'test', teamId: 'team-perf' },
        createdAt: at,
        updatedAt: at,
      };
    };
    const [waiting, answered] = [lead(10), lead(90)];
    for (const l of [waiting, answered]) expect((await transact(leads.createItems(l))).ok).toBe(true);
    // Answered about 90 minutes after it came in.
    expect(
      await saveStatusChange(answered, 'contacted', { actorId: rep, action: 'contact', via: 'api' }, new Date()),
    ).toBeTruthy();
    const sentAt = new Date(now - 60 * 60_000).toISOString();
    // The quote report entries quote-approval writes when a quote is sent and answered.
    const quote = (status: 'accepted' | 'sent', amount: number, quoteId = newId()) => ({
      ...quoteApprovalKeys.quoteReport(customerId, quoteId),
      ...quoteApprovalKeys.quotesSentIn(istanbulMonth(sentAt), sentAt, quoteId),
      type: 'quote-report',
      customerId,
      quoteId,
      owner: rep,
      teamId: 'team-perf',
      status,
      sentAt,
      currency: 'TRY',
      // 20 % KDV on top of the net; a 20 % margin kept as an amount.
      grandTotal: { amount: amount * 1.2, currency: 'TRY' },
      grandTotalTry: { amount: amount * 1.2, currency: 'TRY' },
      netTotalTry: { amount, currency: 'TRY' },
      marginTry: { amount: amount / 5, currency: 'TRY' },
      discountBp: 0,
      marginBp: 2000,
    });
    for (const item of [quote('accepted', 1_000_000), quote('sent', 400_000)]) {
      expect((await transact([{ Put: { TableName: tableName(), Item: item } }])).ok).toBe(true);
    }
    const from = new Date(now - 3 * 60 * 60_000).toISOString();
    const to = new Date(now + 60_000).toISOString();
    const viewer = {
      actor: { keyId: 'k', userId: 'dir-kemal', role: 'director' as const, scopes: [] },
      reach: 'all' as const,
    };
    const byRep = await salesPerformance(viewer, from, to, 'rep');
    const row = byRep.rows.find((r) => r.group === rep);
    // Commission at the default 2 % of the net 1,000,000 (it was 24,000: 2 % of the KDV-inclusive total).
    expect(byRep.commission).toEqual({ basis: 'net', defaultRateBp: 200 });
    expect(row).toMatchObject({
      leadsReceived: 2,
      contacted: 1,
      converted: 0,
      quotesSent: 2,
      quotesWon: 1,
      wonTry: 1_200_000,
      wonNetTry: 1_000_000,
      marginWonTry: 200_000,
      marginWonBp: 2000,
      commissionBasis: 'net',
      commissionTry: 20_000,
    });
    expect(row?.firstResponse.measured).toBe(1);
    expect(row?.firstResponse.medianMinutes).toBeGreaterThanOrEqual(89);
    expect(row?.firstResponse.medianMinutes).toBeLessThanOrEqual(91);
    // Another team's manager does not see the rep.
    const other = {
      actor: { keyId: 'k', userId: 'mgr-selin', role: 'manager' as const, scopes: [] },
      reach: 'team' as const,
      teamId: 'team-export',
    };
    expect((await salesPerformance(other, from, to, 'rep')).rows.find((r) => r.group === rep)).toBeUndefined();

    const counters = await dashboard(from, to);
    expect(counters.leads.received).toBeGreaterThanOrEqual(2);
    expect(counters.leads.byStatus.contacted).toBeGreaterThanOrEqual(1);
    expect(counters.quotes.sent).toBeGreaterThanOrEqual(2);
    expect(counters.quotes.wonTry).toBeGreaterThanOrEqual(1_200_000);

    // Rules saved when the net basis was called `revenue` read as net; margin pays on the margin amounts.
    const rulesKey = analyticsKeys.analyticsRules('COMMISSION_RULES');
    await db().send(new DeleteCommand({ TableName: tableName(), Key: rulesKey }));
    const old = { ...rulesKey, type: 'analytics-rules', basis: 'revenue', defaultRateBp: 200, repRatesBp: {}, seq: 1 };
    await db().send(new PutCommand({ TableName: tableName(), Item: old }));
    expect(await getRules('commission')).toMatchObject({ basis: 'net', seq: 1 });
    await setRules('commission', { basis: 'margin', defaultRateBp: 1000, repRatesBp: {} }, 1, 'admin-test');
    const onMargin = (await salesPerformance(viewer, from, to, 'rep')).rows.find((r) => r.group === rep);
    expect(onMargin).toMatchObject({ commissionBasis: 'margin', marginWonTry: 200_000, commissionTry: 20_000 });
    await db().send(new DeleteCommand({ TableName: tableName(), Key: rulesKey }));
  });
});
