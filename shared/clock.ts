// The one clock every route, consumer and job reads for "now". In AWS it is the system clock. The local
// runtime can move it (`POST /_local/clock`), so a test or a person can live through a week of SLA
// deadlines, reminders and expiries in minutes. Elapsed-time budgets (how long a Lambda may keep
// working) measure real time with Date.now(), not this clock.
let offsetMs = 0;

/** The current instant as the CRM sees it. */
export const clockNow = (): Date => new Date(Date.now() + offsetMs);

/** Sets the clock to read `at` from now on, running on from there; `undefined` puts it back to real time. */
export const setClock = (at: Date | undefined) => {
  offsetMs = at ? at.getTime() - Date.now() : 0;
};
