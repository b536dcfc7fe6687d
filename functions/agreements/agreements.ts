// The agreement use cases: drafted (directly or from an accepted quote), sent to the customer with a
// signed link, accepted through it with evidence, orders placed under it at its prices (by staff, or
// by its monthly schedule exactly once a month), and its owner reminded before it ends. A customer's
// standing order is a schedule without an agreement: placed once a month by the same machinery.
import type { Viewer } from '../../shared/access.js';
import { canSee, isId } from '../../shared/access.js';
import { clockNow } from '../../shared/clock.js';
import { config } from '../../shared/config.js';
import { type Customer, customerVisibleTo, getCustomer } from '../../shared/customer.js';
import { transact } from '../../shared/db.js';
import { getUser } from '../../shared/directory.js';
import { advance } from '../../shared/entity.js';
import type { Recorder } from '../../shared/idempotency.js';
import { newId } from '../../shared/ids.js';
import { loadLazyModule } from '../../shared/lazy-modules.js';
import { onceKey, sendOnce, sendTransactional } from '../../shared/mail.js';
import { type Money, money } from '../../shared/money.js';
import { logger } from '../../shared/observability.js';
import {
  ConflictError,
  type FieldProblem,
  NotFoundError,
  ProblemError,
  ValidationError,
} from '../../shared/problems.js';
import { istanbulDate } from '../../shared/time.js';
import { getPriceList, getProducts, priceFor } from '../catalogue/public.js';
import { placedOrderItems } from '../order-routing/public.js';
import { getQuote } from '../quote-approval/public.js';
import {
  acceptedAgreements,
  activeStandingOrders,
  agreementOwnership,
  agreements,
  findAgreement,
  findStandingOrder,
  ledgerItem,
  periodItem,
  type ScheduleHolder,
  standingOrders,
} from './agreement-store.js';
import {
  type AgreedPrice,
  type Agreement,
  type Commitment,
  duePeriods,
  inForce,
  type OrderedLine,
  priceLine,
  reminderDue,
  type Schedule,
  scheduleProblems,
  validityProblems,
} from './domain/agreement.js';
import type { CreateAgreement, CreateStandingOrder, OrderUnder } from './domain/agreement-input.js';
import type { StandingOrder } from './domain/standing-order.js';
import { acceptLink } from './links.js';
import { agreementPdfModule } from './pdf/agreement-pdf-module.js';
import { agreementNumber } from './templates/agreement-view.js';
import { agreementOfferMail, agreementReminderMail } from './templates/mails.js';

/** pdf-lib and fontkit are loaded on a render only (a lazy module): the other routes never draw one. */
export const renderAgreementPdf = async (a: Agreement) =>
  (await loadLazyModule(agreementPdfModule)).renderAgreementPdf(a);

const notFound = { en: 'The agreement', tr: 'Sözleşme' };
const changed = () =>
  new ConflictError('agreement-changed', {
    en: 'The agreement was changed meanwhile; read it again.',
    tr: 'Sözleşme bu arada değişti; yeniden okuyun.',
  });

/** The firm's name as its mail goes out: the seller on every agreement. */
const sellerName = () => {
  const from = config.mailFrom();
  return from.match(/^\s*"?([^"<]+?)"?\s*</)?.[1] ?? from;
};

/** An agreement the viewer may see: its owner's reach, or the customer's; otherwise the same 404 as a wrong id. */
export const agreementVisibleTo = async (viewer: Viewer, agreementId: string): Promise<Agreement> => {
  const found = isId(agreementId) ? await findAgreement(agreementId) : undefined;
  if (found && canSee(viewer, agreementOwnership(found))) return found;
  if (found && (await customerVisibleTo(viewer, found.customerId).catch(() => undefined))) return found;
  throw new NotFoundError(notFound);
};

const quoteProblem = (en: string, tr: string): FieldProblem => ({ path: 'quoteId', message: { en, tr } });

