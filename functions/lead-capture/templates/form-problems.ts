// The page a plain HTML form post gets when it is refused: the problems by field, in the form's
// language, and a way back. A browser shows this instead of problem JSON; the status stays the 4xx.
import { type SafeHtml, safeHtml } from '../../../shared/html.js';
import type { Language } from '../../../shared/language.js';
import type { Text } from '../../../shared/messages.js';
import { page } from '../../../shared/pages.js';
import type { FieldProblem } from '../../../shared/problems.js';
import { formText } from './lead-form-text.js';

type Words = (typeof formText)[Language];

const labelKey: Record<string, keyof Words> = {
  name: 'name',
  email: 'email',
  phone: 'phone',
  company: 'company',
  city: 'city',
  productInterest: 'interest',
  message: 'message',
  consent_email: 'consentEmail',
  consent_sms: 'consentSms',
  consent_phone: 'consentPhone',
};

/** The schema's messages are English; the ones a person can act on, in Turkish. */
const turkish: [RegExp, (m: RegExpMatchArray) => string][] = [
  [/^Required\.?$|^Invalid input: expected string, received undefined$/, () => 'Bu alan zorunlu.'],
  [/^Not an e-mail address\.$/, () => 'Geçerli bir e-posta adresi değil.'],
  [/^Not a valid phone number\.$/, () => 'Geçerli bir telefon numarası değil.'],
  [/^Give an e-mail address or a phone number\.$/, () => 'Bir e-posta adresi ya da telefon numarası yazın.'],
  [/^At most (\d+) characters\.$/, (m) => `En çok ${m[1]} karakter olabilir.`],
  [/^Markup is not allowed\.$/, () => 'HTML işaretleri kullanılamaz.'],
  [/^Control characters are not allowed\.$/, () => 'Kontrol karakterleri kullanılamaz.'],
  [/^E-mail consent needs an e-mail address\.$/, () => 'E-posta izni için bir e-posta adresi gerekir.'],
  [/^SMS or call consent needs a phone number\.$/, () => 'SMS ya da arama izni için bir telefon numarası gerekir.'],
];

// Messages that already carry both languages say them; English-only ones are matched below.
const say = (language: Language, message: Text) => {
  if (typeof message !== 'string') return message[language];
  if (language === 'en') return message;
  for (const [pattern, render] of turkish) {
    const match = message.match(pattern);
    if (match) return render(match);
  }
  return 'Bu alanı kontrol edin.';
};

export interface FormProblems {
  status: number;
  /** The problem's own detail, when no field is named. */
  detail: Text;
  errors: FieldProblem[];
  /** Where "back" goes: the page that posted the form, or the demo form. */
  back: string;
}

export const formProblemsPage = (language: Language, problems: FormProblems) => {
  const t = formText[language];
  const items: SafeHtml[] = problems.errors.length
    ? problems.errors.map((error) => {
        const key = labelKey[error.path.split('.')[0]!];
        return safeHtml`<li><strong>${key ? t[key] : t.form}</strong>: ${say(language, error.message)}</li>`;
      })
    : [safeHtml`<li>${say(language, problems.detail)}</li>`];
  return page(
    problems.status,
    language,
    t.problemsTitle,
    safeHtml`<p>${t.problemsIntro}</p><ul id="problems">${items}</ul><p><a id="back" href="${problems.back}">${t.back}</a></p>`,
  );
};
