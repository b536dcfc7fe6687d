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
  tr: {
    record: 'aday',
    states: {
      new: 'Yeni',
      contacted: 'Görüşüldü',
      qualified: 'Nitelikli',
      converted: 'Müşteriye dönüştü',
      disqualified: 'Elendi',
    },
    actions: { contact: 'görüşme', qualify: 'nitelendirme', convert: 'müşteriye dönüştürme', disqualify: 'eleme' },
  },
});
