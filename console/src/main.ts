// The console's shell: a hash router (so a deep link like /console/#/customers/<id> in a staff mail
// opens the record, after sign-in when needed), the header with the language toggle, and sign-out.
import '@picocss/pico/css/pico.min.css';
import './console.css';
import { html, nothing, render } from 'lit';
import { api } from './api.js';
import { caller, forgetCaller, holds, type Me, type Scope } from './caller.js';
import { numberSearch } from './number-search.js';
import { signInPage } from './pages/sign-in.js';
import { forget, refreshTokenOf, signedIn } from './session.js';
import { currentLanguage, type StringKey, setLanguage, t } from './strings.js';
import { main } from './ui.js';

type View = (params: Record<string, string>, query: URLSearchParams) => unknown;

// Each page's module is loaded when first visited, so the sign-in page does not carry chart.js.
/** A unit's people (a dealer, a department) start the day at their inbox; everyone else at home. */
const startPage = async (): Promise<View | undefined> =>
  (await caller())?.unitId ? (await import('./pages/inbox.js')).inboxPage : undefined;

const routes: [RegExp, () => Promise<View>][] = [
  [/^\/$/, async () => (await startPage()) ?? (await import('./pages/home.js')).homePage],
  // the counts of the day's work, whatever the caller's start page
  [/^\/today$/, async () => (await import('./pages/home.js')).homePage],
  // a unit's inbox and a request's page (dealers open it from their mail)
  [/^\/inbox$/, async () => (await import('./pages/inbox.js')).inboxPage],
  [/^\/requests\/(?<requestId>[^/]+)$/, async () => (await import('./pages/inbox.js')).requestPage],
  [/^\/leads$/, async () => (await import('./pages/leads.js')).leadsPage],
  [/^\/leads\/(?<leadId>[^/]+)$/, async () => (await import('./pages/leads.js')).leadPage],
  [/^\/dashboard$/, async () => (await import('./pages/dashboard.js')).dashboardPage],
  [/^\/customers\/(?<customerId>[^/]+)$/, async () => (await import('./pages/customer.js')).customerPage],
  [/^\/lookup$/, async () => (await import('./pages/lookup.js')).lookupPage],
  [/^\/desk$/, async () => (await import('./pages/desk.js')).deskPage],
  [/^\/quotes$/, async () => (await import('./pages/quotes.js')).quotesPage],
  [/^\/quotes\/new$/, async () => (await import('./pages/quotes.js')).quoteBuilderPage],
  [/^\/orders$/, async () => (await import('./pages/queues.js')).ordersPage],
  [/^\/cases$/, async () => (await import('./pages/queues.js')).casesPage],
  // The customer's record and a quote's page (console-record)
  [/^\/quotes\/(?<quoteId>[^/]+)$/, async () => (await import('./pages/quote.js')).quotePage],
  [
    /^\/quotes\/(?<quoteId>[^/]+)\/versions\/(?<version>\d+)$/,
    async () => (await import('./pages/quote.js')).quoteVersionPage,
  ],
  // rules, catalogue import, order and case pages (console-rules)
  [/^\/orders\/(?<orderId>[^/]+)$/, async () => (await import('./pages/order.js')).orderPage],
  [/^\/agreements\/(?<agreementId>[^/]+)$/, async () => (await import('./pages/agreement.js')).agreementPage],
  // a customer's standing order: made, seen, and its months paused
  [/^\/standing-orders\/new$/, async () => (await import('./pages/standing-order.js')).newStandingOrderPage],
  [
    /^\/standing-orders\/(?<standingOrderId>[^/]+)$/,
    async () => (await import('./pages/standing-order.js')).standingOrderPage,
  ],
  [/^\/cases\/(?<caseId>[^/]+)$/, async () => (await import('./pages/case.js')).casePage],
  [/^\/admin\/routing$/, async () => (await import('./pages/rules.js')).routingRulesPage],
  [/^\/admin\/approval$/, async () => (await import('./pages/rules.js')).approvalPolicyPage],
  [/^\/admin\/analytics$/, async () => (await import('./pages/rules.js')).analyticsRulesPage],
  [/^\/admin\/catalogue$/, async () => (await import('./pages/catalogue.js')).cataloguePage],
  [/^\/admin\/order-import$/, async () => (await import('./pages/catalogue.js')).orderImportPage],
  // people and keys (admin)
  [/^\/admin\/people$/, async () => (await import('./pages/admin-people.js')).peoplePage],
  [/^\/admin\/people\/(?<userId>[^/]+)$/, async () => (await import('./pages/admin-people.js')).personPage],
  [/^\/admin\/keys$/, async () => (await import('./pages/admin-keys.js')).keysPage],
  // campaigns (with send progress) and the agenda (console-campaigns)
  [/^\/campaigns$/, async () => (await import('./pages/campaigns.js')).campaignsPage],
  [/^\/campaigns\/new$/, async () => (await import('./pages/campaigns.js')).newCampaignPage],
  [/^\/campaigns\/(?<campaignId>[^/]+)$/, async () => (await import('./pages/campaigns.js')).campaignPage],
  [/^\/segments$/, async () => (await import('./pages/segments.js')).segmentsPage],
  [/^\/templates$/, async () => (await import('./pages/segments.js')).templatesPage],
  [/^\/agenda$/, async () => (await import('./pages/agenda.js')).agendaPage],
  [/^\/agenda\/team$/, async () => (await import('./pages/agenda.js')).teamAgendaPage],
  // a product's recipe and the overdue instalments (sales)
  [/^\/catalogue\/products\/(?<sku>[^/]+)$/, async () => (await import('./pages/sales.js')).productPage],
  [/^\/instalments\/overdue$/, async () => (await import('./pages/sales.js')).overdueInstalmentsPage],
  // language and sign-in: a person's account (TOTP setup)
  [/^\/account\/mfa$/, async () => (await import('./pages/account.js')).mfaPage],
  // the marketer's day: start page, a text campaign's preview, letter runs, call lists (console-marketer)
  [/^\/marketing$/, async () => (await import('./pages/marketing.js')).marketingPage],
  [/^\/marketing\/sms-preview$/, async () => (await import('./pages/marketing.js')).smsPreviewPage],
  [/^\/letter-runs\/new$/, async () => (await import('./pages/letter-runs.js')).newLetterRunPage],
  [/^\/letter-runs\/(?<runId>[^/]+)$/, async () => (await import('./pages/letter-runs.js')).letterRunPage],
  [/^\/call-lists\/new$/, async () => (await import('./pages/call-lists.js')).newCallListPage],
  [/^\/call-lists\/(?<listId>[^/]+)$/, async () => (await import('./pages/call-lists.js')).callListPage],
  // the privacy officer's page: subject requests, the read log, retention dry runs (console-privacy)
  [/^\/privacy$/, async () => (await import('./pages/privacy.js')).privacyPage],
  [/^\/privacy\/requests\/(?<requestId>[^/]+)$/, async () => (await import('./pages/privacy.js')).subjectRequestPage],
];

