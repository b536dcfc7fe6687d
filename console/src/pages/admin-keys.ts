// Admins' API keys: the list (newest first, by cursor) with a revoke button per live key, and a form
// that creates a key and shows it this once, with a copy button. The form's problems (the key rules:
// label, user, role, scopes) show next to their fields.
import { html, render } from 'lit';
import { api, asProblem, idempotencyKey } from '../api.js';
import type { operations } from '../api-types.js';
import { dateTime, label, t } from '../strings.js';
import { clearProblem, formValues, pagedTable, problemSlot, rowAction, show, showProblem } from '../ui.js';
import { adminNav } from './admin-nav.js';
import { roles } from './admin-people.js';

type Created = operations['createApiKey']['responses'][201]['content']['application/json'];

const shownOnce = (created: Created) => {
  const copy = async () => {
    await navigator.clipboard.writeText(created.key ?? '');
    render(t('copied'), document.getElementById('copied')!);
  };
  render(
    html`<article data-new-key=${created.keyId}>
      <p>${t('keyShownOnce')}</p>
      <label>${t('apiKey')} <input readonly data-key .value=${created.key ?? ''} @focus=${(e: Event) => (e.target as HTMLInputElement).select()} /></label>
      <button type="button" @click=${copy}>${t('copy')}</button> <span role="status" id="copied"></span>
    </article>`,
    document.getElementById('created')!,
  );
};

export const keysPage = async () => {
  const client = await api();
  const outcomes = new Map<string, string>();
  const list = () =>
    pagedTable(
      document.getElementById('list')!,
      [t('label'), t('userId'), t('role'), t('scopes'), t('created'), t('createdBy'), ''],
      (k, redraw) => html`<tr data-key-row=${k.keyId}>
        <td>${k.label}</td><td>${k.userId}</td><td data-role=${k.role}>${label('role', k.role)}</td><td>${k.scopes.join(' ')}</td>
        <td>${dateTime(k.createdAt)}</td><td>${k.createdBy ?? ''}</td>
        <td>${
          k.revokedAt
            ? `${t('revoked')} · ${dateTime(k.revokedAt)}`
            : rowAction(outcomes, k.keyId, t('revoke'), redraw, () =>
                client.POST('/api-keys/{keyId}/revoke', { params: { path: { keyId: k.keyId } } }),
              )
        }</td>
      </tr>`,
      async (cursor?: string) => {
        const { data, error, response } = await client.GET('/api-keys', { params: { query: { cursor, limit: 25 } } });
        return data ? { items: data.keys, nextCursor: data.nextCursor } : asProblem(error, response.status);
      },
    );
  const create = async (event: SubmitEvent) => {
    event.preventDefault();
    const form = event.target as HTMLFormElement;
    clearProblem(form);
    const { label, userId, role, scopes = '' } = formValues(form);
    const { data, error, response } = await client.POST('/api-keys', {
      body: { label, userId, role, scopes: scopes.split(/[\s,]+/).filter(Boolean) },
      headers: idempotencyKey(),
    });
    if (!data) return showProblem(form, asProblem(error, response.status));
    form.reset();
    shownOnce(data);
    await list();
  };
  show(html`<h1>${t('apiKeys')}</h1>
    ${adminNav('apiKeys')}
    <details>
      <summary>${t('createKey')}</summary>
      <form @submit=${create} data-create-key>
        ${problemSlot()}
        <div class="grid">
          <label>${t('label')} <input name="label" maxlength="200" /></label>
          <label>${t('userId')} <input name="userId" maxlength="100" /></label>
        </div>
        <label>${t('role')}
          <select name="role">${roles.map((r) => html`<option value=${r}>${label('role', r)}</option>`)}</select>
        </label>
        <label>${t('scopes')} <input name="scopes" maxlength="1000" placeholder="leads:read leads:write" /></label>
        <button type="submit">${t('createKey')}</button>
      </form>
    </details>
    <section id="created" aria-live="polite"></section>
    <section id="list"></section>`);
  await list();
};
