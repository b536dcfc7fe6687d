// A person's placement refused word for word in both languages, as mutation testing found unchecked.
import { describe, expect, it } from 'vitest';
import { placementProblems } from '../../functions/people/domain/placement.js';

describe("a dealer's person", () => {
  it('needs a dealer and sits in no team, each said in both languages', () => {
    expect(placementProblems({ role: 'dealer', teamId: 'team-1' })).toEqual([
      {
        path: 'unitId',
        message: {
          en: "Required for a dealer's person: the dealer they work for.",
          tr: 'Bayi çalışanı için zorunlu: çalıştığı bayi.',
        },
      },
      {
        path: 'teamId',
        message: { en: "A dealer's person is in no sales team.", tr: 'Bayi çalışanı bir satış ekibinde yer almaz.' },
      },
    ]);
    expect(placementProblems({ role: 'dealer', unitId: 'dealer-ankara' })).toEqual([]);
  });
});
