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
      expect.objectContaining({
        status: 409,
        code: 'illegal-transition',
        message: expect.stringContaining('contacted or disqualified'),
      }),
    );
    expect(() => leadLifecycle.actionTo('converted', 'new')).toThrow(
      expect.objectContaining({ code: 'illegal-transition', message: expect.stringContaining('nothing else') }),
    );
  });

  it('names each action and where it leads', () => {
    expect(leadLifecycle.apply('contacted', 'qualify')).toBe('qualified');
    expect(() => leadLifecycle.apply('new', 'qualify')).toThrow(
      expect.objectContaining({ code: 'illegal-transition' }),
    );
    expect(leadLifecycle.allowed('qualified')).toEqual(['convert', 'disqualify']);
  });

  it('lists the statuses a lead may move to, in the order the lifecycle declares them', () => {
    expect(leadLifecycle.targets('new')).toEqual(['contacted', 'disqualified']);
    expect(leadLifecycle.targets('contacted')).toEqual(['qualified', 'disqualified']);
    expect(leadLifecycle.targets('qualified')).toEqual(['converted', 'disqualified']);
    expect(leadLifecycle.targets('converted')).toEqual([]);
    expect(leadLifecycle.targets('disqualified')).toEqual([]);
  });

  it('words a refusal in Turkish with the status labels the console shows, the English unchanged', () => {
    const detail = (from: (typeof leadStatuses)[number], to: (typeof leadStatuses)[number]) => {
      try {
        leadLifecycle.actionTo(from, to);
      } catch (error) {
        return (error as { detail: unknown }).detail;
      }
      throw new Error('not refused');
    };
    expect(detail('new', 'converted')).toEqual({
      en: 'A new lead cannot become converted; it can become contacted or disqualified.',
      tr: '"Yeni" durumundaki aday "Müşteriye dönüştü" olamaz; olabileceği durumlar: "Görüşüldü" veya "Elendi".',
    });
    expect(detail('disqualified', 'new')).toEqual({
      en: 'A disqualified lead cannot become new; it can become nothing else.',
      tr: '"Elendi" durumundaki aday "Yeni" olamaz; başka bir duruma geçemez.',
    });
    expect(() => leadLifecycle.apply('converted', 'qualify')).toThrow(
      expect.objectContaining({
        detail: expect.objectContaining({
          tr: '"Müşteriye dönüştü" durumundaki aday "nitelendirme" adımını atamaz; hiçbir adım atamaz.',
        }),
      }),
    );
  });
});
