// /privacy/subject-requests — people's KVKK requests: registered, listed, read with what answering
// would give, answered (the export, or the erasure) or refused.
import { json, route, routes } from '../../../shared/http.js';
import { privacyRoutes } from '../manifest.js';
import {
  completeSubjectRequest,
  listSubjectRequests,
  refuseSubjectRequest,
  registerSubjectRequest,
  subjectRequestDetail,
} from '../subject-requests.js';

const { method, path } = privacyRoutes.completeSubjectRequest;

export const handler = routes([
  route(privacyRoutes.registerSubjectRequest, async ({ actor, body }) =>
    json(201, await registerSubjectRequest(body, actor)),
  ),
  route(privacyRoutes.listSubjectRequests, async ({ query }) => json(200, await listSubjectRequests(query))),
  route(privacyRoutes.getSubjectRequest, async ({ actor, params }) =>
    json(200, await subjectRequestDetail(params.requestId, actor)),
  ),
  route(privacyRoutes.completeSubjectRequest, async ({ actor, params, body }) =>
    json(200, await completeSubjectRequest(params.requestId, body.seq, actor, `${method} ${path}`)),
  ),
  route(privacyRoutes.refuseSubjectRequest, async ({ actor, params, body }) =>
    json(200, await refuseSubjectRequest(params.requestId, body.seq, body.reason, actor)),
  ),
]);
