// An item of one customer's partition as the table stores it, for the pure privacy rules that read
// a whole partition (erasure, the access export, what identifies the person).

/** The items of `customerId`'s partition: keyed by `sk`, of `type`, with `fields`. */
export const partitionItems =
  (customerId: string) =>
  (sk: string, type: string, fields: Record<string, unknown> = {}): Record<string, unknown> => ({
    pk: `CUSTOMER#${customerId}`,
    sk,
    type,
    customerId,
    ...fields,
  });
