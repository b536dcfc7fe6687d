// Whose data a request is about, the pure part: from everyone holding the e-mail or phone (as their
// own detail, or as a contact person of a company customer), one person or the candidates. A contact
// person is not the customer: a match through one is never taken as the customer, it is a candidate.

export interface Candidate {
  customerId: string;
  /** As the customer's own detail, or as one of its contact people's. */
  matchedAs: 'customer' | 'contact';
  contactId?: string;
}

export type SubjectChoice = { customerId: string } | { candidates: Candidate[] };

/** The one customer whose own detail it is and nobody else's; otherwise every candidate (none: nobody). */
export const chooseSubject = (candidates: readonly Candidate[]): SubjectChoice => {
  const owners = new Set(candidates.map((c) => c.customerId));
  if (owners.size === 1 && candidates.every((c) => c.matchedAs === 'customer')) return { customerId: [...owners][0]! };
  return { candidates: [...candidates] };
};
