// A campaign's life: drafted, scheduled, sending a run, then sent — or, when it recurs, scheduled
// again for its next run — or cancelled, which also stops a run in progress.
import { defineLifecycle } from '../../../shared/lifecycle.js';

export const campaignStatuses = ['draft', 'scheduled', 'sending', 'sent', 'cancelled'] as const;
export type CampaignStatus = (typeof campaignStatuses)[number];

export const campaignLifecycle = defineLifecycle({
  name: 'campaign',
  states: campaignStatuses,
  actions: {
    schedule: { from: ['draft'], to: 'scheduled' },
    start: { from: ['scheduled'], to: 'sending' },
    finish: { from: ['sending'], to: 'sent' },
    /** A recurring campaign's run ended and its next one is queued. */
    rearm: { from: ['sending'], to: 'scheduled' },
    cancel: { from: ['draft', 'scheduled', 'sending'], to: 'cancelled' },
  },
  tr: {
    record: 'kampanya',
    states: {
      draft: 'Taslak',
      scheduled: 'Zamanlandı',
      sending: 'Gönderiliyor',
      sent: 'Gönderildi',
      cancelled: 'İptal edildi',
    },
    actions: {
      schedule: 'zamanlama',
      start: 'başlatma',
      finish: 'bitirme',
      rearm: 'yeniden zamanlama',
      cancel: 'iptal',
    },
  },
});
