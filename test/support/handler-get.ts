// A GET through a route's Lambda handler, as API Gateway would call it after the authorizer: for
// integration tests of a list's parsing, filtering and problems without the HTTP server.
import type { Context } from 'aws-lambda';
import type { HttpEvent } from '../../shared/http.js';

type Handler = (event: HttpEvent, context: Context) => Promise<{ statusCode: number; body?: string }>;

export const getThrough = async (
  handler: Handler,
  path: string,
  query: Record<string, string>,
  who: { userId: string; role: string; scopes: string },
) => {
  const answer = await handler(
    {
      httpMethod: 'GET',
      resource: path,
      path,
      headers: {},
      queryStringParameters: query,
      requestContext: { authorizer: { keyId: `k-${who.userId}`, ...who, caller: 'integration' } },
    } as unknown as HttpEvent,
    {} as Context,
  );
  return { status: answer.statusCode, body: answer.body ?? '', json: () => JSON.parse(answer.body ?? '{}') };
};
