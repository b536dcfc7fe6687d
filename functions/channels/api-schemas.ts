// The channel routes' request and response schemas: the manifest declares them, the handlers get
// their requests parsed with them, and the OpenAPI document is generated from them.
import * as z from '../../shared/schema.js';
import { noticeChannels } from './domain/channel-choice.js';
import { noticeKinds } from './notices.js';

export type AnySchema = z.core.$ZodType;

/** Path ids are checked against the caller's reach (an unknown or foreign id is a 404), so any string passes here. */
export const customerParams = z.strictObject({ customerId: z.string() });

export const setPreferenceBody = z.strictObject({
  channel: z.enum(noticeChannels),
  /** The version the caller saw (0 before any choice): a stale write is a 409. */
  seq: z.optional(z.int().check(z.gte(0))),
});

export const preference = z.strictObject({
  customerId: z.string(),
  channel: z.nullable(z.enum(noticeChannels)),
  seq: z.int(),
  via: z.optional(z.enum(['staff', 'link'])),
  updatedAt: z.optional(z.string()),
  reachable: z.strictObject({ email: z.boolean(), sms: z.boolean(), letter: z.boolean() }),
});

export const preferenceLinkAnswer = z.strictObject({ url: z.string(), expiresAt: z.string() });

const bilingual = (max: number) =>
  z.strictObject({ tr: z.text(max).check(z.minLength(1)), en: z.text(max).check(z.minLength(1)) });

export const noticeBody = z.strictObject({
  kind: z.enum(noticeKinds),
  subject: z.strictObject({ tr: z.requiredLine(200), en: z.requiredLine(200) }),
  text: bilingual(2000),
});

export const noticeSent = z.strictObject({
  noticeId: z.string(),
  kind: z.enum(noticeKinds),
  channel: z.enum(noticeChannels),
  /** Present when the preferred channel could not be used and the notice fell back. */
  preferred: z.optional(z.enum(noticeChannels)),
  status: z.enum(['sent', 'skipped']),
  messageId: z.optional(z.string()),
  reason: z.optional(z.string()),
});

export const tokenQuery = z.looseObject({ token: z.optional(z.string()) });
export const choiceForm = z.looseObject({ channel: z.optional(z.string()) });
