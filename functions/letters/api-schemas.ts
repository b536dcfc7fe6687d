// The letters routes' request and response schemas: the manifest declares them, the handlers get
// their requests parsed with them, and the OpenAPI document is generated from them.
import * as z from '../../shared/schema.js';
import { labelLayoutNames } from './domain/label-layout.js';
import { addressLimits } from './domain/postal-address.js';

export const customerParams = z.strictObject({ customerId: z.string() });
export const runParams = z.strictObject({ runId: z.string() });
export const runsQuery = z.strictObject({
  status: z.optional(z.enum(['counting', 'printing', 'done'])),
  limit: z._default(z.coerce.number().check(z.int(), z.gte(1), z.lte(100)), 25),
  cursor: z.optional(z.string().check(z.maxLength(2000))),
});
export const quoteParams = z.strictObject({ quoteId: z.string() });
export const postedBody = z.strictObject({ seq: z.int().check(z.positive()) });
export const quotePosted = z.strictObject({
  quoteId: z.string(),
  postedAt: z.string(),
  seq: z.int(),
  /** `sent`: an approved quote posted is sent (as by e-mail); a sent or accepted one keeps its status. */
  status: z.string(),
});
export const partParams = z.strictObject({ runId: z.string(), part: z.string() });

// Lengths and shapes are judged by the address rules, which name each field in one 422.
const field = (max: number) => z.string().check(z.maxLength(max * 4));
export const postalAddress = z.strictObject({
  mahalle: field(addressLimits.mahalle),
  street: field(addressLimits.street),
  buildingNo: field(addressLimits.buildingNo),
  doorNo: z.optional(field(addressLimits.doorNo)),
  district: field(addressLimits.district),
  province: field(addressLimits.province),
  postalCode: field(addressLimits.postalCode),
});

export const setAddressBody = z.strictObject({
  address: postalAddress,
  /** The version the caller saw (0 before any address): a stale write is a 409. */
  seq: z.int().check(z.gte(0)),
});

export const storedAddress = z.strictObject({
  customerId: z.string(),
  address: z.nullable(postalAddress),
  seq: z.int(),
  updatedAt: z.optional(z.string()),
});

const version = z.strictObject({ subject: z.optional(z.requiredLine(200)), body: z.text(3000).check(z.minLength(1)) });

export const createRunBody = z.strictObject({
  kind: z.enum(['letters', 'labels']),
  segmentId: z.requiredLine(100),
  /** Commercial letters pass the postal gate (suppression, frequency cap); transactional ones do not. */
  purpose: z.enum(['commercial', 'transactional']),
  topic: z.optional(z.requiredLine(50)),
  layout: z.optional(z.enum(labelLayoutNames as ['3x8', '3x7'])),
  template: z.optional(z.strictObject({ tr: version, en: version })),
  letterhead: z.optional(
    z.strictObject({ name: z.requiredLine(100), lines: z.array(z.requiredLine(120)).check(z.maxLength(4)) }),
  ),
  partSize: z.optional(z.int().check(z.gte(1), z.lte(5000))),
});

export const run = z.looseObject({
  runId: z.string(),
  kind: z.enum(['letters', 'labels']),
  segmentId: z.string(),
  purpose: z.enum(['commercial', 'transactional']),
  /** `counting` (its segment counted in the background), then `printing` part by part, then `done`. */
  status: z.enum(['counting', 'printing', 'done']),
  partSize: z.int(),
  parts: z.int(),
  printed: z.int(),
  skipped: z.record(z.string(), z.int()),
  recipients: z.int(),
  /** A part printer is at work on the run now (its next part is being printed). */
  printing: z.boolean(),
  /** Parts stored of the parts the run will take (an estimate until it is done), letters printed. */
  progress: z.strictObject({ partsDone: z.int(), partsTotal: z.int(), lettersDone: z.int(), recipients: z.int() }),
  createdAt: z.string(),
});

export const runPage = z.strictObject({ items: z.array(run), next: z.optional(z.string()) });
