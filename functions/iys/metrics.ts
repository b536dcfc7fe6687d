// The İYS sync's figures: each push run publishes them, and the manifest declares their alarms (the
// stack draws them on its dashboard).
export const iysMetricNames = {
  /** Minutes since the oldest consent change still waiting to reach İYS was made (0 with none waiting). */
  lag: 'IysSyncLagMinutes',
  /** Consent changes waiting to reach İYS. */
  waiting: 'IysPushesWaiting',
  /** Consent changes İYS refused in the run (each listed in GET /iys/status, not retried). */
  refused: 'IysPushesRefused',
} as const;
