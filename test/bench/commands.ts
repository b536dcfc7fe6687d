// What the stack's functions send to DynamoDB while a bench part runs: they run in this process and
// share one document client, so a middleware on it sees every command. Named by the command and the
// item types (or key prefixes) it touches; items sized as DynamoDB sizes them, so the write units AWS
// bills can be worked out beside the ones DynamoDB Local reports.
import { db } from '../../shared/db.js';

type Item = Record<string, unknown>;

const text = (value: unknown) => String(value ?? '?');
const firstWord = (value: unknown) => text(value).split('#')[0];

/** One item a write touches: how it is written, what it is, its key, and the item when the write holds it. */
export interface Touched {
  op: 'Put' | 'Update' | 'Delete' | 'ConditionCheck';
  label: string;
  key?: Item;
  item?: Item;
}

const touched = (op: Touched['op'], body: Item): Touched => {
  const item = body.Item as Item | undefined;
  const key = body.Key as Item | undefined;
  const name = item ? text(item.type) : key ? `${firstWord(key.pk)}/${firstWord(key.sk)}` : '?';
  return { op, label: op === 'Put' ? name : `${op.toLowerCase()} ${name}`, key, item };
};

/** The items a write command touches, in its order. */
export const writtenItems = (command: string, input: Item): Touched[] => {
  if (Array.isArray(input.TransactItems)) {
    return (input.TransactItems as Record<string, Item>[]).map((op) => {
      const [kind, body] = Object.entries(op)[0]!;
      return touched(kind as Touched['op'], body);
    });
  }
  const op = ({ PutItem: 'Put', UpdateItem: 'Update', DeleteItem: 'Delete' } as const)[command] ?? 'Put';
  const one = touched(op, input);
  return [{ ...one, label: one.label.replace(/^(update|delete) /, '') }];
};

/** What a read command reads: its table key's first word (a Query's partition value's). */
export const readLabel = (input: Item) => {
  const key = input.Key as Item | undefined;
  if (key) return firstWord(key.pk);
  const values = (input.ExpressionAttributeValues ?? {}) as Item;
  const partition = Object.values(values).find((v) => text(v).includes('#'));
  return partition ? firstWord(partition) : '?';
};

/** DynamoDB's size of a value as the document client writes it: UTF-8 bytes, numbers by their digits, 3 + 1 a member for containers. */
const valueBytes = (value: unknown): number => {
  if (value === undefined) return 0;
  if (typeof value === 'string') return Buffer.byteLength(value);
  if (typeof value === 'number' || typeof value === 'bigint')
    return Math.ceil(String(value).replace(/^-|\.|^0+/g, '').length / 2) + 1;
  if (typeof value === 'boolean' || value === null) return 1;
  if (value instanceof Uint8Array) return value.length;
  if (value instanceof Set) return [...value].reduce((n: number, member) => n + valueBytes(member), 0);
  if (Array.isArray(value)) return 3 + value.reduce((n: number, e) => n + 1 + valueBytes(e), 0);
  if (typeof value === 'object') {
    const members = Object.entries(value).filter(([, v]) => v !== undefined);
    return 3 + members.reduce((n, [name, v]) => n + 1 + Buffer.byteLength(name) + valueBytes(v), 0);
  }
  return 0;
};

/** An item's size as DynamoDB counts it for write units: every attribute's name and value. */
export const itemBytes = (item: Item) =>
  Object.entries(item)
    .filter(([, value]) => value !== undefined)
    .reduce((n, [name, value]) => n + Buffer.byteLength(name) + valueBytes(value), 0);

/** The write units AWS bills for an item of this size: per started KB, twice inside a transaction. */
export const awsWriteUnits = (bytes: number, transactional: boolean) =>
  Math.max(1, Math.ceil(bytes / 1024)) * (transactional ? 2 : 1);

/** The commands that write. */
export const writeCommands = ['PutItem', 'UpdateItem', 'DeleteItem', 'TransactWriteItems', 'BatchWriteItem'];

/**
 * Calls `seen` with every command the stack's functions send, its input, its output and
 * how long it took (marshalling and the round trip); returns the function that stops watching.
 */
export const watchCommands = (
  name: string,
  seen: (command: string, input: Item, output: Item, ms: number) => void,
  prepare?: (command: string, input: Item) => void,
) => {
  db().middlewareStack.add(
    (next, context) => async (args) => {
      const command = String(context.commandName).replace(/Command$/, '');
      const input = args.input as Item;
      prepare?.(command, input);
      const started = performance.now();
      const result = await next(args);
      seen(command, input, result.output as Item, performance.now() - started);
      return result;
    },
    // Before the document client's marshalling: items as the code wrote them.
    { step: 'initialize', name },
  );
  return () => db().middlewareStack.remove(name);
};
