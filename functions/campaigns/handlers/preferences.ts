// GET /unsubscribe/preferences?token= lists the topics with the subscriber's current choice; POST
// leaves one topic (or `all`) and shows the list again. Leaving one never touches the others.
import { route, routes } from '../../../shared/http.js';
import { defaultLanguage } from '../../../shared/language.js';
import { leave, preferencesOf, subscriberOf, topics } from '../subscriptions.js';
import { subscriptionRoutes } from '../subscriptions-manifest.js';
import { linkProblemPage, preferencesPage } from '../templates/subscription-pages.js';

const preferences = async (token: string, topic?: string) => {
  const read = await subscriberOf(token);
  if (!read.ok) return linkProblemPage(defaultLanguage, read.reason);
  const { subscriber } = read;
  if (topic === undefined) return preferencesPage(subscriber.language, token, await preferencesOf(subscriber));
  if (topic !== 'all' && !topics().includes(topic)) {
    return preferencesPage(subscriber.language, token, await preferencesOf(subscriber), 'unknown-topic', 400);
  }
  const { withdrawn } = await leave(subscriber, topic, 'preferences');
  return preferencesPage(subscriber.language, token, await preferencesOf(subscriber), { topic, withdrawn });
};

export const handler = routes([
  route(subscriptionRoutes.preferencesPage, async ({ query }) => preferences(query.token ?? '')),
  route(subscriptionRoutes.leaveTopic, async ({ query, body }) => preferences(query.token ?? '', body.topic ?? '')),
]);
