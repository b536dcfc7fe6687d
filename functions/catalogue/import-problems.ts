// An import is all or nothing: a bad file answers every error with its line, and nothing is kept.
import { ProblemError } from '../../shared/problems.js';
import type { ImportError } from './domain/catalogue-import.js';

export class ImportFailedError extends ProblemError {
  constructor(errors: ImportError[]) {
    super(
      422,
      'import-failed',
      {
        en: `The file has ${errors.length} error${errors.length === 1 ? '' : 's'}; nothing was imported.`,
        tr: `Dosyada ${errors.length} hata var; hiçbir şey içe aktarılmadı.`,
      },
      errors.map(({ line, field, message }) => ({ path: field, line, message })),
    );
  }
}
