// The console's shell: a hash router (so a deep link like /console/#/customers/<id> in a staff mail
// opens the record, after sign-in when needed), the header with the language toggle, and sign-out.
import '@picocss/pico/css/pico.min.css';
import './console.css';
import { html, render } from 'lit';
import { api } from './api.js';
import { signInPage } from './pages/sign-in.js';
import { currentLanguage, setLanguage, type StringKey, t } from './strings.js';
import { forget, refreshTokenOf, signedIn } from './session.js';
import { main } from './ui.js';

type View = (params: Record<string, string>, query: URLSearchParams) => unknown;

// Each page's module is loaded when first visited, so the sign-in page does not carry chart.js.
const routes: [RegExp, () => Promise<View>][] = [
  [/^\/$/, async () => (await import('./pages/home.js')).homePage],
  [/^\/leads$/, async () => (await import('./pages/leads.js')).leadsPage],
  [/^\/leads\/(?<leadId>[^/]+)$/, async () => (await import('./pages/leads.js')).leadPage],
  [/^\/dashboard$/, async () => (await import('./pages/dashboard.js')).dashboardPage],
  [/^\/customers\/(?<customerId>[^/]+)$/, async () => (await import('./pages/customer.js')).customerPage],
  [/^\/lookup$/, async () => (await import('./pages/lookup.js')).lookupPage],
  [/^\/quotes$/, async () => (await import('./pages/quotes.js')).quotesPage],
  [/^\/quotes\/new$/, async () => (await import('./pages/quotes.js')).quoteBuilderPage],
  [/^\/orders$/, async () => (await import('./pages/queues.js')).ordersPage],
  [/^\/cases$/, async () => (await import('./pages/queues.js')).casesPage],
  // language and sign-in: a person's account (TOTP setup)
  [/^\/account\/mfa$/, async () => (await import('./pages/account.js')).mfaPage],
];

/** The header's links, in order: each page that starts a piece of work. */
const navLinks: [hash: string, label: StringKey][] = [
  ['#/', 'home'],
  ['#/leads', 'leads'],
  ['#/quotes', 'quotes'],
  ['#/lookup', 'lookup'],
  ['#/orders', 'orders'],
  ['#/cases', 'cases'],
  ['#/dashboard', 'dashboard'],
  // language and sign-in: setting up MFA is an admin's first piece of work
  ['#/account/mfa', 'account'],
];

const signOut = async () => {
  const refreshToken = refreshTokenOf();
  if (refreshToken) await (await api()).POST('/auth/sign-out', { body: { refreshToken } });
  forget();
  location.hash = '#/sign-in';
};

const drawNav = () => {
  document.documentElement.lang = currentLanguage();
  const link = ([hash, label]: (typeof navLinks)[number]) => html`<li><a href=${hash}>${t(label)}</a></li>`;
  render(
    html`<ul><li><strong>${t('appName')}</strong></li></ul>
      <ul>
        ${signedIn()
          ? html`${navLinks.map(link)}
              <li><button type="button" class="secondary outline" @click=${signOut}>${t('signOut')}</button></li>`
          : ''}
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
};

const route = async () => {
  const [path = '/', search = ''] = location.hash.replace(/^#/, '').split('?');
  const query = new URLSearchParams(search);
  drawNav();
  if (path === '/sign-in' || !signedIn()) {
    if (path !== '/sign-in') {
      location.hash = `#/sign-in?next=${encodeURIComponent(location.hash.slice(1) || '/')}`;
      return;
    }
    return signInPage(query.get('next') ?? '/', () => {
      location.hash = `#${query.get('next') ?? '/'}`;
    });
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
