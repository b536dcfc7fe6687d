// What a web shop, an ERP or the call center may send to POST /orders, and what staff and units
// may send to move an order. Status, routing and owner are the CRM's to set.
import { toE164 } from '../../../shared/contact.js';
import { defaultLanguage, languages } from '../../../shared/language.js';
import { notAnEmail, notAPhone } from '../../../shared/messages.js';
import { currencySchema } from '../../../shared/money.js';
import * as z from '../../../shared/schema.js';
import { isoDateSchema } from '../../../shared/time.js';
import { requestableStatuses } from './lifecycle.js';

const optionalLine = (max: number) =>
  z.optional(
    z
      .line(max)
      .check(z.minLength(1, z.said({ en: 'Leave it out or fill it in.', tr: 'Ya hiç göndermeyin ya da doldurun.' }))),
  );

export const orderCustomerSchema = z
  .strictObject({
    name: z.requiredLine(200),
    email: z.optional(z.email(z.said(notAnEmail)).check(z.maxLength(254))),
    phone: z.optional(
      z.string().check(
        z.maxLength(40),
        z.refine((p) => toE164(p) !== undefined, z.said(notAPhone)),
      ),
    ),
    company: optionalLine(200),
    language: z._default(z.enum(languages), defaultLanguage),
    /** The dealer the customer prefers, for a new customer (a known one keeps theirs). */
    preferredDealerId: optionalLine(100),
  })
  .check(
    z.refine((c) => Boolean(c.email || c.phone), {
      ...z.said({
        en: 'Give an e-mail address or a phone number.',
        tr: 'Bir e-posta adresi veya telefon numarası verin.',
      }),
      path: ['email'],
    }),
  );

export const orderLineSchema = z.strictObject({
  sku: z.requiredLine(100),
  quantity: z.int().check(z.positive(), z.lte(1_000_000)),
  /** Per unit, in integer minor units of `currency`. */
  unitPrice: z.int().check(z.gte(0), z.lte(1e13)),
  currency: currencySchema,
});

export const orderIntakeSchema = z
  .strictObject({
    customer: orderCustomerSchema,
    lines: z
      .array(orderLineSchema)
      .check(
        z.minLength(1, z.said({ en: 'An order has at least one line.', tr: 'Bir siparişte en az bir satır olur.' })),
        z.maxLength(200),
      ),
    delivery: z.strictObject({ address: z.requiredLine(500), city: z.requiredLine(100), region: optionalLine(100) }),
    requestedDate: z.optional(isoDateSchema),
    channel: z.enum(['web-shop', 'erp', 'call-center']),
    /** The shop's or ERP's own order number, for their reconciliation. */
    externalRef: optionalLine(100),
  })
  .check(
    z.refine((o) => new Set(o.lines.map((l) => l.currency)).size <= 1, {
      ...z.said({
        en: 'Every line of an order has the same currency.',
        tr: 'Bir siparişin bütün satırları aynı para biriminde olur.',
      }),
      path: ['lines'],
    }),
  );
export type OrderIntake = z.infer<typeof orderIntakeSchema>;

export const statusChangeSchema = z.strictObject({
  status: z.enum(requestableStatuses),
  note: z.optional(z.text(1000)),
  /** The seq the caller read: a move based on a stale read is refused. */
  seq: z.optional(z.int().check(z.positive())),
});
export type StatusChange = z.infer<typeof statusChangeSchema>;
