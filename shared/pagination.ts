// Opaque cursors: the DynamoDB LastEvaluatedKey, base64url-encoded. A tampered cursor is a 400.
import { ValidationError } from './problems.js';

export const encodeCursor = (key: Record<string, unknown> | undefined) =>
  key ? Buffer.from(JSON.stringify(key)).toString('base64url') : undefined;

/** `keyNames`: the attributes a LastEvaluatedKey of the query has (table keys plus the index's). */
export const decodeCursor = (cursor: string | undefined, keyNames: string[]): Record<string, string> | undefined => {
  if (!cursor) return undefined;
  try {
    const key = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    const valid =
      typeof key === 'object' &&
      key !== null &&
      !Array.isArray(key) &&
      Object.keys(key).sort().join() === [...keyNames].sort().join() &&
      Object.values(key).every((value) => typeof value === 'string' && value.length <= 1024);
    if (valid) return key;
  } catch {
    // falls through to the problem below
  }
  throw new ValidationError([{ path: 'cursor', message: 'Not a cursor this API returned.' }]);
};
