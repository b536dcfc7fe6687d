// Consent evidence (KVKK, Law 6563): an append-only ledger per customer and channel. The current
// state is the newest entry, so nothing is ever overwritten and every grant can be proven.
import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { db, putNew, tableName, transact } from './db.js';
import { newId } from './ids.js';
import { outboxPut } from './outbox.js';
import { keys } from './table.js';

export type ConsentChannel = 'email' | 'sms' | 'phone';

export interface ConsentEntry {
  customerId: string;
  channel: ConsentChannel;
  action: 'requested' | 'granted' | 'withdrawn';
  via: string;
  source: string;
  textVersion?: string;
  ip?: string;
  leadId?: string;
  occurredAt: string;
}

export interface ConsentRequest extends ConsentEntry {
  requestId: string;
  language: 'tr' | 'en';
  expiresAt: number;
}

export const getConsentRequest = async (requestId: string) =>
  (await db().send(new GetCommand({ TableName: tableName(), Key: keys.consentRequest(requestId), ConsistentRead: true })))
    .Item as ConsentRequest | undefined;

/**
 * Turns a pending double opt-in into a grant. The request item is deleted in the same transaction,
 * so a link works once: a second click finds nothing and changes nothing.
 */
export const confirmConsentRequest = async (request: ConsentRequest, ip: string, now: Date) => {
  const at = now.toISOString();
  const entry: ConsentEntry = {
    customerId: request.customerId,
    channel: request.channel,
    action: 'granted',
    via: 'double-opt-in',
    source: request.source,
    textVersion: request.textVersion,
    ip,
    leadId: request.leadId,
    occurredAt: at,
  };
  return transact([
    {
      Delete: {
        TableName: tableName(),
        Key: keys.consentRequest(request.requestId),
        ConditionExpression: 'attribute_exists(pk)',
      },
    },
    putNew({ ...keys.consentEntry(request.customerId, request.channel, at, newId()), type: 'consent', ...entry }),
    outboxPut('ConsentGranted', { customerId: request.customerId, channel: request.channel, via: 'double-opt-in' }, now),
  ]);
};

export interface Customer {
  customerId: string;
  name: string;
  email?: string;
  phone?: string;
  language: 'tr' | 'en';
}

export const getCustomer = async (customerId: string) =>
  (await db().send(new GetCommand({ TableName: tableName(), Key: keys.customer(customerId) }))).Item as
    | Customer
    | undefined;
