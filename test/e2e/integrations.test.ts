// Integrations over HTTP on the local stack, one story: an admin subscribes a receiver (a small HTTP
// server in this test) to OrderRouted and is refused an SSRF URL and an unknown event type; a web
// shop's order is routed and reaches the receiver once, verified with the Standard Webhooks library;
// then an AI agent's MCP client (the SDK's own) finds the order's customer and logs a call, each tool
// call audited, and the same client with a read-only key is refused the write as the API refuses it.
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { DynamoDBClient, paginateScan } from '@aws-sdk/client-dynamodb';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import { Webhook } from 'standardwebhooks';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { api, uniquePerson } from '../support/e2e.js';
import { call, fireSchedule } from '../support/quotes.js';

let receiver: Server;
let receiverUrl: string;
const received: { headers: IncomingHttpHeaders; body: string }[] = [];

beforeAll(async () => {
  receiver = createServer((req, res) => {
    let body = '';
    req.on('data', (chunk) => {
      body += chunk;
    });
    req.on('end', () => {
      received.push({ headers: req.headers, body });
      res.writeHead(204).end();
    });
  });
  await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
  receiverUrl = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/crm-events`;
});
afterAll(() => new Promise<void>((resolve) => receiver.close(() => resolve())));

const admin = () => inject('peopleKeys').admin;
const idem = () => ({ 'idempotency-key': `int-${Math.random().toString(36).slice(2)}` });
const problemPaths = (body: unknown) => (body as { errors?: { path: string }[] }).errors?.map((e) => e.path);

const mcpClient = async (key: string) => {
  const client = new Client({ name: 'pusula-e2e-agent', version: '1.0.0' });
  const transport = new StreamableHTTPClientTransport(new URL(`${api()}/mcp`), {
    requestInit: { headers: { authorization: `Bearer ${key}` } },
  });
  await client.connect(transport);
  return client;
};

const textOf = (result: object) =>
  (((result as { content?: unknown }).content as { text: string }[] | undefined) ?? []).map((c) => c.text).join('');

describe('integrations', () => {
  let customerId = '';
  let phone = '';

  it('delivers a routed order to a subscribed receiver once, signed; refuses SSRF and unknown types', async () => {
    const ssrf = await call('POST', '/webhooks', admin(), {
      url: 'https://169.254.169.254/latest/meta-data/',
      eventTypes: ['OrderRouted'],
    });
    expect([ssrf.status, (ssrf.body as { code: string }).code, problemPaths(ssrf.body)]).toEqual([
      400,
      'validation-failed',
      ['url'],
    ]);
    const unknownType = await call('POST', '/webhooks', admin(), { url: receiverUrl, eventTypes: ['OrderTeleported'] });
    expect([unknownType.status, problemPaths(unknownType.body)]).toEqual([400, ['eventTypes.0']]);
    const noScope = await call('POST', '/webhooks', inject('orderKeys').shop, {
      url: receiverUrl,
      eventTypes: ['OrderRouted'],
    });
    expect(noScope.status).toBe(403);

    const made = await call<{ subscriptionId: string; secret: string; status: string }>('POST', '/webhooks', admin(), {
      url: receiverUrl,
      eventTypes: ['OrderRouted'],
    });
    expect([made.status, made.body.status]).toEqual([201, 'active']);
    const { subscriptionId, secret } = made.body;

    const person = uniquePerson('webhook-order');
    const order = await call<{ orderId: string; customerId: string }>(
      'POST',
      '/orders',
      inject('orderKeys').shop,
      {
        customer: { name: person.name, email: person.email, phone: person.localPhone, language: 'tr' },
        lines: [{ sku: 'FL-25E', quantity: 1, unitPrice: 95_000_000, currency: 'TRY' }],
        delivery: { address: 'Deneme Sokak 5', city: 'Ankara' },
        requestedDate: '2026-12-15',
        channel: 'web-shop',
      },
      idem(),
    );
    expect(order.status, order.text).toBe(201);
    customerId = order.body.customerId;
    phone = person.phone;
    await fireSchedule('webhooks.deliver-webhooks');
    await fireSchedule('webhooks.deliver-webhooks');

    const verifier = new Webhook(secret);
    const mine = received
      .map((r) => ({
        r,
        event: verifier.verify(r.body, r.headers as Record<string, string>) as {
          type: string;
          data: { orderId: string };
        },
      }))
      .filter(({ event }) => event.data.orderId === order.body.orderId);
    expect(mine).toHaveLength(1);
    expect(mine[0]!.event).toMatchObject({
      type: 'OrderRouted',
      data: { orderId: order.body.orderId, customerId, unitId: 'dealer-ankara' },
    });
    expect(JSON.stringify(mine[0]!.event)).not.toContain(person.email);
    const tampered = mine[0]!.r.body.replace('dealer-ankara', 'dealer-izmir');
    expect(() => verifier.verify(tampered, mine[0]!.r.headers as Record<string, string>)).toThrow();

    const listed = await call<{ deliveries: { eventId: string; status: string; responseCode?: number }[] }>(
      'GET',
      `/webhooks/${subscriptionId}/deliveries`,
      admin(),
    );
    const delivered = listed.body.deliveries.find((d) => d.eventId === mine[0]!.r.headers['webhook-id']);
    expect(delivered).toMatchObject({ status: 'delivered', responseCode: 204 });
    const off = await call('POST', `/webhooks/${subscriptionId}/disable`, admin());
    expect(off.status).toBe(200);
  });

  it('lets an MCP client find the customer and log a call, audited, and refuses a read-only key the write', async () => {
    expect(customerId).not.toBe('');
    const agent = await mcpClient(inject('activityKeys').agent);
    const { tools } = await agent.listTools();
    expect(tools.map((t) => t.name)).toEqual(expect.arrayContaining(['lookup_caller', 'log_call', 'find_customers']));
    const found = await agent.callTool({ name: 'lookup_caller', arguments: { phone } });
    expect(found.isError ?? false).toBe(false);
    const matches = (found.structuredContent as { matches: { customer: { customerId: string } }[] }).matches;
    expect(matches.map((m) => m.customer.customerId)).toEqual([customerId]);

    const now = Date.now();
    const callBody = {
      kind: 'call',
      direction: 'in',
      startedAt: new Date(now - 5 * 60_000).toISOString(),
      endedAt: new Date(now - 60_000).toISOString(),
      outcome: 'reached',
      notes: 'Asked about delivery; told it is on its way.',
    };
    const logged = await agent.callTool({ name: 'log_call', arguments: { customerId, body: callBody } });
    expect(logged.isError ?? false, textOf(logged)).toBe(false);
    const activityId = (logged.structuredContent as { activity: { activityId: string } }).activity.activityId;
    const timeline = await call<{ activities: { activityId: string; kind: string }[] }>(
      'GET',
      `/customers/${customerId}/activities`,
      inject('activityKeys').agent,
    );
    expect(timeline.body.activities.filter((a) => a.activityId === activityId).map((a) => a.kind)).toEqual(['call']);
    await agent.close();

    const readOnlyKey = inject('customerKeys').agent;
    const readOnly = await mcpClient(readOnlyKey);
    const refused = await readOnly.callTool({ name: 'log_call', arguments: { customerId, body: callBody } });
    const direct = await call('POST', `/customers/${customerId}/activities`, readOnlyKey, callBody, idem());
    expect(refused.isError).toBe(true);
    expect(JSON.parse(textOf(refused))).toEqual(direct.body);
    expect([direct.status, (direct.body as { code: string }).code]).toEqual([403, 'forbidden']);
    await readOnly.close();

    const dynamo = new DynamoDBClient({
      endpoint: inject('dynamodb'),
      region: 'eu-central-1',
      credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
    });
    // A scan reads 1 MB a page and the other stories fill the table: the trail may sit on any page, so read
    // them all (polled, as every read of a store beside a loaded stack is).
    const trailNotes = async () => {
      const notes: string[] = [];
      const pages = paginateScan(
        { client: dynamo },
        {
          TableName: 'pusula',
          FilterExpression: 'begins_with(pk, :mcp) AND #action IN (:log, :lookup)',
          ExpressionAttributeNames: { '#action': 'action' },
          ExpressionAttributeValues: {
            ':mcp': { S: 'MCP#' },
            ':log': { S: 'mcp:log_call' },
            ':lookup': { S: 'mcp:lookup_caller' },
          },
        },
      );
      for await (const page of pages) {
        for (const item of page.Items ?? []) notes.push(`${item.action?.S} ${item.note?.S}`);
      }
      return notes.sort();
    };
    await expect
      .poll(trailNotes)
      .toEqual(
        expect.arrayContaining([
          'mcp:log_call logActivity → 201',
          'mcp:log_call logActivity → 403',
          'mcp:lookup_caller lookupCustomer → 200',
        ]),
      );
  });
});
