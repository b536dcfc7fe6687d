// Matching keys at their edges, the module loaded inside the test so its exported functions count.
import { describe, expect, it } from 'vitest';
import { freshImport } from '../support/fresh-import.js';

describe('normalizeEmail, loaded inside the test', () => {
  it('trims and lower-cases an address', async () => {
    const { normalizeEmail } = await freshImport(() => import('../../shared/contact.js'));
    expect(normalizeEmail('\tZeynep.Deneme@Example.ORG  ')).toBe('zeynep.deneme@example.org');
  });
});
