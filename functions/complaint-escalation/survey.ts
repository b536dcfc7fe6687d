// The satisfaction survey: a signed, single-use link mailed on resolution; the answer stored on the
// case with the link spent and `CaseSurveyAnswered` in one transaction, so a reused link changes
// nothing; a low score tells the department's manager (a consumer of that event).
import { itemExists, type TransactItem, tableName, transact } from '../../shared/db.js';
import { defineLink } from '../../shared/links.js';
import { outboxPut } from '../../shared/outbox.js';
import * as z from '../../shared/schema.js';
import { catalogue } from '../event-table.js';
import { type Case, cases, type SurveyAnswer } from './case-store.js';

/** A score at or below this alerts the department's manager. */
export const LOW_SCORE = 2;

export const surveyLink = defineLink({
  purpose: 'case-survey',
  path: '/case-links/survey',
  claims: z.object({ customerId: z.string(), caseId: z.string() }),
  ttlSeconds: 30 * 24 * 3600,
  singleUse: { by: 'marker' },
});

export const surveyAnswerSchema = z.object({
  score: z.pipe(z.string(), z.transform(Number)).check(z.refine((n) => Number.isInteger(n) && n >= 1 && n <= 5)),
  comment: z.optional(z.text(2000)),
});

/** Records the answer if the case has none yet and the link is unspent; false when it was already answered. */
export const saveSurveyAnswer = async (c: Case, spend: TransactItem, answer: SurveyAnswer, now: Date) => {
  const saved = await transact([
    {
      Update: {
        TableName: tableName(),
        Key: cases.key(c),
        // The seq counts it, so a move based on an earlier read cannot write the case back without it.
        UpdateExpression: 'SET survey = :survey, seq = seq + :one',
        ConditionExpression: `${itemExists} AND attribute_not_exists(survey)`,
        ExpressionAttributeValues: { ':survey': answer, ':one': 1 },
      },
    },
    spend,
    outboxPut(
      catalogue.CaseSurveyAnswered,
      {
        caseId: c.caseId,
        customerId: c.customerId,
        departmentId: c.departmentId,
        score: answer.score,
        lowScore: answer.score <= LOW_SCORE,
      },
      now,
    ),
  ]);
  return saved.ok;
};
