// Texts and channels, the pure rules: segment counting on both sides of each GSM 03.38 and UCS-2
// limit, refusal keywords folded, quiet hours at their edges (Istanbul time), and which channel a
// notice takes.
import { describe, expect, it } from 'vitest';
import { smsStat } from '../../functions/campaigns/domain/sms-status.js';
import { chooseChannel, reachableBy } from '../../functions/channels/domain/channel-choice.js';
import { foldKeyword, isRefusal } from '../../functions/channels/domain/keywords.js';
import { inQuietHours, quietHoursEnd } from '../../shared/gate.js';
import { commercialText, refusalInstruction, smsLength } from '../../shared/sms.js';

describe('segments', () => {
  it('GSM 03.38: 160 characters in one segment, 161 in two; 306 in two, 307 in three (153 each)', () => {
    expect(smsLength('a'.repeat(160))).toEqual({ encoding: 'GSM-7', characters: 160, segments: 1 });
    expect(smsLength('a'.repeat(161)).segments).toBe(2);
    expect(smsLength('a'.repeat(306)).segments).toBe(2);
    expect(smsLength('a'.repeat(307)).segments).toBe(3);
  });

  it('one Turkish letter makes it UCS-2: 70 in one segment, 71 in two; 134 in two, 135 in three (67 each)', () => {
    expect(smsLength(`ş${'a'.repeat(69)}`)).toEqual({ encoding: 'UCS-2', characters: 70, segments: 1 });
    expect(smsLength(`ı${'a'.repeat(70)}`).segments).toBe(2);
    expect(smsLength(`ğ${'a'.repeat(133)}`).segments).toBe(2);
    expect(smsLength(`İ${'a'.repeat(134)}`).segments).toBe(3);
  });

  it('Ç, Ö and Ü are in GSM 03.38 (the text stays 160 a segment); an extension character counts two', () => {
    expect(smsLength(`ÇÖÜ${'a'.repeat(157)}`)).toMatchObject({ encoding: 'GSM-7', segments: 1 });
    expect(smsLength(`€${'a'.repeat(158)}`)).toMatchObject({ encoding: 'GSM-7', characters: 160, segments: 1 });
    expect(smsLength(`€${'a'.repeat(159)}`).segments).toBe(2);
  });

  it('the refusal instruction keeps a GSM text GSM: it has no Turkish letters', () => {
    for (const language of ['tr', 'en'] as const) {
      expect(smsLength(refusalInstruction[language]).encoding).toBe('GSM-7');
      expect(commercialText('Kampanya', language)).toBe(`Kampanya\n${refusalInstruction[language]}`);
    }
  });
});

describe('refusal keywords', () => {
  it.each(['RET', 'ret', 'Ret.', 'IPTAL', 'İPTAL', 'iptal', 'ıptal', 'İptal!', 'STOP', 'stop', ' Stop  lütfen'])(
    '%s refuses',
    (body) => expect(isRefusal(body)).toBe(true),
  );

  it.each(['', 'Merhaba', 'RETURN', 'iptal etmeyin'.replace('iptal', 'ipta'), 'STOPS', 'evet RET'])(
    '%s does not',
    (body) => expect(isRefusal(body)).toBe(false),
  );

  it('folds Turkish letters and case', () => {
    expect(foldKeyword('İptal')).toBe('IPTAL');
    expect(foldKeyword('ıptal')).toBe('IPTAL');
    expect(foldKeyword('çğöşü')).toBe('CGOSU');
  });
});

describe('quiet hours (21:00–09:00 Istanbul, UTC+3)', () => {
  const window = { from: 21 * 60, to: 9 * 60 };
  it('begins at 21:00 and ends at 09:00 Istanbul', () => {
    expect(inQuietHours(new Date('2026-12-07T17:59:59Z'), window)).toBe(false); // 20:59:59
    expect(inQuietHours(new Date('2026-12-07T18:00:00Z'), window)).toBe(true); // 21:00
    expect(inQuietHours(new Date('2026-12-07T21:30:00Z'), window)).toBe(true); // 00:30 next day
    expect(inQuietHours(new Date('2026-12-08T05:59:59Z'), window)).toBe(true); // 08:59:59
    expect(inQuietHours(new Date('2026-12-08T06:00:00Z'), window)).toBe(false); // 09:00
  });

  it('a window inside one day', () => {
    const lunch = { from: 12 * 60, to: 13 * 60 };
    expect(inQuietHours(new Date('2026-12-07T08:59:00Z'), lunch)).toBe(false);
    expect(inQuietHours(new Date('2026-12-07T09:00:00Z'), lunch)).toBe(true);
    expect(inQuietHours(new Date('2026-12-07T10:00:00Z'), lunch)).toBe(false);
  });

  it('a text asked for at night may go at 09:00 Istanbul; outside the window at once', () => {
    expect(quietHoursEnd(new Date('2026-12-07T22:15:30Z'), window).toISOString()).toBe('2026-12-08T06:00:00.000Z');
    expect(quietHoursEnd(new Date('2026-12-07T18:00:00Z'), window).toISOString()).toBe('2026-12-08T06:00:00.000Z');
    const day = new Date('2026-12-07T10:00:00Z');
    expect(quietHoursEnd(day, window)).toBe(day);
  });
});

describe('the notice channel', () => {
  const both = reachableBy({ email: 'a@example.com', phone: '+905551112233' });
  it('follows the preference when the record reaches it', () => {
    expect(chooseChannel('sms', both)).toEqual({ channel: 'sms', fellBack: false });
    expect(chooseChannel('email', both)).toEqual({ channel: 'email', fellBack: false });
  });

  it('falls back e-mail, then SMS; letters are not sent yet', () => {
    expect(chooseChannel('sms', reachableBy({ email: 'a@example.com' }))).toEqual({ channel: 'email', fellBack: true });
    expect(chooseChannel('email', reachableBy({ phone: '+905551112233' }))).toEqual({ channel: 'sms', fellBack: true });
    expect(chooseChannel('letter', both)).toEqual({ channel: 'email', fellBack: true });
    expect(chooseChannel(undefined, reachableBy({ phone: '+905551112233' }))).toEqual({
      channel: 'sms',
      fellBack: false,
    });
    expect(chooseChannel('sms', reachableBy({}))).toBeUndefined();
  });
});

describe("what a text's delivery status counts", () => {
  it.each([
    ['DELIVERED', 'delivered'],
    ['delivered', 'delivered'],
    ['FAILED', 'undelivered'],
    ['BLOCKED', 'undelivered'],
    ['TTL_EXPIRED', 'undelivered'],
    ['CARRIER_UNREACHABLE', 'undelivered'],
    ['SUCCESSFUL', undefined],
    ['PENDING', undefined],
    ['QUEUED', undefined],
    ['UNKNOWN', undefined],
  ])('%s counts as %s', (status, stat) => {
    expect(smsStat(status)).toBe(stat);
  });
});