/** The quote's lines as agreed prices (net per unit) and committed volume. */
const fromQuote = async (customerId: string, quoteId: string) => {
  const quote = await getQuote(customerId, quoteId);
  if (!quote)
    throw new ValidationError([quoteProblem('No such quote of this customer.', 'Müşterinin böyle bir teklifi yok.')]);
  if (quote.status !== 'accepted') {
    throw new ValidationError([
      quoteProblem('An agreement is made from an accepted quote.', 'Sözleşme kabul edilmiş bir tekliften yapılır.'),
    ]);
  }
  const prices: AgreedPrice[] = quote.lines.map((l) => ({
    sku: l.sku,
    unitPrice: money(Math.round(l.net.amount / l.quantity), l.net.currency),
  }));
  const commitments: Commitment[] = quote.lines.map((l) => ({ sku: l.sku, quantity: l.quantity }));
  return { quote, prices, commitments };
};

export const createAgreement = async (
  customer: Customer,
  input: CreateAgreement,
  actor: { userId: string; teamId?: string },
  record: Recorder,
  now = clockNow(),
) => {
  const problems = [
    ...validityProblems(input),
    ...scheduleProblems({ ...input, schedule: input.schedule && { ...input.schedule, skipped: [] } }),
  ];
  if (problems.length) {
    throw new ProblemError(
      422,
      'agreement-ends-before-start',
      { en: 'The agreement cannot run as dated.', tr: 'Sözleşme bu tarihlerle yürütülemez.' },
      problems,
    );
  }
  const quoted = input.quoteId ? await fromQuote(customer.customerId, input.quoteId) : undefined;
  const currency = quoted?.quote.currency ?? input.currency ?? 'TRY';
  const at = now.toISOString();
  const agreement: Agreement = {
    agreementId: newId(),
    customerId: customer.customerId,
    kind: input.kind,
    status: 'draft',
    seq: 1,
    title: input.title,
    quoteId: input.quoteId,
    parties: { seller: sellerName(), buyer: customer.company ?? customer.name },
    terms: input.terms,
    language: customer.language,
    currency,
    priceListId: input.priceListId ?? quoted?.quote.priceListId,
    validFrom: input.validFrom,
    validUntil: input.validUntil,
    prices: [
      ...(quoted?.prices ?? []),
      ...(input.prices ?? []).map(({ unitPrice, currency: own, ...p }) => ({
        ...p,
        ...(unitPrice !== undefined ? { unitPrice: money(unitPrice, own ?? currency) } : {}),
      })),
    ],
    commitments: [...(quoted?.commitments ?? []), ...(input.commitments ?? [])],
    reminderWorkingDays: input.reminderWorkingDays ?? 10,
    schedule: input.schedule && { ...input.schedule, skipped: [] },
    ownerId: actor.userId,
    teamId: actor.teamId,
    createdAt: at,
    updatedAt: at,
  };
  const written = await transact([...agreements.createItems(agreement), ...record(agreement)]);
  if (!written.ok) throw changed();
  return agreement;
};

const moveOrRefuse = async (
  before: Agreement,
  after: Agreement,
  action: string,
  actorId: string,
  via: 'api' | 'link',
) => {
  if (!(await agreements.move(before, after, { history: { actorId, action, via } }))) throw changed();
  return after;
};

/** Sends a draft to the customer: marked sent (guarded), then mailed once with its PDF and acceptance link. */
export const sendAgreement = async (a: Agreement, seq: number, actorId: string, now = clockNow()) => {
  if (a.seq !== seq || a.status !== 'draft') throw changed();
  const customer = await getCustomer(a.customerId);
  if (!customer?.email) {
    throw new ValidationError([
      {
        path: 'customerId',
        message: { en: 'The customer has no e-mail address.', tr: 'Müşterinin e-posta adresi yok.' },
      },
    ]);
  }
  const sent = await moveOrRefuse(
    a,
    advance(a, { status: 'sent', sentAt: now.toISOString(), updatedAt: now.toISOString() }),
    'send',
    actorId,
    'api',
  );
  const until = new Date(Date.parse(`${a.validUntil}T21:00:00Z`));
  const acceptUrl = await acceptLink.url(
    { customerId: a.customerId, agreementId: a.agreementId, seq: sent.seq },
    { now, until },
  );
  await sendOnce(onceKey('agreement-offer', a.agreementId, sent.seq), async () =>
    sendTransactional({
      to: customer.email!,
      customerId: customer.customerId,
      ...agreementOfferMail.render(a.language, { agreement: sent, customerName: customer.name, acceptUrl }),
      attachments: [
        {
          filename: `${agreementNumber(a)}.pdf`,
          content: Buffer.from(await renderAgreementPdf(sent)),
          contentType: 'application/pdf',
        },
      ],
    }),
  );
  return sent;
};

