// When a campaign runs: once at an instant, or by a cron expression read in Istanbul time (five
// fields: minute hour day-of-month month day-of-week, as cron-parser reads them).
import { CronExpressionParser } from 'cron-parser';

export const CAMPAIGN_TIME_ZONE = 'Europe/Istanbul';

export type CampaignSchedule = { at: string } | { cron: string };

/** Why a cron expression is refused, or undefined when it parses. */
export const cronProblem = (cron: string): string | undefined => {
  if (cron.trim().split(/\s+/).length !== 5) return 'Five fields: minute hour day-of-month month day-of-week.';
  try {
    CronExpressionParser.parse(cron, { tz: CAMPAIGN_TIME_ZONE, strict: false });
    return undefined;
  } catch (error) {
    return (error as Error).message;
  }
};

/** The first run strictly after `after`, or undefined when there is none (a one-off already past). */
export const nextRunAfter = (schedule: CampaignSchedule, after: Date): Date | undefined => {
  if ('at' in schedule) {
    const at = new Date(schedule.at);
    return at.getTime() > after.getTime() ? at : undefined;
  }
  return CronExpressionParser.parse(schedule.cron, { currentDate: after, tz: CAMPAIGN_TIME_ZONE }).next().toDate();
};

export const isRecurring = (schedule: CampaignSchedule) => 'cron' in schedule;
