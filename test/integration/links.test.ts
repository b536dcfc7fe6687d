// A signed link with no move of its own is single use by a used-token marker: written in the
// transaction of what the link does, on condition that it is absent, expiring with the token.
import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { beforeAll, describe, expect, it } from 'vitest';
import { db, tableName, transact } from '../../shared/db.js';
import { defineLink } from '../../shared/links.js';
import * as z from '../../shared/schema.js';
import { keys } from '../../shared/table.js';

beforeAll(() => {
  process.env.PUBLIC_BASE_URL = 'https://crm.example.com';
});

const once = defineLink({
  purpose: 'test-once',
  path: '/test',
  claims: z.object({ id: z.string() }),
  ttlSeconds: 3600,
  singleUse: { by: 'marker' },
});

describe('a marker link', () => {
  it('is spent once: a second use of the same token fails its condition; another token of the same claims works', async () => {
    const token = () => once.url({ id: 'x' }).then((url) => new URL(url).searchParams.get('token')!);
    const read = await once.read(await token());
    if (!read.ok) throw new Error('expected a valid token');
    expect(await transact([once.spend(read)])).toEqual({ ok: true });
    expect(await transact([once.spend(read)])).toMatchObject({ ok: false, reasons: ['ConditionalCheckFailed'] });
    const marker = await db().send(
      new GetCommand({ TableName: tableName(), Key: keys.usedLink('test-once', read.jti) }),
    );
    expect(marker.Item).toMatchObject({ type: 'used-link', expiresAt: read.exp });

    const other = await once.read(await token());
    if (!other.ok) throw new Error('expected a valid token');
    expect(await transact([once.spend(other)])).toEqual({ ok: true });
  });
});
