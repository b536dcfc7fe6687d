// Sign-in: a person with their e-mail and password, or an integration with a pasted API key.
import { html } from 'lit';
import { t } from '../strings.js';
import { signIn, useApiKey } from '../session.js';
import { clearProblem, problemSlot, show } from '../ui.js';

export const signInPage = (_next: string, done: () => void) => {
  const submit = async (event: SubmitEvent) => {
    event.preventDefault();
    const form = event.target as HTMLFormElement;
    clearProblem(form);
    const data = new FormData(form);
    try {
      await signIn(String(data.get('email')), String(data.get('password')));
      done();
    } catch {
      const slot = form.querySelector<HTMLElement>('[data-problem]')!;
      slot.textContent = t('signInFailed');
      slot.hidden = false;
    }
  };
  const key = (event: SubmitEvent) => {
    event.preventDefault();
    const value = String(new FormData(event.target as HTMLFormElement).get('apiKey') ?? '');
    if (!value.trim()) return;
    useApiKey(value);
    done();
  };
  show(html`<article>
      <h1>${t('signIn')}</h1>
      <form @submit=${submit} data-sign-in>
        ${problemSlot()}
        <label>${t('email')} <input name="email" type="email" autocomplete="username" required /></label>
        <label>${t('password')} <input name="password" type="password" autocomplete="current-password" required /></label>
        <button type="submit">${t('signIn')}</button>
      </form>
      <details>
        <summary>${t('useApiKey')}</summary>
        <form @submit=${key}>
          <label>${t('apiKey')} <input name="apiKey" type="password" autocomplete="off" /></label>
          <button type="submit" class="secondary">${t('useKey')}</button>
        </form>
      </details>
    </article>`);
};
