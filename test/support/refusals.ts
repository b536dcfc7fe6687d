// What a refusal says, in the shape tests compare: each field's path and code (and the English
// message where it matters), so a test fails when a check moves to another field or stops firing.
import { expect } from 'vitest';
import type { Language } from '../../shared/language.js';
import { inLanguage } from '../../shared/messages.js';
import { ProblemError } from '../../shared/problems.js';
import { fieldMessages } from '../../shared/schema.js';

interface Parser {
  safeParse(
    value: unknown,
    params?: { error?: ReturnType<typeof fieldMessages> },
  ): { success: true } | { success: false; error: { issues: readonly Issue[] } };
}
interface Issue {
  path: readonly PropertyKey[];
  code: string;
  message: string;
  keys?: readonly string[];
}

/** `[path, code]` of every issue a schema raises for `value`; `[]` when it accepts it. */
export const issuesOf = (schema: Parser, value: unknown): [string, string][] => {
  const result = schema.safeParse(value);
  if (result.success) return [];
  return result.error.issues.map((issue) => [
    issue.code === 'unrecognized_keys' ? (issue.keys ?? []).join(',') : issue.path.map(String).join('.'),
    issue.code,
  ]);
};

/** `[path, message]` of every issue, in English unless `language` says otherwise. */
export const messagesOf = (schema: Parser, value: unknown, language: Language = 'en'): [string, string][] => {
  const result = schema.safeParse(value, { error: fieldMessages(language) });
  return result.success ? [] : result.error.issues.map((issue) => [issue.path.map(String).join('.'), issue.message]);
};

/** The problem `run` throws: status, code, detail, and each field's path with its English and Turkish message. */
export const refusal = (run: () => unknown) => {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(ProblemError);
    const problem = error as ProblemError;
    return {
      status: problem.status,
      code: problem.code,
      detail: problem.detail,
      errors: problem.errors.map(
        (e) => [e.path, inLanguage(e.message, 'en'), inLanguage(e.message, 'tr')] as [string, string, string],
      ),
    };
  }
  throw new Error('expected a refusal, but it was accepted');
};
