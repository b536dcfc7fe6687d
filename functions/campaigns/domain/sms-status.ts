// What a text's delivery status counts in its campaign's report. End User Messaging SMS reports
// intermediate statuses (handed to the carrier, pending) before the final one; only a final one counts.
const intermediate = ['SUCCESSFUL', 'PENDING', 'QUEUED', 'UNKNOWN'];

/** DELIVERED counts as delivered; any other final status (FAILED, BLOCKED, TTL_EXPIRED…) as undelivered. */
export const smsStat = (status: string): 'delivered' | 'undelivered' | undefined => {
  const normal = status.toUpperCase();
  if (normal === 'DELIVERED') return 'delivered';
  return intermediate.includes(normal) ? undefined : 'undelivered';
};
