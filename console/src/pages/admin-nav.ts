// The admin area's own links: one list for every admin page, shown at the top of each.
import { html, nothing } from 'lit';
import { type StringKey, t } from '../strings.js';

const adminPages: [hash: string, label: StringKey][] = [
  ['#/admin/people', 'people'],
  ['#/admin/keys', 'apiKeys'],
  ['#/admin/routing', 'adminRouting'],
  ['#/admin/approval', 'adminApproval'],
  ['#/admin/analytics', 'adminAnalytics'],
  ['#/admin/catalogue', 'adminCatalogue'],
  ['#/admin/order-import', 'ordersImport'],
];

export const adminNav = (current: StringKey) =>
  html`<nav aria-label=${t('adminArea')}><ul>${adminPages.map(
    ([hash, label]) =>
      html`<li><a href=${hash} aria-current=${label === current ? 'page' : nothing}>${t(label)}</a></li>`,
  )}</ul></nav>`;
