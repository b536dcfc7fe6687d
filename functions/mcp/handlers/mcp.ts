// POST /mcp — the Model Context Protocol over Streamable HTTP in stateless mode; GET /mcp — 405 (no
// event stream without sessions). The authorizer has checked the key; the tools call the API with it.
import { header, route, routes } from '../../../shared/http.js';
import { PayloadTooLargeError, ProblemError } from '../../../shared/problems.js';
import { mcpRoutes } from '../manifest.js';
import { answerMcp } from '../server.js';

const maxBytes = mcpRoutes.mcp.request.body.maxBytes;

const post = route(mcpRoutes.mcp, async ({ actor }, event) => {
  const raw = event.body ?? '';
  const bytes = event.isBase64Encoded ? Buffer.from(raw, 'base64') : Buffer.from(raw, 'utf8');
  if (bytes.length > maxBytes) throw new PayloadTooLargeError(maxBytes);
  const headers = new Headers();
  for (const [name, value] of Object.entries(event.headers ?? {})) if (value !== undefined) headers.set(name, value);
  const request = new Request('https://mcp.invalid/mcp', { method: 'POST', headers, body: new Uint8Array(bytes) });
  const answer = await answerMcp(
    { actor, authorization: header(event, 'authorization') ?? '', language: header(event, 'accept-language') },
    request,
  );
  return { statusCode: answer.status, headers: answer.headers, body: answer.body };
});

const stream = route(mcpRoutes.mcpStream, async () => {
  throw new ProblemError(405, 'method-not-allowed', {
    en: 'This MCP server is stateless: it offers no event stream. POST JSON-RPC messages to /mcp.',
    tr: 'Bu MCP sunucusu durumsuzdur: olay akışı sunmaz. JSON-RPC mesajlarını /mcp adresine POST edin.',
  });
});

export const handler = routes([post, stream]);
