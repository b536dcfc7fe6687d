// Where a person sits, by role: a dealer's person works for a unit (their dealer), a rep for a team
// (leads are dealt round the team); others may have either or neither. Pure: no AWS.
import type { Role } from '../../../shared/http.js';
import type { FieldProblem } from '../../../shared/problems.js';

export interface Placement {
  role: Role;
  teamId?: string;
  unitId?: string;
}

/** What is wrong with a role's team and unit, each problem on the field to fix. */
export const placementProblems = ({ role, teamId, unitId }: Placement): FieldProblem[] => {
  const problems: FieldProblem[] = [];
  if (role === 'dealer' && !unitId) {
    problems.push({
      path: 'unitId',
      message: {
        en: "Required for a dealer's person: the dealer they work for.",
        tr: 'Bayi çalışanı için zorunlu: çalıştığı bayi.',
      },
    });
  }
  if (role === 'dealer' && teamId)
    problems.push({
      path: 'teamId',
      message: { en: "A dealer's person is in no sales team.", tr: 'Bayi çalışanı bir satış ekibinde yer almaz.' },
    });
  if (role === 'rep' && !teamId) {
    problems.push({
      path: 'teamId',
      message: {
        en: 'Required for a rep: the team whose leads they share.',
        tr: 'Satış temsilcisi için zorunlu: adaylarını paylaştığı ekip.',
      },
    });
  }
  if (role === 'rep' && unitId)
    problems.push({
      path: 'unitId',
      message: {
        en: 'A rep works for no dealer or department.',
        tr: 'Satış temsilcisi bir bayi veya departmanda çalışmaz.',
      },
    });
  return problems;
};

/** An invited person's user id when none is given: `<role>-<the e-mail's local part>`, kebab-cased. */
export const userIdFor = (role: Role, email: string) =>
  `${role}-${email
    .split('@')[0]!
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')}`;

/** The same placement: a role change to it changes nothing. */
export const samePlacement = (a: Placement, b: Placement) =>
  a.role === b.role && a.teamId === b.teamId && a.unitId === b.unitId;
