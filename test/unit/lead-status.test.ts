import { describe, expect, it } from 'vitest';
import { canMove, leadStatuses } from '../../functions/lead-capture/domain/lead-status.js';

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
});
