// Scheduled every minute: starts the campaign runs that are due and resumes stalled worker chains.
import { scheduledHandler } from '../../../shared/scheduled.js';
import { sweepCampaigns } from '../campaigns.js';

export const handler = scheduledHandler('sweep-campaigns', sweepCampaigns);
