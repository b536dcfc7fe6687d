// Segments: POST/GET /segments, GET/PATCH /segments/{id}, GET /segments/{id}/preview, POST /segments/preview.
import { viewerOf } from '../../../shared/access.js';
import { json, route, routes } from '../../../shared/http.js';
import { campaignRoutes } from '../manifest.js';
import { createSegment, listSegments, previewSegment, segmentOr404, updateSegment } from '../segments.js';

const create = route(campaignRoutes.createSegment, async ({ actor, body }) => {
  const segment = await createSegment(body, actor.userId);
  return json(201, segment, { location: `/segments/${segment.segmentId}` });
});

const list = route(campaignRoutes.listSegments, async ({ query }) =>
  json(200, await listSegments(query.limit, query.cursor)),
);

const get = route(campaignRoutes.getSegment, async ({ params }) => json(200, await segmentOr404(params.segmentId)));

const edit = route(campaignRoutes.editSegment, async ({ params, body: { seq, ...changes } }) =>
  json(200, await updateSegment(await segmentOr404(params.segmentId), changes, seq)),
);

const consentNote = (topic?: string) =>
  `Checked per recipient at send time: email${topic ? `, topic "${topic}"` : ''}.`;

const preview = route(campaignRoutes.previewSegment, async ({ actor, params }) => {
  const segment = await segmentOr404(params.segmentId);
  return json(200, {
    ...(await previewSegment(segment.filter, await viewerOf(actor))),
    consent: consentNote(segment.consent.topic),
  });
});

const previewUnsaved = route(campaignRoutes.previewFilter, async ({ actor, body }) =>
  json(200, {
    ...(await previewSegment(body.filter, await viewerOf(actor))),
    consent: consentNote(body.consent?.topic),
  }),
);

export const handler = routes([create, list, get, edit, preview, previewUnsaved]);
