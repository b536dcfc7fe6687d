import { describe, expect, it } from 'vitest';
import { isSessionKeyId, personScopes, sessionKeyId } from '../../functions/authorizer/person.js';
import { roles } from '../../shared/http.js';
import { roleScopes } from '../../shared/scope-table.js';

describe('scopes of a signed-in person', () => {
  it('come from the role: a rep reads and writes leads but approves nothing, a dealer sees orders and no leads', () => {
    expect(personScopes('rep')).toEqual(expect.arrayContaining(['leads:read', 'leads:write', 'quotes:write']));
    expect(personScopes('rep')).not.toContain('quotes:approve');
    expect(personScopes('manager')).toContain('quotes:approve');
    expect(personScopes('dealer')).toEqual(expect.arrayContaining(['orders:read', 'orders:write']));
    expect(personScopes('dealer')).not.toContain('leads:read');
  });

  it('a marketer builds campaigns, letter runs and call lists and reads progress, but neither edits customers nor calls', () => {
    expect(personScopes('marketer')).toEqual(
      expect.arrayContaining(['campaigns:read', 'campaigns:write', 'customers:read', 'sessions:write']),
    );
    for (const scope of ['customers:write', 'activities:write', 'leads:read', 'quotes:read'] as const)
      expect(personScopes('marketer', ['mfa'])).not.toContain(scope);
  });

  it('managers and directors (the loyalty team) read and write loyalty; no role changes its rules at sign-in', () => {
    for (const role of ['manager', 'director'] as const)
      expect(personScopes(role)).toEqual(expect.arrayContaining(['loyalty:read', 'loyalty:write']));
    for (const role of ['rep', 'agent', 'dealer', 'admin'] as const) {
      expect(personScopes(role, ['mfa'])).not.toContain('loyalty:read');
      expect(personScopes(role, ['mfa'])).not.toContain('loyalty:write');
    }
    for (const role of roles) expect(personScopes(role, ['mfa'])).not.toContain('loyalty:admin');
  });

  it('an admin holds `admin` only with mfa in amr; without it, the reads stay', () => {
    expect(personScopes('admin', ['pwd', 'mfa'])).toContain('admin');
    for (const amr of [undefined, [], ['pwd'], ['pwd', 'otp']]) {
      expect(personScopes('admin', amr)).not.toContain('admin');
      expect(personScopes('admin', amr)).toContain('leads:read');
    }
  });

  it("no role but admin holds a scope that changes the firm's rules, and every role may sign out", () => {
    for (const role of roles.filter((r) => r !== 'admin')) {
      expect(personScopes(role, ['mfa'])).not.toEqual(expect.arrayContaining(['admin']));
      expect(roleScopes[role]).not.toContain('routing:admin');
      expect(roleScopes[role]).not.toContain('catalogue:write');
    }
    for (const role of roles) expect(personScopes(role)).toContain('sessions:write');
  });
});

describe('the session of a token', () => {
  it('is the same for every token of one sign-in and differs for another sign-in', () => {
    const first = sessionKeyId({ sub: 'u-1', auth_time: 100 });
    expect(sessionKeyId({ sub: 'u-1', auth_time: 100, amr: ['pwd'] })).toBe(first);
    expect(sessionKeyId({ sub: 'u-1', auth_time: 101 })).not.toBe(first);
    expect(sessionKeyId({ sub: 'u-2', auth_time: 100 })).not.toBe(first);
    expect(isSessionKeyId(first)).toBe(true);
    expect(isSessionKeyId('01JABCDEFGHJKMNPQRSTVWXYZ0')).toBe(false);
  });
});
