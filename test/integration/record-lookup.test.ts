// One lookup by any spoken number, against DynamoDB Local: a captured lead's L- number and its
// customer's M- number find them for whoever may see them, and for nobody else — a number outside
// the caller's scopes or reach is the same 404 as one nobody holds, with the field it is about.
import type { Context } from 'aws-lambda';
import { beforeAll, describe, expect, it } from 'vitest';
import { captureLead } from '../../functions/lead-capture/capture.js';
import { leadSubmissionSchema } from '../../functions/lead-capture/domain/lead-submission.js';
import { getLead, type Lead } from '../../functions/lead-capture/lead-store.js';
import { handler } from '../../functions/record-lookup/handlers/find-number.js';
import type { HttpEvent } from '../../shared/http.js';
import { recordNumber } from '../../shared/record-numbers.js';

const ask = async (number: string, who: { userId: string; role: string; scopes: string }) => {
  const answer = await handler(
    {
      httpMethod: 'GET',
      resource: '/numbers/{number}',
      path: `/numbers/${encodeURIComponent(number)}`,
      pathParameters: { number },
      headers: {},
      requestContext: { authorizer: { keyId: `k-${who.userId}`, ...who, caller: 'integration' } },
    } as unknown as HttpEvent,
    {} as Context,
  );
  return { status: answer.statusCode, body: JSON.parse(answer.body ?? '{}') };
};

const director = { userId: 'dir-lookup', role: 'director', scopes: 'leads:read customers:read quotes:read' };

let lead: Lead;
beforeAll(async () => {
  const { website, redirect, idempotencyKey, ...submission } = leadSubmissionSchema.parse({
    name: 'Numara Deneme',
    email: `numara-${Math.random().toString(36).slice(2, 10)}@example.com`,
  });
  lead = (await getLead((await captureLead({ submission, ip: '192.0.2.1' })).leadId))!;
});

describe('a number typed into the search box', () => {
  it('finds a lead and its customer, in any letter case, for someone who reaches them', async () => {
    const leadNumber = recordNumber('lead', lead.leadId);
    expect(await ask(leadNumber.toLowerCase(), director)).toEqual({
      status: 200,
      body: { kind: 'lead', id: lead.leadId, number: leadNumber, customerId: lead.customerId },
    });
    expect(await ask(` ${recordNumber('customer', lead.customerId)} `, director)).toMatchObject({
      status: 200,
      body: { kind: 'customer', id: lead.customerId, number: recordNumber('customer', lead.customerId) },
    });
  });

  it('is not found outside the caller’s scopes or reach, as a number nobody holds, and changes nothing', async () => {
    const leadNumber = recordNumber('lead', lead.leadId);
    const notFound = { status: 404, body: { code: 'not-found', errors: [{ path: 'number' }] } };
    // The scope: a director whose key may not read leads.
    expect(await ask(leadNumber, { ...director, scopes: 'customers:read' })).toMatchObject(notFound);
    // The reach: a rep who does not own the lead nor its customer.
    const rep = { userId: 'rep-lookup', role: 'rep', scopes: 'leads:read customers:read' };
    expect(await ask(leadNumber, rep)).toMatchObject(notFound);
    expect(await ask(recordNumber('customer', lead.customerId), rep)).toMatchObject(notFound);
    // The call center answers any caller: an agent finds the customer, not another person's lead.
    const agent = { userId: 'agent-lookup', role: 'agent', scopes: 'leads:read customers:read' };
    expect(await ask(recordNumber('customer', lead.customerId), agent)).toMatchObject({ status: 200 });
    expect(await ask(leadNumber, agent)).toMatchObject(notFound);
    // Another kind's letters, an unknown number, and no number at all.
    expect(await ask(recordNumber('quote', lead.leadId), director)).toMatchObject(notFound);
    expect(await ask('L-00000000', director)).toMatchObject(notFound);
    expect(await ask('not a number', director)).toMatchObject(notFound);
    // Still found for whoever may see it: the misses changed nothing.
    expect(await ask(leadNumber, director)).toMatchObject({ status: 200, body: { id: lead.leadId } });
  });
});
