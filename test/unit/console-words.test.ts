// The console names every lifecycle action a history row can show: history rows carry actions as
// plain strings, so no type ties the console's words to the lifecycles; this test does.
import { beforeAll, describe, expect, it } from 'vitest';
import { requestLifecycle } from '../../functions/call-center/domain/request-lifecycle.js';
import { campaignLifecycle } from '../../functions/campaigns/domain/campaign-lifecycle.js';
import { caseLifecycle } from '../../functions/complaint-escalation/domain/case-lifecycle.js';
import { leadLifecycle } from '../../functions/lead-capture/domain/lead-status.js';
import { orderLifecycle } from '../../functions/order-routing/domain/lifecycle.js';
import { quoteLifecycle } from '../../functions/quote-approval/domain/lifecycle.js';

let label: (group: 'action', value: string) => string;
let setLanguage: (language: 'tr' | 'en') => void;

beforeAll(async () => {
  // The console keeps its language in the browser's storage: a map stands in for it here.
  const stored = new Map<string, string>();
  Object.assign(globalThis, {
    localStorage: {
      getItem: (k: string) => stored.get(k) ?? null,
      setItem: (k: string, v: string) => stored.set(k, v),
    },
    document: { documentElement: {} },
  });
  // A specifier the compiler does not follow: the console is type-checked with its own settings (DOM).
  const strings = '../../console/src/strings.js';
  ({ label, setLanguage } = await import(strings));
});

const lifecycles = {
  leadLifecycle,
  quoteLifecycle,
  orderLifecycle,
  caseLifecycle,
  campaignLifecycle,
  requestLifecycle,
};

describe("the console's words for lifecycle actions", () => {
  it.each(Object.entries(lifecycles))('%s: every action has Turkish and English words', (_, lifecycle) => {
    for (const action of Object.keys(lifecycle.actions)) {
      setLanguage('tr');
      const turkish = label('action', action);
      setLanguage('en');
      const english = label('action', action);
      // An action the console has no words for shows as the machine value in both languages.
      expect(turkish, action).not.toBe(action);
      expect(turkish, action).not.toBe(english);
    }
  });
});
