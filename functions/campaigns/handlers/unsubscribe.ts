// GET /unsubscribe?token= shows the confirmation in the customer's language; POST (RFC 8058 one-click
// from a mail client, or the page's button) withdraws consent for the link's topic at once. No origin
// check: mail clients post one-click requests cross-site; the signed token is what authorises.
import { route, routes } from '../../../shared/http.js';
import { defaultLanguage } from '../../../shared/language.js';
import { leave, subscriberOf } from '../subscriptions.js';
import { subscriptionRoutes } from '../subscriptions-manifest.js';
import { confirmPage, linkProblemPage, outcomePage } from '../templates/subscription-pages.js';

const unsubscribe = async (token: string, posted: boolean) => {
  const read = await subscriberOf(token);
  // Before the customer is known, the page speaks the firm's default language.
  if (!read.ok) return linkProblemPage(defaultLanguage, read.reason);
  const { subscriber } = read;
  if (!posted) return confirmPage(subscriber.language, token, subscriber.topic);
  const { withdrawn } = await leave(subscriber, subscriber.topic, 'one-click');
  return outcomePage(subscriber.language, token, subscriber.topic, withdrawn);
};

export const handler = routes([
  route(subscriptionRoutes.unsubscribePage, async ({ query }) => unsubscribe(query.token ?? '', false)),
  route(subscriptionRoutes.unsubscribe, async ({ query }) => unsubscribe(query.token ?? '', true)),
]);