/**
 * The header's links, in order: each page that starts a piece of work, with the scope its list needs
 * (none: every caller). A link shows only when the caller (GET /me) holds it; `admin` covers all.
 */
const navLinks: [hash: string, label: StringKey, scope?: Scope][] = [
  ['#/today', 'home'],
  ['#/inbox', 'inbox', 'requests:read'],
  ['#/leads', 'leads', 'leads:read'],
  ['#/quotes', 'quotes', 'quotes:read'],
  ['#/desk', 'desk', 'requests:write'],
  ['#/lookup', 'lookup', 'customers:read'],
  ['#/orders', 'orders', 'orders:read'],
  ['#/cases', 'cases', 'cases:read'],
  ['#/dashboard', 'dashboard', 'analytics:read'],
  // campaigns and the agenda (console-campaigns)
  ['#/agenda', 'agenda', 'customers:read'],
  ['#/campaigns', 'campaigns', 'campaigns:read'],
  // the marketer's day (console-marketer)
  ['#/marketing', 'marketing', 'campaigns:write'],
  // the overdue instalments (sales)
  ['#/instalments/overdue', 'overdueInstalments', 'quotes:approve'],
  // people and keys (admin)
  ['#/admin/people', 'adminArea', 'admin'],
  // people's KVKK requests and the read log (the privacy officer: an admin after the second factor)
  ['#/privacy', 'privacy', 'privacy:read'],
  // language and sign-in: setting up MFA is an admin's first piece of work
  ['#/account/mfa', 'account'],
];

