// The people and API-key routes' request and response schemas: the manifest declares them on the
// routes, the handlers get their requests parsed with them, and the OpenAPI document is generated from them.
import { roles } from '../../shared/http.js';
import { scopes } from '../../shared/manifest.js';
import { notAnEmail } from '../../shared/messages.js';
import * as z from '../../shared/schema.js';

const id = z.requiredLine(100);
const seq = z.number().check(z.int(), z.gte(0));
export const pageQuery = z.strictObject({
  limit: z._default(z.coerce.number().check(z.int(), z.gte(1), z.lte(50)), 25),
  cursor: z.optional(z.string().check(z.maxLength(2000))),
});

// ---- the caller ---------------------------------------------------------------------------------

export const me = z.strictObject({
  userId: z.string(),
  /** Absent when the key acts as a user the directory does not know. */
  name: z.optional(z.string()),
  role: z.enum(roles),
  teamId: z.optional(z.string()),
  unitId: z.optional(z.string()),
  scopes: z.array(z.enum(scopes)),
  /** `person`: signed in with the pool; `key`: an integration's (or a person's) API key. */
  kind: z.enum(['person', 'key']),
});

// ---- people ---------------------------------------------------------------------------------------

export const personParams = z.strictObject({ userId: z.string() });

const email = z.pipe(z.requiredLine(254), z.email(z.said(notAnEmail)));

export const inviteBody = z.strictObject({
  email,
  name: z.requiredLine(200),
  role: z.enum(roles),
  /** Default: `<role>-<the e-mail's local part>`. */
  userId: z.optional(
    z.string().check(
      z.regex(
        /^[a-z0-9][a-z0-9-]{1,62}$/,
        z.said({
          en: 'Lower-case letters, digits and hyphens, 2–63 characters.',
          tr: 'Küçük harfler, rakamlar ve kısa çizgiler; 2–63 karakter.',
        }),
      ),
    ),
  ),
  teamId: z.optional(id),
  unitId: z.optional(id),
  language: z._default(z.enum(['tr', 'en']), 'tr'),
});

export const roleBody = z.strictObject({ role: z.enum(roles), teamId: z.optional(id), unitId: z.optional(id), seq });
export const disableBody = z.strictObject({ seq });

export const person = z.strictObject({
  userId: z.string(),
  name: z.string(),
  email: z.string(),
  role: z.enum(roles),
  language: z.enum(['tr', 'en']),
  teamId: z.optional(z.string()),
  unitId: z.optional(z.string()),
  disabledAt: z.optional(z.string()),
  seq: z.number(),
  /** Their Cognito user; null when they have none (a person only keys act as). */
  signIn: z.nullable(z.strictObject({ enabled: z.boolean(), status: z.string() })),
});

const auditEntry = z.strictObject({
  at: z.string(),
  actorId: z.string(),
  action: z.string(),
  via: z.enum(['api', 'cli']),
  note: z.optional(z.string()),
});

export const personDetail = z.strictObject({ ...person.shape, history: z.array(auditEntry) });
export const peoplePage = z.strictObject({ people: z.array(person), nextCursor: z.optional(z.string()) });

// ---- API keys -------------------------------------------------------------------------------------

export const keyParams = z.strictObject({ keyId: z.string() });

/** Loose on purpose: the key rules (shared/api-keys.ts) answer each field, as `npm run keys` does. */
export const createKeyBody = z.strictObject({
  label: z.optional(z.line(200)),
  userId: z.optional(z.line(100)),
  role: z.optional(z.line(20)),
  scopes: z.optional(z.array(z.line(50)).check(z.maxLength(40))),
});

export const apiKey = z.strictObject({
  keyId: z.string(),
  label: z.string(),
  userId: z.string(),
  role: z.enum(roles),
  scopes: z.array(z.enum(scopes)),
  createdAt: z.string(),
  createdBy: z.optional(z.string()),
  revokedAt: z.optional(z.string()),
  revokedBy: z.optional(z.string()),
});

/** 201 carries `key`, once; a retry with the same Idempotency-Key answers 200 without it. */
export const createdKey = z.strictObject({ ...apiKey.shape, key: z.optional(z.string()) });
export const keysPage = z.strictObject({ keys: z.array(apiKey), nextCursor: z.optional(z.string()) });
