// The lead lifecycle: new → contacted → qualified → converted, and disqualified from any open state.
import { defineLifecycle } from '../../../shared/lifecycle.js';

export const leadStatuses = ['new', 'contacted', 'qualified', 'converted', 'disqualified'] as const;
export type LeadStatus = (typeof leadStatuses)[number];

export const leadLifecycle = defineLifecycle({
  name: 'lead',
  states: leadStatuses,
  actions: {
    contact: { from: ['new'], to: 'contacted' },
    qualify: { from: ['contacted'], to: 'qualified' },
    convert: { from: ['qualified'], to: 'converted' },
    disqualify: { from: ['new', 'contacted', 'qualified'], to: 'disqualified' },
  },
  // The Turkish labels are the ones the console shows for these states.
  words: {
    record: { tr: 'aday', en: 'lead' },
    states: {
      new: { tr: 'Yeni', en: 'new' },
      contacted: { tr: 'Görüşüldü', en: 'contacted' },
      qualified: { tr: 'Nitelikli', en: 'qualified' },
      converted: { tr: 'Müşteriye dönüştü', en: 'converted' },
      disqualified: { tr: 'Elendi', en: 'disqualified' },
    },
  },
});