/**
 * Where a role starts its day, when it is a page of its own: the agent at the call desk, a manager at
 * the approvals waiting for them, a marketer at the campaigns, letter runs and call lists going, an
 * admin at the people they manage (or, before the second factor, at setting it up). Reps and directors start at the day's counts, a unit's people at their inbox.
 */
const startHash = (me: Me | undefined): string | undefined => {
  if (!me || me.unitId) return undefined;
  if (me.role === 'agent') return '#/desk';
  if (me.role === 'manager') return '#/quotes';
  if (me.role === 'marketer') return '#/marketing';
  if (me.role === 'admin') return holds(me, 'admin') ? '#/admin/people' : '#/account/mfa';
  return undefined;
};

const signOut = async () => {
  const refreshToken = refreshTokenOf();
  if (refreshToken) await (await api()).POST('/auth/sign-out', { body: { refreshToken } });
  forget();
  forgetCaller();
  location.hash = '#/sign-in';
};

const drawNav = async () => {
  document.documentElement.lang = currentLanguage();
  const me = signedIn() ? await caller() : undefined;
  const here = location.hash.split('?')[0] || '#/';
  // The inbox is a unit's: only its people have one.
  const shown = navLinks.filter(([hash, , scope]) => holds(me, scope) && (hash !== '#/inbox' || me?.unitId));
  const links = (wide?: 'nav-wide') =>
    html`${shown.map(([hash, label]) => html`<li class=${wide ?? nothing}><a href=${hash} aria-current=${hash === here ? 'page' : nothing}>${t(label)}</a></li>`)}
      <li class=${wide ?? nothing}><button type="button" class="secondary outline" @click=${signOut}>${t('signOut')}</button></li>`;
  // On a phone the number search, the links and sign-out fold into one menu; console.css shows one of the
  // two by width.
  render(
    html`<ul><li><strong>${t('appName')}</strong></li></ul>
      ${signedIn() ? html`<ul><li class="nav-wide">${numberSearch()}</li></ul>` : ''}
      <ul>
        ${
          signedIn()
            ? html`<li class="nav-narrow">
                <details class="dropdown">
                  <summary>${t('menu')}</summary>
                  <ul dir="rtl" aria-label=${t('pages')}><li>${numberSearch()}</li>${links()}</ul>
                </details>
              </li>
              ${links('nav-wide')}`
            : ''
        }
        <li>
          <button type="button" class="contrast outline" lang=${currentLanguage() === 'tr' ? 'en' : 'tr'}
            @click=${() => {
              setLanguage(currentLanguage() === 'tr' ? 'en' : 'tr');
              void route();
            }}>${t('language')}</button>
        </li>
      </ul>`,
    document.getElementById('nav')!,
  );
  // A page was chosen: the phone's menu closes.
  document.querySelector('#nav details')?.removeAttribute('open');
};

const route = async () => {
  const [path = '/', search = ''] = location.hash.replace(/^#/, '').split('?');
  const query = new URLSearchParams(search);
  // On the sign-in page whoever signs in next is asked for their scopes afresh.
  if (path === '/sign-in' || !signedIn()) forgetCaller();
  await drawNav();
  if (path === '/sign-in' || !signedIn()) {
    if (path !== '/sign-in') {
      location.hash = `#/sign-in?next=${encodeURIComponent(location.hash.slice(1) || '/')}`;
      return;
    }
    return signInPage(query.get('next') ?? '/', () => {
      location.hash = `#${query.get('next') ?? '/'}`;
    });
  }
  const start = path === '/' ? startHash(await caller()) : undefined;
  if (start) {
    location.hash = start;
    return;
  }
  for (const [pattern, load] of routes) {
    const match = pattern.exec(path);
    if (!match) continue;
    main().setAttribute('aria-busy', 'true');
    try {
      await (await load())(match.groups ?? {}, query);
    } finally {
      main().removeAttribute('aria-busy');
    }
    return;
  }
  render(html`<article role="alert">${t('notFound')}</article>`, main());
};

window.addEventListener('hashchange', () => void route());
void route();