export interface Evidence {
  name: string;
  ip: string;
  userAgent: string;
  linkId: string;
}

/** The customer accepts through the link: only while the agreement is sent at the seq the link names. */
export const acceptAgreement = async (a: Agreement, seq: number, evidence: Evidence, now = clockNow()) => {
  if (a.status !== 'sent' || a.seq !== seq) return false;
  const after = advance(a, {
    status: 'accepted',
    acceptance: { ...evidence, at: now.toISOString() },
    updatedAt: now.toISOString(),
  });
  return agreements.move(a, after, {
    history: { actorId: 'customer', action: 'accept', via: 'link', note: evidence.name },
  });
};

// ---- orders under an agreement ------------------------------------------------------------------

/** Each line at the holder's price, or a refusal naming the field; the catalogue gives categories and list prices. */
export const priceUnder = async (
  a: Pick<ScheduleHolder, 'prices' | 'priceListId'>,
  currency: string,
  lines: { sku: string; quantity: number }[],
  day: string,
) => {
  const [products, priceList] = await Promise.all([
    getProducts(lines.map((l) => l.sku)),
    a.priceListId ? getPriceList(a.priceListId) : undefined,
  ]);
  const listPrice = (sku: string): Money | undefined => {
    try {
      return priceList ? priceFor(priceList, sku, day) : undefined;
    } catch {
      return undefined;
    }
  };
  const priced = lines.map((l, i) =>
    priceLine(a.prices, { ...l, category: products.get(l.sku)?.category, listPrice: listPrice(l.sku) }, currency, i),
  );
  const problems = priced.flatMap((p) => (p.ok ? [] : [p.problem]));
  if (problems.length) {
    throw new ProblemError(
      422,
      'agreement-price-refused',
      { en: 'A line cannot be priced under the agreement.', tr: 'Bir satır sözleşmeyle fiyatlanamıyor.' },
      problems,
    );
  }
  return lines.map((l, i) => {
    const p = priced[i]!;
    if (!p.ok) throw new Error('unreachable');
    return { ...l, unitPrice: p.unitPrice, category: products.get(l.sku)?.category };
  });
};

const notInForce = (a: Agreement) =>
  new ConflictError('agreement-not-in-force', {
    en: `The agreement is ${a.status} and valid ${a.validFrom} to ${a.validUntil}: no orders under it today.`,
    tr: `Sözleşme ${a.status} durumunda ve ${a.validFrom} – ${a.validUntil} arasında geçerli: bugün bu sözleşmeyle sipariş verilemez.`,
  });

const orderItems = async (
  a: ScheduleHolder,
  orderId: string,
  currency: string,
  lines: Awaited<ReturnType<typeof priceUnder>>,
  now: Date,
  requestedDate?: string,
) => {
  const placed = await placedOrderItems(
    {
      orderId,
      customerId: a.customerId,
      ...('agreementId' in a ? { agreementId: a.agreementId } : { standingOrderId: a.standingOrderId }),
      ownerId: a.ownerId,
      teamId: a.teamId,
      currency,
      lines,
      requestedDate,
    },
    now,
  );
  if (!placed) throw new NotFoundError({ en: 'The customer', tr: 'Müşteri' });
  const ordered: OrderedLine[] = lines.map((l) => ({
    sku: l.sku,
    quantity: l.quantity,
    ...(l.category ? { category: l.category } : {}),
  }));
  return { placed, ordered };
};

