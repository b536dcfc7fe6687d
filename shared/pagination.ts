// Opaque cursors: the DynamoDB LastEvaluatedKey, base64url-encoded. A tampered cursor is a 400.
import { ValidationError } from './problems.js';

export const encodeCursor = (key: Record<string, unknown> | undefined) =>
  key ? Buffer.from(JSON.stringify(key)).toString('base64url') : undefined;

export const decodeCursor = (cursor: string | undefined): Record<string, unknown> | undefined => {
  if (!cursor) return undefined;
  try {
    const key = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    const valid =
      typeof key === 'object' && key !== null && Object.values(key).every((value) => typeof value === 'string');
    if (valid) return key;
  } catch {
    // falls through to the problem below
  }
  throw new ValidationError([{ path: 'cursor', message: 'Not a cursor this API returned.' }]);
};
