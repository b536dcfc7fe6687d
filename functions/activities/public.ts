// What other modules may use of activities.
export type { Activity } from './domain/activity.js';