/** Staff place an order under an agreement in force: priced from it, routed like any order. */
export const orderUnder = async (a: Agreement, input: OrderUnder, record: Recorder, now = clockNow()) => {
  const today = istanbulDate(now);
  if (!inForce(a, today)) throw notInForce(a);
  const lines = await priceUnder(a, input.currency, input.lines, today);
  const orderId = newId();
  const { placed, ordered } = await orderItems(a, orderId, input.currency, lines, now, input.requestedDate);
  const answer = {
    orderId,
    customerId: a.customerId,
    agreementId: a.agreementId,
    status: 'received' as const,
    currency: input.currency,
    lines: placed.order.lines.map((l) => ({
      sku: l.sku,
      quantity: l.quantity,
      unitPrice: l.unitPrice,
      total: l.total,
    })),
    grandTotal: placed.order.totals.grandTotal,
  };
  const written = await transact([
    agreements.unchangedCheck(a),
    ...placed.items,
    ledgerItem(a, orderId, ordered, now.toISOString()),
    ...record(answer),
  ]);
  if (!written.ok) throw changed();
  return answer;
};

/**
 * The month's order of one schedule (an agreement's or a standing order's), created at most once: the
 * order, an agreement's ledger line and the month's marker in one transaction, the marker only if
 * absent. Two sweeps racing place one order.
 */
export const placePeriod = async (h: ScheduleHolder, period: string, now = clockNow()) => {
  const s = h.schedule!;
  const lines = await priceUnder(h, h.currency, s.lines, istanbulDate(now));
  const orderId = newId();
  const { placed, ordered } = await orderItems(h, orderId, h.currency, lines, now);
  const at = now.toISOString();
  const written = await transact([
    ...placed.items,
    periodItem(h, period, orderId, at),
    ...('agreementId' in h ? [ledgerItem(h, orderId, ordered, at, period)] : []),
  ]);
  return written.ok ? orderId : undefined;
};

// ---- standing orders ----------------------------------------------------------------------------

const standingNotFound = { en: 'The standing order', tr: 'Sürekli sipariş' };
const standingChanged = () =>
  new ConflictError('standing-order-changed', {
    en: 'The standing order was changed meanwhile; read it again.',
    tr: 'Sürekli sipariş bu arada değişti; yeniden okuyun.',
  });

/** A standing order the viewer may see: its owner's reach, or the customer's; otherwise a 404. */
export const standingOrderVisibleTo = async (viewer: Viewer, standingOrderId: string): Promise<StandingOrder> => {
  const found = isId(standingOrderId) ? await findStandingOrder(standingOrderId) : undefined;
  if (found && canSee(viewer, agreementOwnership(found))) return found;
  if (found && (await customerVisibleTo(viewer, found.customerId).catch(() => undefined))) return found;
  throw new NotFoundError(standingNotFound);
};

/** A customer's standing order: refused (nothing written) when it ends before it starts or a line has no price. */
export const createStandingOrder = async (
  customer: Customer,
  input: CreateStandingOrder,
  actor: { userId: string; teamId?: string },
  record: Recorder,
  now = clockNow(),
) => {
  if (input.endsOn && input.endsOn < input.startsOn) {
    throw new ProblemError(
      422,
      'agreement-ends-before-start',
      { en: 'The standing order cannot run as dated.', tr: 'Sürekli sipariş bu tarihlerle yürütülemez.' },
      [
        {
          path: 'endsOn',
          message: {
            en: `The standing order ends (${input.endsOn}) before it starts (${input.startsOn}).`,
            tr: `Sürekli sipariş başlamadan (${input.startsOn}) bitiyor (${input.endsOn}).`,
          },
        },
      ],
    );
  }
  const prices: AgreedPrice[] = input.lines.flatMap((l) =>
    l.unitPrice === undefined ? [] : [{ sku: l.sku, unitPrice: money(l.unitPrice, input.currency) }],
  );
  const lines = input.lines.map(({ sku, quantity }) => ({ sku, quantity }));
  await priceUnder({ prices, priceListId: input.priceListId }, input.currency, lines, input.startsOn);
  const at = now.toISOString();
  const standing: StandingOrder = {
    standingOrderId: newId(),
    customerId: customer.customerId,
    status: 'active',
    seq: 1,
    currency: input.currency,
    priceListId: input.priceListId,
    prices,
    schedule: { dayOfMonth: input.dayOfMonth, startsOn: input.startsOn, lines, skipped: [] },
    validUntil: input.endsOn,
    ownerId: actor.userId,
    teamId: actor.teamId,
    createdAt: at,
    updatedAt: at,
  };
  const written = await transact([...standingOrders.createItems(standing), ...record(standing)]);
  if (!written.ok) throw standingChanged();
  return standing;
};

