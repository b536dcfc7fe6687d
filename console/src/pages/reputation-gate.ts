// The account's campaign reputation gate on the campaign pages: its state and the reason in the
// reader's language, who lifted it and why, and for an admin a paused gate's lift form (a reason is
// required and kept in the gate's audit trail).
import { html, nothing, render } from 'lit';
import { api, asProblem } from '../api.js';
import type { operations } from '../api-types.js';
import { caller, holds } from '../caller.js';
import { currentLanguage, dateTime, t } from '../strings.js';
import { clearProblem, formValues, problemSlot, showProblem } from '../ui.js';

type Gate = operations['reputationGate']['responses'][200]['content']['application/json'];

/** Draws the gate into `slot` and, after a lift, draws it again from the API's answer. */
export const reputationGateView = async (slot: HTMLElement) => {
  const client = await api();
  const [{ data }, me] = await Promise.all([client.GET('/campaigns/reputation', {}), caller()]);
  // Not readable by this caller: the page's own list says so once; the gate shows nothing.
  if (!data) return render(nothing, slot);
  const mayLift = holds(me, 'admin');
  const draw = (gate: Gate) => {
    const { state, reason, lift } = gate.reputation.gate;
    const submit = async (event: SubmitEvent) => {
      event.preventDefault();
      const form = event.target as HTMLFormElement;
      clearProblem(form);
      const answer = await client.POST('/campaigns/reputation/lift', {
        body: { reason: String(formValues(form).reason ?? '') },
      });
      if (answer.data) draw(answer.data);
      else showProblem(form, asProblem(answer.error, answer.response.status));
    };
    render(
      html`<article data-reputation-gate=${state}>
        <h2>${t('reputationGate')}: ${t(`gate_${state}`)}</h2>
        <p data-gate-reason>${reason[currentLanguage()]}</p>
        ${lift ? html`<p data-gate-lift>${t('gateLiftedBy')} ${lift.by} · ${dateTime(lift.at)} · ${lift.reason}</p>` : nothing}
        ${
          state === 'paused' && mayLift
            ? html`<form @submit=${submit} data-gate-lift-form>
              ${problemSlot()}
              <label>${t('gateLiftReason')} <input name="reason" required maxlength="500" /></label>
              <button type="submit">${t('gateLift')}</button>
            </form>`
            : nothing
        }
      </article>`,
      slot,
    );
  };
  draw(data);
};
