// Admins' people: the directory with each person's sign-in, an invitation form, and a person's page
// to change their role (with the team or unit it needs) or disable them after a confirmation. Each
// change carries the seq the person was read at, so a stale page shows the API's 409.
import { html, nothing, render } from 'lit';
import { api, asProblem, idempotencyKey } from '../api.js';
import type { operations } from '../api-types.js';
import { dateTime, label, noteText, type StringKey, t } from '../strings.js';
import { clearProblem, formValues, pagedTable, problemSlot, problemView, show, showProblem } from '../ui.js';
import { adminNav } from './admin-nav.js';

type Person = operations['getPerson']['responses'][200]['content']['application/json'];
type Role = Person['role'];
export const roles: Role[] = ['rep', 'manager', 'director', 'agent', 'dealer', 'admin', 'marketer'];

const signInState = (person: Pick<Person, 'disabledAt' | 'signIn'>) => {
  const key: StringKey =
    person.disabledAt || person.signIn?.enabled === false ? 'disabled' : person.signIn ? 'active' : 'noSignIn';
  return `${t(key)}${person.signIn && !person.disabledAt ? ` · ${label('signIn', person.signIn.status)}` : ''}`;
};

/** The role select and the team and unit inputs, filled with what the person has. */
const placementFields = (current?: Pick<Person, 'role' | 'teamId' | 'unitId'>) => html`
  <label>${t('role')}
    <select name="role" required>
      ${roles.map((r) => html`<option value=${r} ?selected=${r === current?.role}>${label('role', r)}</option>`)}
    </select>
  </label>
  <div class="grid">
    <label>${t('team')} <input name="teamId" maxlength="100" .value=${current?.teamId ?? ''} /></label>
    <label>${t('unit')} <input name="unitId" maxlength="100" .value=${current?.unitId ?? ''} /></label>
  </div>`;

export const peoplePage = async () => {
  const client = await api();
  const list = () =>
    pagedTable(
      document.getElementById('list')!,
      [t('userId'), t('name'), t('email'), t('role'), `${t('team')} / ${t('unit')}`, t('signInState')],
      (p) => html`<tr data-person=${p.userId}>
        <td><a href="#/admin/people/${encodeURIComponent(p.userId)}">${p.userId}</a></td><td>${p.name}</td><td>${p.email}</td>
        <td data-role=${p.role}>${label('role', p.role)}</td><td>${p.teamId ?? p.unitId ?? ''}</td><td data-sign-in>${signInState(p)}</td>
      </tr>`,
      async (cursor?: string) => {
        const { data, error, response } = await client.GET('/people', { params: { query: { cursor, limit: 25 } } });
        return data ? { items: data.people, nextCursor: data.nextCursor } : asProblem(error, response.status);
      },
    );
  const invite = async (event: SubmitEvent) => {
    event.preventDefault();
    const form = event.target as HTMLFormElement;
    clearProblem(form);
    const { email = '', name = '', role, userId, teamId, unitId, language } = formValues(form);
    const { data, error, response } = await client.POST('/people', {
      body: { email, name, role: role as Role, userId, teamId, unitId, language: language === 'en' ? 'en' : 'tr' },
      headers: idempotencyKey(),
    });
    if (!data) return showProblem(form, asProblem(error, response.status));
    form.reset();
    render(
      html`${t('invited')}: <a href="#/admin/people/${encodeURIComponent(data.userId)}" data-invited=${data.userId}>${data.userId}</a>`,
      document.getElementById('outcome')!,
    );
    await list();
  };
  show(html`<h1>${t('people')}</h1>
    ${adminNav('people')}
    <details>
      <summary>${t('invite')}</summary>
      <form @submit=${invite} data-invite>
        ${problemSlot()}
        <div class="grid">
          <label>${t('email')} <input name="email" type="email" required maxlength="254" autocomplete="off" /></label>
          <label>${t('name')} <input name="name" required maxlength="200" autocomplete="off" /></label>
        </div>
        ${placementFields()}
        <div class="grid">
          <div>
            <label>${t('userId')} <input name="userId" maxlength="63" aria-describedby="user-id-hint" /></label>
            <small id="user-id-hint">${t('userIdHint')}</small>
          </div>
          <label>${t('personLanguage')}
            <select name="language"><option value="tr">Türkçe</option><option value="en">English</option></select>
          </label>
        </div>
        <button type="submit">${t('invite')}</button>
      </form>
    </details>
    <p role="status" id="outcome"></p>
    <section id="list"></section>`);
  await list();
};

export const personPage = async ({ userId }: Record<string, string>) => {
  const client = await api();
  const {
    data: person,
    error,
    response,
  } = await client.GET('/people/{userId}', { params: { path: { userId: userId! } } });
  if (!person)
    return show(html`<h1>${t('people')}</h1>${adminNav('people')}${problemView(asProblem(error, response.status))}`);
  const reload = () => personPage({ userId: person.userId });
  const changeRole = async (event: SubmitEvent) => {
    event.preventDefault();
    const form = event.target as HTMLFormElement;
    clearProblem(form);
    const { role, teamId, unitId } = formValues(form);
    const answer = await client.PUT('/people/{userId}/role', {
      params: { path: { userId: person.userId } },
      body: { role: role as Role, teamId, unitId, seq: person.seq },
    });
    if (answer.error) return showProblem(form, asProblem(answer.error, answer.response.status));
    await reload();
  };
  const disable = async (event: SubmitEvent) => {
    event.preventDefault();
    const form = event.target as HTMLFormElement;
    clearProblem(form);
    const answer = await client.POST('/people/{userId}/disable', {
      params: { path: { userId: person.userId } },
      body: { seq: person.seq },
    });
    if (answer.error) return showProblem(form, asProblem(answer.error, answer.response.status));
    await reload();
  };
  const confirmation = (open: boolean) =>
    render(
      open
        ? html`<form @submit=${disable} data-disable>
            ${problemSlot()}
            <p>${t('confirmDisable')}</p>
            <div role="group">
              <button type="submit" class="contrast">${t('yesDisable')}</button>
              <button type="button" class="secondary" @click=${() => confirmation(false)}>${t('dismiss')}</button>
            </div>
          </form>`
        : html`<button type="button" class="secondary" @click=${() => confirmation(true)}>${t('disable')}</button>`,
      document.getElementById('disable')!,
    );
  show(html`<h1>${person.name}</h1>
    ${adminNav('people')}
    <p>${person.userId} · ${person.email} · ${t('role')}: <strong data-role=${person.role}>${label('role', person.role)}</strong>
      ${person.teamId || person.unitId ? html` · ${person.teamId ?? person.unitId}` : nothing}
      · ${t('signInState')}: <strong data-sign-in>${signInState(person)}</strong></p>
    <form @submit=${changeRole} data-role-change>
      ${problemSlot()}
      ${placementFields(person)}
      <button type="submit">${t('changeRole')}</button>
    </form>
    <section id="disable" aria-live="polite"></section>
    <h2>${t('changes')}</h2>
    <ul data-history>${person.history.map((h) => html`<li>${dateTime(h.at)} · ${label('audit', h.action)} · ${h.actorId}${h.note ? ` · ${noteText(h.note)}` : ''}</li>`)}</ul>`);
  if (person.disabledAt)
    render(html`<p>${t('disabled')}: ${dateTime(person.disabledAt)}</p>`, document.getElementById('disable')!);
  else confirmation(false);
};
