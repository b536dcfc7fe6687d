// GET /case-links/survey?token= shows the survey; POST records the answer. A forged, expired or
// used link gets a clear page and changes nothing.
import { clockNow } from '../../../shared/clock.js';
import { route, routes } from '../../../shared/http.js';
import { defaultLanguage } from '../../../shared/language.js';
import { getCaseByKey } from '../case-store.js';
import { caseRoutes } from '../manifest.js';
import { saveSurveyAnswer, surveyAnswerSchema, surveyLink } from '../survey.js';
import { surveyOutcomePage, surveyPage } from '../templates/survey-page.js';

const survey = async (token: string, posted?: Record<string, unknown>) => {
  const link = await surveyLink.read(token);
  if (!link.ok) return surveyOutcomePage(defaultLanguage, link.reason);
  const found = await getCaseByKey(link.claims.customerId, link.claims.caseId);
  if (!found) return surveyOutcomePage(defaultLanguage, 'invalid');
  if (found.survey) return surveyOutcomePage(found.language, 'used');
  if (!posted) return surveyPage(found.language, { caseNumber: found.caseNumber, token });
  const answer = surveyAnswerSchema.safeParse({ score: posted.score ?? '', comment: posted.comment || undefined });
  if (!answer.success) {
    const problem = answer.error.issues.some((issue) => issue.path[0] === 'score') ? 'scoreMissing' : 'commentRefused';
    return surveyPage(found.language, { caseNumber: found.caseNumber, token, problem });
  }
  const now = clockNow();
  const saved = await saveSurveyAnswer(
    found,
    surveyLink.spend(link),
    { ...answer.data, answeredAt: now.toISOString() },
    now,
  );
  return surveyOutcomePage(found.language, saved ? 'thanks' : 'used');
};

export const handler = routes([
  route(caseRoutes.surveyPage, async ({ query }) => survey(query.token ?? '')),
  route(caseRoutes.answerSurvey, async ({ body }) => survey(typeof body.token === 'string' ? body.token : '', body)),
]);
