// For the permission-marketing end-to-end suites: invented customers written straight into the local
// stack's table (a birthday and consent, as the customer record and a double opt-in leave them), and
// their birthday greeting fired through the local scheduler, so a real marketing mail is in the SES store.
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, GetCommand, PutCommand, QueryCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { inject } from 'vitest';
import { type Customer, customers } from '../../shared/customer.js';
import { newId } from '../../shared/ids.js';
import type { Language } from '../../shared/language.js';
import { type Key, keys } from '../../shared/table.js';
import { istanbulDate } from '../../shared/time.js';
import { api, localControlHeaders, mailTo } from './e2e.js';
import { linksIn } from './quotes.js';
import { consentItem } from './subscriptions.js';

const TABLE = 'pusula';
export const documents = () =>
  DynamoDBDocumentClient.from(
    new DynamoDBClient({
      endpoint: inject('dynamodb'),
      region: 'eu-central-1',
      credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
    }),
  );

export const readItem = async (key: Key) =>
  (await documents().send(new GetCommand({ TableName: TABLE, Key: key, ConsistentRead: true }))).Item;

/**
 * A customer born on `at`'s Istanbul day with consent for every topic, greeted by the birthday
 * schedule fired as of `at` (a future instant: the scheduler's injected clock). Returns the mail.
 */
export const greetedCustomer = async (tag: string, language: Language, at: Date) => {
  const customerId = newId();
  const email = `${tag}-${customerId.toLowerCase()}@example.com`;
  const now = new Date().toISOString();
  const customer: Customer = {
    customerId,
    name: `Deneme ${tag}`,
    email,
    emailKey: email,
    language,
    birthday: istanbulDate(at).slice(5),
    createdAt: now,
    updatedAt: now,
  };
  await documents().send(new PutCommand({ TableName: TABLE, Item: customers.item(customer) }));
  await documents().send(new PutCommand({ TableName: TABLE, Item: consentItem(customerId, email, 'granted') }));
  const fired = await fetch(
    `${api()}/_local/schedules/subscriptions.birthday-greetings/fire?at=${encodeURIComponent(at.toISOString())}`,
    {
      method: 'POST',
      headers: localControlHeaders,
    },
  );
  if (!fired.ok) throw new Error(`firing the birthday schedule: ${fired.status} ${await fired.text()}`);
  const [mail] = await mailTo(email);
  if (!mail) throw new Error(`no birthday mail reached ${email}`);
  const [unsubscribe] = linksIn(mail, '/unsubscribe');
  if (!unsubscribe) throw new Error('the birthday mail carries no unsubscribe link');
  return { customerId, email, mail, unsubscribe };
};

/** A future instant on a day no other suite greets: the scheduler sweeps as of a later time only. */
export const futureDay = (daysAhead: number) => new Date(Date.now() + daysAhead * 24 * 3600 * 1000);

/** Every time on a customer's partition moved back to `at`: the person has done nothing since. */
export const untouchedSince = async (customerId: string, at: string) => {
  const table = documents();
  const { Items = [] } = await table.send(
    new QueryCommand({
      TableName: 'pusula',
      KeyConditionExpression: 'pk = :pk',
      ExpressionAttributeValues: { ':pk': keys.customerPartition(customerId) },
    }),
  );
  for (const item of Items) {
    const fields = ['updatedAt', 'occurredAt', 'createdAt', 'at'].filter((f) => typeof item[f] === 'string');
    if (!fields.length) continue;
    await table.send(
      new UpdateCommand({
        TableName: 'pusula',
        Key: { pk: item.pk, sk: item.sk },
        UpdateExpression: `SET ${fields.map((_, i) => `#f${i} = :at`).join(', ')}`,
        ExpressionAttributeNames: Object.fromEntries(fields.map((f, i) => [`#f${i}`, f])),
        ExpressionAttributeValues: { ':at': at },
      }),
    );
  }
};
