// The lead lifecycle: new → contacted → qualified → converted, and disqualified from any open state.

export const leadStatuses = ['new', 'contacted', 'qualified', 'converted', 'disqualified'] as const;
export type LeadStatus = (typeof leadStatuses)[number];

const next: Record<LeadStatus, readonly LeadStatus[]> = {
  new: ['contacted', 'disqualified'],
  contacted: ['qualified', 'disqualified'],
  qualified: ['converted', 'disqualified'],
  converted: [],
  disqualified: [],
};

export const canMove = (from: LeadStatus, to: LeadStatus) => next[from].includes(to);

export const nextStatuses = (from: LeadStatus) => next[from];
