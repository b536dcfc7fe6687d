// The call center's lookup and its read log, against DynamoDB Local: an agent's lookup writes one
// entry per customer it shows (beside its read), someone who may not see the caller gets the unknown
// caller's 404 and leaves no entry, and a lookup whose entry cannot be written is not answered. Amazon
// Connect's lookup, which hands the caller to a contact flow, is logged as read by Connect.
import type { Context } from 'aws-lambda';
import { beforeAll, describe, expect, it } from 'vitest';
import { answerCaller, connectActor } from '../../functions/connect/caller-lookup.js';
import { handler } from '../../functions/customer-record/handlers/lookup-customer.js';
import { readsByUser, readsOfCustomer } from '../../functions/customer-record/public.js';
import { captureLead } from '../../functions/lead-capture/capture.js';
import { leadSubmissionSchema } from '../../functions/lead-capture/domain/lead-submission.js';
import { getLead } from '../../functions/lead-capture/lead-store.js';
import { db } from '../../shared/db.js';
import type { HttpEvent } from '../../shared/http.js';
import { newId } from '../../shared/ids.js';

const lookup = (phone: string, who: { userId: string; role: string }) =>
  handler.binding.run(
    {
      httpMethod: 'GET',
      resource: '/customers/lookup',
      path: '/customers/lookup',
      queryStringParameters: { phone },
      headers: {},
      requestContext: {
        authorizer: { keyId: `k-${who.userId}`, ...who, scopes: 'customers:read', caller: 'integration' },
      },
    } as unknown as HttpEvent,
    {} as Context,
  );

const failed = (promise: Promise<unknown>) =>
  promise.then(
    () => undefined,
    (error: unknown) => error as Error & { status?: number; code?: string },
  );

let customerId = '';
/** A mobile number of this run's own, in E.164 and as a caller would say it. */
const digits = String(Date.now()).slice(-7);
const spoken = `0 (533) ${digits.slice(0, 3)} ${digits.slice(3, 5)} ${digits.slice(5)}`;

beforeAll(async () => {
  const { website, redirect, idempotencyKey, ...submission } = leadSubmissionSchema.parse({
    name: 'Arayan Deneme',
    phone: `+90533${digits}`,
  });
  customerId = (await getLead((await captureLead({ submission, ip: '192.0.2.1' })).leadId))!.customerId;
});

describe("the call center's lookup and the read log", () => {
  it("an agent's lookup answers the caller and writes exactly one entry for them, with the route", async () => {
    const agent = { userId: `agent-${newId()}`, role: 'agent' };
    const answer = await lookup(spoken, agent);
    expect(answer.statusCode).toBe(200);
    expect(
      JSON.parse(answer.body).matches.map((m: { customer: { customerId: string } }) => m.customer.customerId),
    ).toEqual([customerId]);
    expect((await readsByUser(agent.userId, 10)).items).toEqual([
      expect.objectContaining({ customerId, userId: agent.userId, role: 'agent', route: 'GET /customers/lookup' }),
    ]);
    expect((await readsOfCustomer(customerId, 50)).items.filter((r) => r.userId === agent.userId)).toHaveLength(1);
  });

  it("Amazon Connect's lookup logs the caller it hands the contact flow, as read by Connect", async () => {
    const attributes = await answerCaller(
      { Details: { ContactData: { CustomerEndpoint: { Address: `+90533${digits}`, Type: 'TELEPHONE_NUMBER' } } } },
      undefined,
      'https://console.example.com',
    );
    expect(attributes).toMatchObject({ lookupResult: 'found', customerNumber: customerId });
    const reads = (await readsOfCustomer(customerId, 50)).items.filter((r) => r.userId === connectActor.userId);
    expect(reads).toEqual([expect.objectContaining({ customerId, role: 'agent', route: 'CONNECT caller lookup' })]);
  });

  it('someone who may not see the caller gets 404 unknown-caller on the phone field, and no entry', async () => {
    const rep = { userId: `rep-${newId()}`, role: 'rep' };
    const refused = await failed(lookup(spoken, rep));
    expect(refused).toMatchObject({ status: 404, code: 'unknown-caller', errors: [{ path: 'phone' }] });
    expect((await readsByUser(rep.userId, 10)).items).toEqual([]);
  });
});

/** Makes the SDK refuse every read-log put while `work` runs. */
const refusingReadLog = async <T>(work: () => Promise<T>) => {
  const name = 'refuseReadLog';
  db().middlewareStack.add(
    (next, context) => async (args) => {
      const item = (args.input as { Item?: { type?: string } }).Item;
      if (context.commandName === 'PutItemCommand' && item?.type === 'record-read') {
        throw new Error('the table refused the read log');
      }
      return next(args);
    },
    { step: 'initialize', name },
  );
  try {
    return await work();
  } finally {
    db().middlewareStack.remove(name);
  }
};

describe('a lookup whose read-log entry cannot be written', () => {
  it('is not answered (the SDK made to fail that put)', async () => {
    const agent = { userId: `agent-${newId()}`, role: 'agent' };
    const refused = await refusingReadLog(() => failed(lookup(spoken, agent)));
    expect(refused?.message).toBe('the table refused the read log');
    expect((await readsByUser(agent.userId, 10)).items).toEqual([]);
  });

  it("gives Amazon Connect's flow no caller either (the SDK made to fail that put)", async () => {
    const before = (await readsOfCustomer(customerId, 50)).items.filter((r) => r.userId === connectActor.userId);
    const refused = await refusingReadLog(() =>
      failed(
        answerCaller(
          { Details: { ContactData: { CustomerEndpoint: { Address: spoken, Type: 'TELEPHONE_NUMBER' } } } },
          undefined,
          'https://console.example.com',
        ),
      ),
    );
    expect(refused?.message).toBe('the table refused the read log');
    const after = (await readsOfCustomer(customerId, 50)).items.filter((r) => r.userId === connectActor.userId);
    expect(after).toHaveLength(before.length);
  });
});
