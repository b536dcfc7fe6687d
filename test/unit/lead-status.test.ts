import { describe, expect, it } from 'vitest';
import { leadLifecycle, leadStatuses } from '../../functions/lead-capture/domain/lead-status.js';

const canMove = (from: (typeof leadStatuses)[number], to: (typeof leadStatuses)[number]) => {
  try {
    leadLifecycle.actionTo(from, to);
    return true;
  } catch {
    return false;
  }
};

describe('lead lifecycle', () => {
  it('moves forward one step at a time', () => {
    expect(canMove('new', 'contacted')).toBe(true);
    expect(canMove('contacted', 'qualified')).toBe(true);
    expect(canMove('qualified', 'converted')).toBe(true);
    expect(canMove('new', 'converted')).toBe(false);
    expect(canMove('contacted', 'new')).toBe(false);
  });

  it('disqualifies from any open state, and nothing leaves a closed one', () => {
    for (const open of ['new', 'contacted', 'qualified'] as const) expect(canMove(open, 'disqualified')).toBe(true);
    for (const closed of ['converted', 'disqualified'] as const) {
      for (const to of leadStatuses) expect(canMove(closed, to)).toBe(false);
    }
  });

  it('refuses an illegal move with a 409 that names what the lead can become', () => {
    expect(() => leadLifecycle.actionTo('new', 'converted')).toThrow(
      expect.objectContaining({ status: 409, code: 'illegal-transition', message: expect.stringContaining('contacted or disqualified') }),
    );
    expect(() => leadLifecycle.actionTo('converted', 'new')).toThrow(
      expect.objectContaining({ code: 'illegal-transition', message: expect.stringContaining('nothing else') }),
    );
  });

  it('names each action and where it leads', () => {
    expect(leadLifecycle.apply('contacted', 'qualify')).toBe('qualified');
    expect(() => leadLifecycle.apply('new', 'qualify')).toThrow(expect.objectContaining({ code: 'illegal-transition' }));
    expect(leadLifecycle.allowed('qualified')).toEqual(['convert', 'disqualify']);
  });
});
