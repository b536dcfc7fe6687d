// A person's account: two-step verification with an authenticator app (TOTP). The pool makes a
// secret, shown as text and as an otpauth:// URI (no QR code: the app takes either), and turns it on
// once the app's first code verifies. Admins need it: without MFA their token carries no admin scopes.
import { html, nothing } from 'lit';
import { CognitoError, finishTotpSetup, refreshTokenOf, startTotpSetup } from '../session.js';
import { t } from '../strings.js';
import { clearProblem, problemSlot, show, showProblem } from '../ui.js';

// AWS answers a wrong first code with EnableSoftwareTokenMFAException, cognito-local with CodeMismatchException.
const wrongCode = new Set(['CodeMismatchException', 'EnableSoftwareTokenMFAException', 'ExpiredCodeException']);

export const mfaPage = () => {
  const draw = (state: { secret?: string; uri?: string; on?: boolean }) =>
    show(html`<h1>${t('account')}</h1>
      <article>
        <h2>${t('mfaTitle')}</h2>
        <p>${t('mfaIntro')}</p>
        <p role="status" data-mfa-status>${state.on ? t('mfaOn') : nothing}</p>
        ${
          !refreshTokenOf()
            ? html`<p>${t('mfaPersonOnly')}</p>`
            : state.on
              ? nothing
              : state.secret
                ? html`<p>${t('mfaSecret')}: <code data-secret>${state.secret}</code></p>
                  <p>${t('mfaUri')}: <code data-otpauth>${state.uri}</code></p>
                  <form @submit=${verify} data-verify-totp>
                    ${problemSlot()}
                    <label>${t('totpCode')}
                      <input name="code" inputmode="numeric" autocomplete="one-time-code" pattern="[0-9]{6}" maxlength="6" required />
                    </label>
                    <button type="submit">${t('verify')}</button>
                  </form>`
                : html`<button type="button" @click=${start}>${t('mfaStart')}</button>`
        }
      </article>`);
  const start = async () => draw(await startTotpSetup());
  const verify = async (event: SubmitEvent) => {
    event.preventDefault();
    const form = event.target as HTMLFormElement;
    clearProblem(form);
    try {
      await finishTotpSetup(String(new FormData(form).get('code') ?? '').trim());
      draw({ on: true });
    } catch (error) {
      const message =
        error instanceof CognitoError && wrongCode.has(error.type) ? t('codeWrong') : String((error as Error).message);
      showProblem(form, {
        type: 'about:blank',
        title: message,
        status: 400,
        code: 'validation-failed',
        errors: [{ path: 'code', message }],
      });
    }
  };
  draw({});
};
