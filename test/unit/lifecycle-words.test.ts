// Every lifecycle gives each of its statuses and actions a Turkish word of its own: a Turkish reader
// of a refusal or a history row meets no English status name and no blank, and no two steps share a word.
import { describe, expect, it } from 'vitest';
import { todoLifecycle } from '../../functions/activities/domain/activity.js';
import { requestLifecycle } from '../../functions/call-center/domain/request-lifecycle.js';
import { campaignLifecycle } from '../../functions/campaigns/domain/campaign-lifecycle.js';
import { caseLifecycle } from '../../functions/complaint-escalation/domain/case-lifecycle.js';
import { leadLifecycle } from '../../functions/lead-capture/domain/lead-status.js';
import { opportunityLifecycle } from '../../functions/opportunities/domain/stages.js';
import { orderLifecycle } from '../../functions/order-routing/domain/lifecycle.js';
import { quoteLifecycle } from '../../functions/quote-approval/domain/lifecycle.js';

const lifecycles = {
  todoLifecycle,
  requestLifecycle,
  campaignLifecycle,
  caseLifecycle,
  leadLifecycle,
  opportunityLifecycle,
  orderLifecycle,
  quoteLifecycle,
};

/** A word, not a blank nor the machine value: letters first and last, no underscore. */
const word = /^[\p{L}].*[\p{L}]$/u;

describe('the Turkish words of each lifecycle', () => {
  it.each(Object.entries(lifecycles))('%s: every status has a Turkish word of its own', (_, lifecycle) => {
    const tr = lifecycle.tr.states as Record<string, string>;
    const words = lifecycle.states.map((state: string) => tr[state]);
    for (const [i, state] of lifecycle.states.entries()) {
      expect(words[i], state).toMatch(word);
      expect(words[i], state).not.toBe(state);
      expect(words[i], state).not.toContain('_');
    }
    expect(new Set(words).size).toBe(words.length);
  });

  it.each(Object.entries(lifecycles))('%s: every action has a Turkish word of its own', (_, lifecycle) => {
    const tr = lifecycle.tr.actions as Record<string, string>;
    const actions = Object.keys(lifecycle.actions);
    const words = actions.map((action) => tr[action]);
    for (const [i, action] of actions.entries()) {
      expect(words[i], action).toMatch(word);
      expect(words[i], action).not.toBe(action);
    }
    expect(new Set(words).size).toBe(words.length);
    expect(lifecycle.tr.record).toMatch(word);
  });
});
