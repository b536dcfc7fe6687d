// A/B/C by value: rank customers by revenue; A are those who together make the top share of it
// (80 % by default), B the next share (15 %), C the rest. A customer is A when the customers with
// MORE revenue than them make less than the A share: so ties share a segment, the customer who
// crosses the line is still A, and when everyone is equal everyone is A. No revenue is C.
export type Segment = 'A' | 'B' | 'C';

export interface SegmentRules {
  /** Basis points of revenue the A customers make together. */
  aShareBp: number;
  /** Basis points of revenue the B customers make after A; C is the rest. */
  bShareBp: number;
}

export const defaultSegmentRules: SegmentRules = { aShareBp: 8000, bShareBp: 1500 };

export interface Revenue {
  customerId: string;
  /** TRY minor units over the window. */
  revenueTry: number;
}

export const segmentsOf = (
  customers: readonly Revenue[],
  rules: SegmentRules = defaultSegmentRules,
): Map<string, Segment> => {
  const ranked = [...customers].sort((a, b) => b.revenueTry - a.revenueTry);
  const total = ranked.reduce((sum, c) => sum + BigInt(Math.max(0, c.revenueTry)), 0n);
  const aLine = total * BigInt(rules.aShareBp);
  const bLine = total * BigInt(rules.aShareBp + rules.bShareBp);
  const segments = new Map<string, Segment>();
  let above = 0n;
  let i = 0;
  while (i < ranked.length) {
    const revenue = ranked[i]!.revenueTry;
    // Everyone with this revenue gets what the first of them gets.
    const before = above * 10_000n;
    const segment: Segment = revenue <= 0 ? 'C' : before < aLine ? 'A' : before < bLine ? 'B' : 'C';
    for (; i < ranked.length && ranked[i]!.revenueTry === revenue; i++) {
      segments.set(ranked[i]!.customerId, segment);
      above += BigInt(Math.max(0, revenue));
    }
  }
  return segments;
};
