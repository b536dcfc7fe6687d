// The design minimum of a new-customer lead, end to end: the reads and writes its capture, its
// assignment and its two mails cannot do without, issued directly with the SDK against the same
// DynamoDB Local at the same concurrency. The stack's rate divided by this one is its overhead over
// the data work it cannot avoid. The items are shaped like the real ones (keys, sizes, conditions).
import {
  type DynamoDBDocumentClient,
  GetCommand,
  PutCommand,
  TransactWriteCommand,
  UpdateCommand,
} from '@aws-sdk/lib-dynamodb';
import { TABLE_NAME } from '../../infra/local/runtime.js';

const put = (pk: string, payload = 300) => ({
  Put: {
    TableName: TABLE_NAME,
    Item: { pk, sk: 'BENCH', type: 'bench', payload: 'x'.repeat(payload) },
    ConditionExpression: 'attribute_not_exists(pk)',
  },
});
const get = (client: DynamoDBDocumentClient, pk: string) =>
  client.send(new GetCommand({ TableName: TABLE_NAME, Key: { pk, sk: 'BENCH' }, ConsistentRead: true }));
const bump = (client: DynamoDBDocumentClient, pk: string) =>
  client.send(
    new UpdateCommand({
      TableName: TABLE_NAME,
      Key: { pk, sk: 'BENCH' },
      UpdateExpression: 'ADD n :one',
      ExpressionAttributeValues: { ':one': 1 },
    }),
  );

/** One lead's unavoidable data work; `id` makes every key its own. */
export const designMinimumLead = async (client: DynamoDBDocumentClient, id: string) => {
  const pk = (kind: string) => `BENCH#${id}#${kind}`;
  // Capture: is this person known (both markers), then customer, markers, lead, event, stored answer,
  // and the two numbers people speak (the customer's M-…, the lead's L-…), each found by one Query.
  await Promise.all([get(client, pk('email')), get(client, pk('phone'))]);
  await client.send(
    new TransactWriteCommand({
      TransactItems: [
        put(pk('customer')),
        put(pk('customer-number'), 80),
        put(pk('email'), 50),
        put(pk('phone'), 50),
        put(pk('lead'), 600),
        put(pk('lead-number'), 80),
        put(pk('outbox-captured')),
        put(pk('answer'), 100),
      ],
    }),
  );
  // Assignment: the lead and the rules, the team's turn, then the owner, the customer's owners and the event.
  await Promise.all([get(client, pk('lead')), get(client, 'BENCH#rules'), get(client, 'BENCH#team')]);
  await bump(client, 'BENCH#team-turn');
  await client.send(
    new TransactWriteCommand({
      TransactItems: [put(pk('lead-assigned'), 600), put(pk('customer-owners'), 50), put(pk('outbox-assigned'))],
    }),
  );
  // Two mails, each claimed once (`preparing`, then `claimed` just before SES is called) and its
  // outcome noted; the acknowledgement's outcome goes with its entry on the customer's timeline and
  // that entry's ActivityLogged, in one transaction. The auto-response also counts against the
  // address's daily bound. Each reads the lead it is about and whether its address is suppressed;
  // the owner's also reads the owner.
  await Promise.all([
    get(client, pk('lead')),
    get(client, `BENCH#suppressed#${id}`),
    get(client, pk('lead')),
    get(client, 'BENCH#owner'),
    get(client, 'BENCH#suppressed#owner'),
  ]);
  await Promise.all([
    client.send(new PutCommand(put(pk('mail-ack'), 100).Put)),
    client.send(new PutCommand(put(pk('mail-owner'), 100).Put)),
  ]);
  await Promise.all([bump(client, pk('quota')), bump(client, pk('mail-ack')), bump(client, pk('mail-owner'))]);
  await Promise.all([
    client.send(
      new TransactWriteCommand({
        TransactItems: [
          {
            Update: {
              TableName: TABLE_NAME,
              Key: { pk: pk('mail-ack'), sk: 'BENCH' },
              UpdateExpression: 'SET outcome = :sent',
              ExpressionAttributeValues: { ':sent': 'sent' },
            },
          },
          put(pk('activity'), 400),
          put(pk('outbox-activity')),
        ],
      }),
    ),
    bump(client, pk('mail-owner')),
  ]);
};

/**
 * Write units the design needs per new-customer lead, as AWS bills the table: a transactional write
 * costs 2 units per item (up to 1 KB), a plain write 1 (the bench sizes the stack's items and counts
 * them so; DynamoDB Local's own report of a transaction does not). In AWS each index entry an item
 * enters costs a write there too (the lead by id, by status, by owner: 3 more), left out on both sides.
 */
export const designMinimumWriteUnits = {
  // A number item cannot share an item with its record: GET /numbers/{number} finds any kind with one
  // Query of NUMBER#<letters>-<suffix>, a partition of its own (shared/record-numbers.ts).
  'capture transaction: customer, its number, 2 markers, lead, its number, event, stored answer (8 × 2)': 16,
  'assignment transaction: lead, customer owners, event (3 × 2)': 6,
  "the team's turn": 1,
  // The claim's second step (`preparing` → `claimed`) lets the next sender take a mail over at once
  // when its holder died before SES was called (shared/mail.ts): one more update a mail.
  'two mail claims, each in two steps (2 × (1 + 1))': 4,
  "the owner's mail: its outcome": 1,
  // Every mail the CRM sends a customer is on their timeline (an `email` activity), logged with its
  // outcome, and ActivityLogged is on the bus for integrations: both in the outcome's transaction.
  'the acknowledgement: its outcome, its timeline entry and ActivityLogged (3 × 2)': 6,
  "the address's daily auto-response bound": 1,
};
