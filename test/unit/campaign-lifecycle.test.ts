// A campaign's moves, each from every status: a recurring run re-arms, a cancel stops a run.
import { describe, expect, it } from 'vitest';
import {
  type CampaignStatus,
  campaignLifecycle,
  campaignStatuses,
} from '../../functions/campaigns/domain/campaign-lifecycle.js';
import { refusal } from '../support/refusals.js';

const moves: Record<CampaignStatus, string[]> = {
  draft: ['schedule', 'cancel'],
  scheduled: ['start', 'cancel'],
  sending: ['finish', 'rearm', 'cancel'],
  sent: [],
  cancelled: [],
};

describe('campaign lifecycle', () => {
  it.each(campaignStatuses)('offers a %s campaign exactly its moves', (status) => {
    expect(campaignLifecycle.allowed(status)).toEqual(moves[status]);
  });

  it('walks draft → scheduled → sending → scheduled again → sending → sent', () => {
    const path = ['schedule', 'start', 'rearm', 'start', 'finish'] as const;
    let status: CampaignStatus = 'draft';
    const seen = path.map((action) => {
      status = campaignLifecycle.apply(status, action);
      return status;
    });
    expect(seen).toEqual(['scheduled', 'sending', 'scheduled', 'sending', 'sent']);
  });

  it.each(['draft', 'scheduled', 'sending'] as const)('cancels a %s campaign', (status) => {
    expect(campaignLifecycle.apply(status, 'cancel')).toBe('cancelled');
  });

  it.each(['sent', 'cancelled'] as const)('refuses every move of a %s campaign as a conflict', (status) => {
    for (const action of ['schedule', 'start', 'finish', 'rearm', 'cancel'] as const) {
      expect(refusal(() => campaignLifecycle.apply(status, action))).toMatchObject({
        status: 409,
        code: 'illegal-transition',
      });
    }
  });
});
