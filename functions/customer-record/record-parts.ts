// The parts of a customer's record, each contributed by the module whose items it shows. A module
// that keeps items in the customer's partition adds its part here.
import type { RecordPart } from '../../shared/record-part.js';
import { timelineRecordPart } from '../activities/public.js';
import { requestsRecordPart } from '../call-center/public.js';
import { casesRecordPart } from '../complaint-escalation/public.js';
import { contactsRecordPart } from '../customers/public.js';
import { invoicesRecordPart, paymentsRecordPart } from '../erp/public.js';
import { instalmentsRecordPart } from '../instalments/public.js';
import { leadsRecordPart } from '../lead-capture/public.js';
import { loyaltyRecordPart } from '../loyalty/public.js';
import { opportunitiesRecordPart } from '../opportunities/public.js';
import { ordersRecordPart } from '../order-routing/public.js';
import { quotesRecordPart } from '../quote-approval/public.js';

export const recordParts = {
  leads: leadsRecordPart,
  quotes: quotesRecordPart,
  orders: ordersRecordPart,
  cases: casesRecordPart,
  contacts: contactsRecordPart,
  // `timeline`, not `activities`: GET /customers/{id}/activities is the activities use case's own list.
  timeline: timelineRecordPart,
  opportunities: opportunitiesRecordPart,
  requests: requestsRecordPart,
  points: loyaltyRecordPart,
  invoices: invoicesRecordPart,
  payments: paymentsRecordPart,
  instalments: instalmentsRecordPart,
};

export type PartName = keyof typeof recordParts;
export const partNames = Object.keys(recordParts) as PartName[];

/** Parts as the table lists them, with their item type erased: what the generic code iterates. */
export const partsList = Object.entries(recordParts) as unknown as [PartName, RecordPart<unknown>][];

export const isPartName = (name: string): name is PartName => Object.hasOwn(recordParts, name);
