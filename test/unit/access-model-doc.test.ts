// The written access model and its machine-readable form agree: docs/access-model.md shows the
// table test/support/access-model.ts renders, and every role it names has a row.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { renderModelTable, roleModel } from '../support/access-model.js';

const doc = readFileSync(new URL('../../docs/access-model.md', import.meta.url), 'utf8');

describe('docs/access-model.md', () => {
  it('carries the table the model renders', () => {
    expect(doc).toContain(renderModelTable());
  });

  it('has a row for each kind of person the model is asked about', () => {
    const roles = roleModel.map((r) => r.role);
    for (const role of [
      'rep',
      'manager (team)',
      'manager (firm)',
      'director',
      'agent',
      'dealer',
      'department',
      'marketer / analytics',
      'admin',
      'integration key',
    ]) {
      expect(roles).toContain(role);
    }
  });
});
