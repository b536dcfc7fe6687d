// My work today: the day's queues, each a link to the page that works it.
import { html } from 'lit';
import { t } from '../strings.js';
import { show } from '../ui.js';

export const homePage = () =>
  show(html`<h1>${t('home')}</h1>
    <ul>
      <li><a href="#/leads?status=new">${t('leads')} · new</a></li>
      <li><a href="#/quotes">${t('awaitingMe')}</a></li>
      <li><a href="#/lookup">${t('lookup')}</a></li>
      <li><a href="#/orders">${t('orders')}</a></li>
      <li><a href="#/cases">${t('cases')}</a></li>
      <li><a href="#/dashboard">${t('dashboard')}</a></li>
    </ul>`);
