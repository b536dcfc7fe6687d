// /letter-runs — list the runs, create a run for a segment (answered at once: it is counted and its parts
// printed in the background), resume it, read its progress and its PDFs.
import { json, route, routes } from '../../../shared/http.js';
import { NotFoundError } from '../../../shared/problems.js';
import { runAnswer as answer, createRun, listRuns, partPdf, resumeRun, runOr404 } from '../letter-runs.js';
import { letterRoutes } from '../manifest.js';

export const handler = routes([
  route(letterRoutes.createRun, async ({ actor, body, once }) =>
    json(202, await once(body, async (record) => answer(await createRun(body, actor.userId, record)))),
  ),
  route(letterRoutes.listRuns, async ({ query }) => {
    const page = await listRuns(query);
    return json(200, { items: page.items.map(answer), ...(page.next ? { next: page.next } : {}) });
  }),
  route(letterRoutes.getRun, async ({ params }) => json(200, answer(await runOr404(params.runId)))),
  route(letterRoutes.printPart, async ({ params }) => json(202, answer(await resumeRun(params.runId)))),
  route(letterRoutes.getPart, async ({ params }) => {
    const part = /^\d{1,6}$/.test(params.part) ? Number(params.part) : 0;
    const pdf = part > 0 ? await partPdf(params.runId, part) : undefined;
    if (!pdf) throw new NotFoundError({ en: `Part ${params.part} of the run`, tr: `Baskının ${params.part}. bölümü` });
    return {
      statusCode: 200,
      headers: {
        'content-type': 'application/pdf',
        'content-disposition': `inline; filename="letters-${params.runId}-${part}.pdf"`,
        'cache-control': 'no-store',
      },
      body: Buffer.from(pdf).toString('base64'),
      isBase64Encoded: true,
    };
  }),
]);
