// A lifecycle defined inside the test, the module loaded there too, so the code run while either is
// built counts: each role's Turkish name in a refusal, and the states a status can move to.
import { describe, expect, it } from 'vitest';
import { roles } from '../../shared/roles.js';
import { freshImport } from '../support/fresh-import.js';

const load = async () => {
  const { defineLifecycle, turkishRoles } = await freshImport(() => import('../../shared/lifecycle.js'));
  const gate = defineLifecycle({
    name: 'gate',
    states: ['shut', 'ajar', 'gone'] as const,
    actions: {
      open: { from: ['shut'], to: 'ajar' },
      remove: { from: ['shut', 'ajar'], to: 'gone', roles: ['admin'] },
    },
    tr: {
      record: 'kapı',
      states: { shut: 'kapalı', ajar: 'aralık', gone: 'sökülmüş' },
      actions: { open: 'aç', remove: 'sök' },
    },
  });
  return { gate, turkishRoles };
};

describe('a lifecycle built inside the test', () => {
  it('names every role in Turkish, each by its own lower-case words', async () => {
    const { turkishRoles } = await load();
    expect(Object.keys(turkishRoles).sort()).toEqual([...roles].sort());
    const names = Object.values(turkishRoles);
    expect(new Set(names).size).toBe(roles.length);
    for (const name of names) expect(name).toMatch(/^[a-zçğıöşü]+( [a-zçğıöşü]+)*$/);
  });

  it('refuses a role the action is not for by its Turkish name, and lists the states reached', async () => {
    const { gate } = await load();
    expect(() => gate.apply('shut', 'remove', 'rep')).toThrow(
      expect.objectContaining({
        status: 409,
        code: 'illegal-transition',
        detail: { en: '"remove" on a gate is for admin.', tr: '"sök" adımı yalnızca sistem yöneticisi içindir.' },
      }),
    );
    expect(gate.apply('shut', 'remove', 'admin')).toBe('gone');
    expect(gate.targets('shut')).toEqual(['ajar', 'gone']);
    expect(gate.targets('gone')).toEqual([]);
  });
});
