// İYS mapping at the edges mutation testing found unchecked: each İYS type read back as its channel,
// a type İYS may add that the CRM does not know, and a consent obtained some way the CRM has no İYS
// source for.
import { describe, expect, it } from 'vitest';
import { channelOf, iysSourceOf } from '../../functions/iys/domain/iys.js';

describe('İYS types and sources', () => {
  it('reads each İYS type back as its channel, and none for a type it does not know', () => {
    expect(channelOf('EPOSTA')).toBe('email');
    expect(channelOf('MESAJ')).toBe('sms');
    expect(channelOf('ARAMA')).toBe('phone');
    expect(channelOf('FAKS')).toBeUndefined();
  });
  it('takes a consent obtained some way it has no source for as the web', () => {
    expect(iysSourceOf('kiosk')).toBe('HS_WEB');
    expect(iysSourceOf('staff')).toBe('HS_CAGRI_MERKEZI');
  });
});
