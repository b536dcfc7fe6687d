// Who a case's mails go to: the unit it was routed to (a department or a dealer) and the people on
// its department's escalation ladder.
import { getDealer, getDepartment, getUser } from '../../shared/directory.js';
import type { Case } from './case-store.js';

export const unitRecipient = async (c: Case) =>
  c.unit.type === 'dealer' ? getDealer(c.unit.id) : getDepartment(c.unit.id);

export const ladderRecipient = async (departmentId: string, level: 'supervisor' | 'manager') => {
  const department = await getDepartment(departmentId);
  if (!department) return undefined;
  return getUser(level === 'supervisor' ? department.supervisorId : department.managerId);
};
