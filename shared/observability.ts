// Powertools Logger and Metrics, one instance each per function. Log ids and codes, never personal data.
import { Logger } from '@aws-lambda-powertools/logger';
import { Metrics } from '@aws-lambda-powertools/metrics';

export const logger = new Logger({ serviceName: 'pusula' });
export const metrics = new Metrics({ namespace: 'Pusula', serviceName: 'pusula' });
