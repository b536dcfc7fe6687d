// Sign-in: a person with their e-mail and password, then whatever the pool asks next (an invited
// person's own new password, the authenticator's code); a forgotten password reset with a mailed
// code; or an integration with a pasted API key.
import { html, nothing } from 'lit';
import {
  answerChallenge,
  CognitoError,
  requestPasswordReset,
  resetPassword,
  type SignInNext,
  signIn,
  useApiKey,
} from '../session.js';
import { type StringKey, t } from '../strings.js';
import { clearProblem, problemSlot, show, showProblem } from '../ui.js';

type Done = () => void;

/** What the pool said, placed: next to the field it concerns, or above the form. */
const refuse = (form: HTMLFormElement, message: string, path?: string) =>
  showProblem(form, {
    type: 'about:blank',
    title: message,
    status: 400,
    code: 'validation-failed',
    errors: path ? [{ path, message }] : [],
  });

const typeOf = (error: unknown) => (error instanceof CognitoError ? error.type : 'NetworkError');

/** Cognito's refusals a person can act on, by exception name; the pool's own words for a refused password. */
const explain = (error: unknown, fields: { password?: string; code?: string }): { message: string; path?: string } => {
  switch (typeOf(error)) {
    // Choosing a password, the pool's policy refused it; signing in, cognito-local means a wrong one.
    case 'InvalidPasswordException':
      return fields.password
        ? { message: `${t('passwordRefused')} ${(error as Error).message}`, path: fields.password }
        : { message: t('signInFailed') };
    case 'CodeMismatchException':
    case 'ExpiredCodeException':
      return { message: t('codeWrong'), path: fields.code };
    case 'LimitExceededException':
    case 'TooManyRequestsException':
    case 'TooManyFailedAttemptsException':
      return { message: t('tooManyAttempts') };
    default:
      return { message: t('signInFailed') };
  }
};

/** Runs one step of a form; a refusal is shown on the form, an expired challenge starts over. */
const step =
  (
    done: Done,
    run: (data: FormData) => Promise<SignInNext | 'reset'>,
    fields: { password?: string; code?: string } = {},
  ) =>
  async (event: SubmitEvent) => {
    event.preventDefault();
    const form = event.target as HTMLFormElement;
    clearProblem(form);
    form.setAttribute('aria-busy', 'true');
    try {
      const next = await run(new FormData(form));
      if (next === 'signed-in') done();
      else if (next === 'new-password') newPasswordStep(done);
      else if (next === 'totp') totpStep(done);
      else passwordStep(done, t('passwordReset'));
    } catch (error) {
      // A challenge's session lasts minutes: once it is gone, only a new sign-in helps.
      if (typeOf(error) === 'NotAuthorizedException' && !form.matches('[data-sign-in]'))
        return passwordStep(done, t('challengeExpired'));
      const { message, path } = explain(error, fields);
      refuse(form, message, path);
    } finally {
      form.removeAttribute('aria-busy');
    }
  };

const value = (data: FormData, name: string) => String(data.get(name) ?? '').trim();

const newPasswordInput = (name: string) =>
  html`<label>${t('newPassword')}
      <input name=${name} type="password" autocomplete="new-password" minlength="12" required aria-describedby="password-policy" />
    </label>
    <small id="password-policy">${t('passwordPolicy')}</small>`;

const card = (title: StringKey, intro: StringKey | undefined, body: unknown) =>
  show(html`<article>
    <h1>${t(title)}</h1>
    ${intro ? html`<p>${t(intro)}</p>` : nothing}
    ${body}
  </article>`);

const passwordStep = (done: Done, notice?: string) => {
  const submit = step(done, (data) => signIn(value(data, 'email'), String(data.get('password'))));
  const key = (event: SubmitEvent) => {
    event.preventDefault();
    const entered = String(new FormData(event.target as HTMLFormElement).get('apiKey') ?? '');
    if (!entered.trim()) return;
    useApiKey(entered);
    done();
  };
  const forgot = () =>
    forgotStep(done, document.querySelector<HTMLInputElement>('[data-sign-in] [name="email"]')?.value ?? '');
  card(
    'signIn',
    undefined,
    html`<p role="status">${notice ?? nothing}</p>
      <form @submit=${submit} data-sign-in>
        ${problemSlot()}
        <label>${t('email')} <input name="email" type="email" autocomplete="username" required /></label>
        <label>${t('password')} <input name="password" type="password" autocomplete="current-password" required /></label>
        <button type="submit">${t('signIn')}</button>
      </form>
      <p><button type="button" class="secondary outline" @click=${forgot}>${t('forgotPassword')}</button></p>
      <details>
        <summary>${t('useApiKey')}</summary>
        <form @submit=${key}>
          <label>${t('apiKey')} <input name="apiKey" type="password" autocomplete="off" /></label>
          <button type="submit" class="secondary">${t('useKey')}</button>
        </form>
      </details>`,
  );
};

export const signInPage = (_next: string, done: Done) => passwordStep(done);

/** An invited person's first sign-in: the pool wants their own password instead of the temporary one. */
const newPasswordStep = (done: Done) =>
  card(
    'newPasswordTitle',
    'newPasswordIntro',
    html`<form @submit=${step(done, (data) => answerChallenge(String(data.get('newPassword'))), { password: 'newPassword' })} data-new-password>
      ${problemSlot()} ${newPasswordInput('newPassword')}
      <button type="submit">${t('setPassword')}</button>
    </form>`,
  );

const codeInput = (label: StringKey) =>
  html`<label>${t(label)}
    <input name="code" inputmode="numeric" autocomplete="one-time-code" pattern="[0-9]{6}" maxlength="6" required />
  </label>`;

/** The second factor: the code of the authenticator app the person connected on their account page. */
const totpStep = (done: Done) =>
  card(
    'totpTitle',
    'totpIntro',
    html`<form @submit=${step(done, (data) => answerChallenge(value(data, 'code')), { code: 'code' })} data-totp>
      ${problemSlot()} ${codeInput('totpCode')}
      <button type="submit">${t('verify')}</button>
    </form>`,
  );

/** A forgotten password: a code to the person's address, then the code and a new password. */
const forgotStep = (done: Done, email: string) => {
  let sentTo = '';
  const send = async (event: SubmitEvent) => {
    event.preventDefault();
    const form = event.target as HTMLFormElement;
    clearProblem(form);
    const address = value(new FormData(form), 'email');
    try {
      sentTo = (await requestPasswordReset(address)) ?? address;
      draw(address);
    } catch (error) {
      refuse(form, explain(error, {}).message);
    }
  };
  const confirm = (address: string) =>
    step(
      done,
      async (data) => {
        await resetPassword(address, value(data, 'code'), String(data.get('password')));
        return 'reset';
      },
      { password: 'password', code: 'code' },
    );
  const draw = (address?: string) =>
    card(
      'forgotPassword',
      address ? undefined : 'forgotIntro',
      html`${
        address
          ? html`<p role="status">${t('codeSent')} ${sentTo}</p>
              <form @submit=${confirm(address)} data-reset>
                ${problemSlot()} ${codeInput('resetCode')} ${newPasswordInput('password')}
                <button type="submit">${t('resetPassword')}</button>
              </form>`
          : html`<form @submit=${send} data-forgot>
              ${problemSlot()}
              <label>${t('email')} <input name="email" type="email" autocomplete="username" required .value=${email} /></label>
              <button type="submit">${t('sendCode')}</button>
            </form>`
      }
        <p><button type="button" class="secondary outline" @click=${() => passwordStep(done)}>${t('back')}</button></p>`,
    );
  draw();
};
