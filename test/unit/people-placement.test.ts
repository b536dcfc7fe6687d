// Where a person sits by role (functions/people/domain/placement.ts): a dealer's person needs their
// dealer and no team, a rep their team and no unit, others either or neither; a user id made from
// the role and the e-mail.
import { describe, expect, it } from 'vitest';
import { placementProblems, samePlacement, userIdFor } from '../../functions/people/domain/placement.js';

const paths = (...args: Parameters<typeof placementProblems>) => placementProblems(...args).map((p) => p.path);

describe('placement by role', () => {
  it("a dealer's person needs a unit and no team", () => {
    expect(paths({ role: 'dealer', unitId: 'dealer-ankara' })).toEqual([]);
    expect(paths({ role: 'dealer' })).toEqual(['unitId']);
    expect(paths({ role: 'dealer', unitId: 'dealer-ankara', teamId: 'team-istanbul' })).toEqual(['teamId']);
  });

  it('a rep needs a team and no unit', () => {
    expect(paths({ role: 'rep', teamId: 'team-istanbul' })).toEqual([]);
    expect(paths({ role: 'rep' })).toEqual(['teamId']);
    expect(paths({ role: 'rep', teamId: 'team-istanbul', unitId: 'dept-customer-service' })).toEqual(['unitId']);
  });

  it('managers, directors, agents and admins may have a team, a unit or neither', () => {
    for (const role of ['manager', 'director', 'agent', 'admin'] as const) {
      expect(paths({ role })).toEqual([]);
      expect(paths({ role, teamId: 'team-export' })).toEqual([]);
      expect(paths({ role, unitId: 'dept-customer-service' })).toEqual([]);
    }
  });

  it('the same role, team and unit is the same placement; any difference is not', () => {
    expect(samePlacement({ role: 'rep', teamId: 't1' }, { role: 'rep', teamId: 't1' })).toBe(true);
    expect(samePlacement({ role: 'rep', teamId: 't1' }, { role: 'rep', teamId: 't2' })).toBe(false);
    expect(samePlacement({ role: 'manager' }, { role: 'director' })).toBe(false);
  });
});

describe('userIdFor', () => {
  it('is the role and the kebab-cased local part of the e-mail', () => {
    expect(userIdFor('rep', 'Ayse.Yilmaz@example.com')).toBe('rep-ayse-yilmaz');
    expect(userIdFor('dealer', '_ali__bayi_@example.com')).toBe('dealer-ali-bayi');
  });
});
