// Finding the person a request is about: by customer number, e-mail or phone; one person, or the
// candidates as a 404 (nobody) or a 409 (several, or only a company's contact person), never a guess.
import { normalizeEmail, toE164 } from '../../shared/contact.js';
import { holdersOf, profileItem } from '../../shared/customer.js';
import type { Text } from '../../shared/messages.js';
import { type FieldProblem, ProblemError, ValidationError } from '../../shared/problems.js';
import { type Candidate, chooseSubject } from './domain/subject.js';

export interface SubjectQuery {
  customerId?: string;
  email?: string;
  phone?: string;
}

const candidateProblem = (field: string, candidate: Candidate): FieldProblem =>
  ({
    path: field,
    message: {
      en: `Candidate: customer ${candidate.customerId}${candidate.contactId ? `, contact person ${candidate.contactId}` : ''}.`,
      tr: `Aday: ${candidate.customerId} müşterisi${candidate.contactId ? `, ${candidate.contactId} ilgili kişisi` : ''}.`,
    },
    ...candidate,
  }) as FieldProblem;

const notFound = (field: string) =>
  new ProblemError(
    404,
    'privacy-subject-not-found',
    {
      en: 'Nobody in the CRM has it. Check the spelling, or ask by another detail.',
      tr: 'CRM’de bununla kimse yok. Yazımı denetleyin ya da başka bir bilgiyle sorun.',
    } satisfies Text,
    [{ path: field, message: { en: 'Nobody has it.', tr: 'Bununla kimse yok.' } }],
  );

/** The customer id the request is about (a merged id answers with the customer it was merged into). */
export const findSubject = async (query: SubjectQuery): Promise<string> => {
  if (query.customerId !== undefined) {
    const profile = await profileItem(query.customerId);
    if (profile?.type !== 'customer') throw notFound('customerId');
    return String(profile.customerId);
  }
  const field = query.email !== undefined ? 'email' : 'phone';
  const phone = query.phone !== undefined ? toE164(query.phone) : undefined;
  if (query.phone !== undefined && !phone) {
    throw new ValidationError([
      { path: 'phone', message: { en: 'Not a phone number.', tr: 'Telefon numarası değil.' } },
    ]);
  }
  const holders = await holdersOf(phone ? { phone } : { emailKey: normalizeEmail(query.email ?? '') });
  const choice = chooseSubject(
    holders.map((holder) => ({
      customerId: holder.customerId,
      matchedAs: holder.contactId ? 'contact' : 'customer',
      ...(holder.contactId ? { contactId: holder.contactId } : {}),
    })),
  );
  if ('customerId' in choice) return choice.customerId;
  if (!choice.candidates.length) throw notFound(field);
  throw new ProblemError(
    409,
    'privacy-subject-ambiguous',
    {
      en: 'More than one record holds it, or only a company’s contact person does: send the customerId of the one you mean.',
      tr: 'Bunu birden çok kayıt tutuyor ya da yalnızca bir şirketin ilgili kişisi tutuyor: kastettiğiniz kaydın customerId değerini gönderin.',
    },
    choice.candidates.map((candidate) => candidateProblem(field, candidate)),
  );
};
