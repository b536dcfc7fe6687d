// Which channel a notice or statement goes by: the customer's preferred one when it can be used,
// else the first usable one in the fallback order. Letters are not sent yet (customers have no postal
// address): a customer who prefers letters gets e-mail, else a text.

export const noticeChannels = ['email', 'sms', 'letter'] as const;
export type NoticeChannel = (typeof noticeChannels)[number];

/** The order notices fall back in when the preferred channel cannot be used. */
export const fallbackOrder: readonly NoticeChannel[] = ['email', 'sms', 'letter'];

export type Reachable = Record<NoticeChannel, boolean>;

/** What the customer's record lets each channel reach. */
export const reachableBy = (customer: { email?: string; phone?: string }): Reachable => ({
  email: Boolean(customer.email),
  sms: Boolean(customer.phone),
  letter: false,
});

/** The channel to use, and whether it is not the preferred one; undefined when none can be used. */
export const chooseChannel = (preferred: NoticeChannel | undefined, reachable: Reachable) => {
  // The preferred channel comes again in the fallback order: harmless, as the first reachable one is taken.
  const order = preferred ? [preferred, ...fallbackOrder] : fallbackOrder;
  const channel = order.find((c) => reachable[c]);
  return channel ? { channel, fellBack: preferred !== undefined && channel !== preferred } : undefined;
};