const withSkipped = (s: Schedule, period: string): Schedule => ({
  ...s,
  skipped: [...new Set([...s.skipped, period])].sort(),
});

/** One month of an agreement's schedule skipped before it is placed (guarded by the seq the caller saw). */
export const skipPeriod = async (a: Agreement, seq: number, period: string, actorId: string, now = clockNow()) => {
  if (a.seq !== seq) throw changed();
  if (!a.schedule) {
    throw new ValidationError([
      {
        path: 'period',
        message: { en: 'The agreement orders on no schedule.', tr: 'Sözleşmede dönemsel sipariş yok.' },
      },
    ]);
  }
  const after = advance(a, { schedule: withSkipped(a.schedule, period), updatedAt: now.toISOString() });
  return moveOrRefuse(a, after, 'skip', actorId, 'api');
};

/** One month of a standing order skipped before it is placed (guarded by the seq the caller saw). */
export const skipStandingPeriod = async (
  s: StandingOrder,
  seq: number,
  period: string,
  actorId: string,
  now = clockNow(),
) => {
  if (s.seq !== seq) throw standingChanged();
  const after = advance(s, { schedule: withSkipped(s.schedule, period), updatedAt: now.toISOString() });
  if (!(await standingOrders.move(s, after, { history: { actorId, action: 'skip', via: 'api' } }))) {
    throw standingChanged();
  }
  return after;
};

// ---- the daily sweep ----------------------------------------------------------------------------

const remind = async (a: Agreement, reminder: 'renewal' | 'expired', now: Date) => {
  const [owner, customer] = await Promise.all([getUser(a.ownerId), getCustomer(a.customerId)]);
  if (!owner) return false;
  const outcome = await sendOnce(
    onceKey(`agreement-${reminder}`, a.agreementId, a.validUntil),
    () =>
      sendTransactional({
        to: owner.email,
        ...agreementReminderMail.render(owner.language, {
          agreement: a,
          reminder,
          customerName: customer?.company ?? customer?.name ?? a.parties.buyer,
        }),
      }),
    now,
  );
  return outcome.first;
};

/**
 * Every accepted agreement as of `now`: this month's scheduled orders placed (once), the owner
 * reminded to renew on the working day it falls due (once), and one past its end moved to expired;
 * then every active standing order's due months placed (once).
 */
export const sweepAgreements = async (now = clockNow()) => {
  const today = istanbulDate(now);
  const counts = { agreements: 0, standingOrders: 0, ordersPlaced: 0, reminders: 0, expired: 0, failed: 0 };
  for (const a of await acceptedAgreements()) {
    counts.agreements++;
    try {
      if (inForce(a, today)) {
        for (const p of duePeriods(a, today)) if (await placePeriod(a, p.period, now)) counts.ordersPlaced++;
      }
      const due = reminderDue(a, today);
      if (due === 'renewal' && (await remind(a, 'renewal', now))) counts.reminders++;
      if (due === 'expired') {
        const after = advance(a, { status: 'expired', expiredAt: now.toISOString(), updatedAt: now.toISOString() });
        if (await agreements.move(a, after, { history: { actorId: 'system', action: 'expire', via: 'api' } }))
          counts.expired++;
        if (await remind(after, 'expired', now)) counts.reminders++;
      }
    } catch (error) {
      // One agreement's trouble (a product gone from the catalogue) must not hold up the others.
      logger.error('agreement sweep failed for one agreement', { agreementId: a.agreementId, error });
      counts.failed++;
    }
  }
  for (const s of await activeStandingOrders()) {
    counts.standingOrders++;
    try {
      for (const p of duePeriods(s, today)) if (await placePeriod(s, p.period, now)) counts.ordersPlaced++;
    } catch (error) {
      logger.error('standing order sweep failed for one order', { standingOrderId: s.standingOrderId, error });
      counts.failed++;
    }
  }
  return counts;
};
