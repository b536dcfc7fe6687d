// The keys of the MCP server's audit trail in the one table (its shape and the platform's keys: shared/table.ts).
// Every tool call is a history entry (shared/audit.ts) beside MCP#<keyId> / CALLS: one trail per key.
import type { Key } from '../../shared/table.js';

export const mcpKeys = {
  calls: (keyId: string): Key => ({ pk: `MCP#${keyId}`, sk: 'CALLS' }),
} as const;
