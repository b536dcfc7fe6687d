// GET /channel-preference?token= shows the customer's choice; POST records a new one (via `link`).
import { getCustomer } from '../../../shared/customer.js';
import { route, routes } from '../../../shared/http.js';
import { defaultLanguage } from '../../../shared/language.js';
import { ProblemError } from '../../../shared/problems.js';
import { channelRoutes } from '../manifest.js';
import { isNoticeChannel, preferenceLink, preferenceView, setPreference } from '../preferences.js';
import { type PreferenceNotice, preferenceLinkProblem, preferencePage } from '../templates/preference-page.js';

const show = async (token: string, choice?: string) => {
  const read = await preferenceLink.read(token);
  if (!read.ok) return preferenceLinkProblem(defaultLanguage, read.reason);
  const customer = await getCustomer(read.claims.customerId);
  if (!customer) return preferenceLinkProblem(defaultLanguage, 'invalid');
  let notice: PreferenceNotice | undefined;
  let status = 200;
  if (choice !== undefined) {
    if (!isNoticeChannel(choice)) [notice, status] = ['unknown', 400];
    else {
      try {
        await setPreference(customer.customerId, choice, { via: 'link', setBy: customer.customerId });
        notice = 'saved';
      } catch (error) {
        if (!(error instanceof ProblemError) || error.status !== 422) throw error;
        [notice, status] = ['refused', 422];
      }
    }
  }
  return preferencePage(customer.language, token, await preferenceView(customer.customerId), notice, status);
};

export const handler = routes([
  route(channelRoutes.preferencePage, async ({ query }) => show(query.token ?? '')),
  route(channelRoutes.choosePreference, async ({ query, body }) => show(query.token ?? '', body.channel ?? '')),
]);
