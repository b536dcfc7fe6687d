// The fallback order alone: with no preference, each channel is reached when it is the only one left.
import { describe, expect, it } from 'vitest';
import { chooseChannel, fallbackOrder, noticeChannels } from '../../functions/channels/domain/channel-choice.js';

const only = (channel: string) =>
  Object.fromEntries(noticeChannels.map((c) => [c, c === channel])) as Record<(typeof noticeChannels)[number], boolean>;

describe('chooseChannel without a preference', () => {
  it('falls back e-mail, then SMS, then letter', () => {
    expect(fallbackOrder).toEqual(['email', 'sms', 'letter']);
  });

  it.each(noticeChannels)('reaches a customer only %s can reach, not as a fallback', (channel) => {
    expect(chooseChannel(undefined, only(channel))).toEqual({ channel, fellBack: false });
  });
});
