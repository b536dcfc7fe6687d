// Invoices and payments the ERP posts onto an order, in the order's customer's partition with their
// event in one transaction. The ERP's number is the item's key: posted twice, recorded once.

import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { clockNow } from '../../shared/clock.js';
import { db, putNew, tableName, transact } from '../../shared/db.js';
import { outboxPut } from '../../shared/outbox.js';
import { ConflictError, ProblemError, ValidationError } from '../../shared/problems.js';
import { fromItem, type Key } from '../../shared/table.js';
import { catalogue } from '../event-table.js';
import { findOrder, type Order } from '../order-routing/public.js';
import { type Invoice, type InvoiceBody, type Payment, type PaymentBody, samePosting } from './domain/postings.js';
import { erpKeys } from './keys.js';

const unknownOrder = (orderId: string) =>
  new ProblemError(
    422,
    'unknown-order',
    { en: `There is no order ${orderId}.`, tr: `${orderId} diye bir sipariş yok.` },
    [{ path: 'orderId', message: { en: 'No such order.', tr: 'Böyle bir sipariş yok.' } }],
  );

const orderOf = async (orderId: string): Promise<Order> => {
  const order = await findOrder(orderId);
  if (!order) throw unknownOrder(orderId);
  return order;
};

const wrongCurrency = (order: Order) =>
  new ValidationError([
    {
      path: 'currency',
      message: { en: `In the order's ${order.currency}.`, tr: `Siparişin para birimi ${order.currency}.` },
    },
  ]);

const reused = (field: string) =>
  new ConflictError('erp-number-reused', {
    en: `This ${field} was posted before with other figures.`,
    tr: `Bu ${field === 'invoiceNumber' ? 'fatura numarası' : 'ödeme numarası'} daha önce başka bilgilerle gönderildi.`,
  });

const read = async (key: Key) =>
  (await db().send(new GetCommand({ TableName: tableName(), Key: key, ConsistentRead: true }))).Item;

/**
 * Writes the posting and its event once. The same posting again answers what was recorded with
 * `recorded: false`; the same number with other figures is a 409, so a mistake is not swallowed.
 */
const postOnce = async <T extends { postedAt: string }>(
  key: Key,
  type: 'erp-invoice' | 'erp-payment',
  posting: T,
  body: Record<string, unknown>,
  numberField: string,
  event: (now: Date) => ReturnType<typeof outboxPut>,
  now: Date,
): Promise<{ recorded: boolean; posting: T }> => {
  const existing = await read(key);
  if (!existing) {
    const written = await transact([putNew({ ...key, type, ...posting }), event(now)]);
    if (written.ok) return { recorded: true, posting };
  }
  // Posted before, or by a retry racing this one: the stored posting decides.
  const stored = existing ?? (await read(key));
  if (!stored) throw new Error(`${type} ${key.sk} was neither written nor found`);
  if (!samePosting(stored, body)) throw reused(numberField);
  return { recorded: false, posting: fromItem<T>(stored) };
};

export const postInvoice = async (body: InvoiceBody, now = clockNow()) => {
  const order = await orderOf(body.orderId);
  if (body.currency !== order.currency) throw wrongCurrency(order);
  const invoice: Invoice = { ...body, customerId: order.customerId, postedAt: now.toISOString() };
  return postOnce(
    erpKeys.invoice(order.customerId, body.invoiceNumber),
    'erp-invoice',
    invoice,
    body,
    'invoiceNumber',
    (at) =>
      outboxPut(
        catalogue.InvoicePosted,
        {
          orderId: order.orderId,
          customerId: order.customerId,
          invoiceNumber: body.invoiceNumber,
          eInvoiceType: body.eInvoiceType,
          amount: body.amount,
          currency: body.currency,
        },
        at,
      ),
    now,
  );
};

export const postPayment = async (body: PaymentBody, now = clockNow()) => {
  const order = await orderOf(body.orderId);
  if (body.currency !== order.currency) throw wrongCurrency(order);
  const payment: Payment = { ...body, customerId: order.customerId, postedAt: now.toISOString() };
  return postOnce(
    erpKeys.payment(order.customerId, body.paymentId),
    'erp-payment',
    payment,
    body,
    'paymentId',
    (at) =>
      outboxPut(
        catalogue.PaymentPosted,
        {
          orderId: order.orderId,
          customerId: order.customerId,
          paymentId: body.paymentId,
          amount: body.amount,
          currency: body.currency,
          paidOn: body.paidOn,
        },
        at,
      ),
    now,
  );
};
