// Reference data about the firm's people: users (reps, managers…), teams, dealers, units orders are
// routed to, assignment rules.
import { GetCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type { WorkingHours } from './business-hours.js';
import { db, itemExists, tableName } from './db.js';
import type { Role } from './http.js';
import type { Language } from './language.js';
import { queryAll } from './query.js';
import { type Key, keys } from './table.js';

export interface User {
  userId: string;
  name: string;
  email: string;
  role: Role;
  language: Language;
  teamId?: string;
  /** The dealer or department a dealer's or department's person works for. */
  unitId?: string;
  /** Set when an admin disables the person: their sign-in tokens are refused from then on. */
  disabledAt?: string;
}

export interface TeamMember {
  userId: string;
  /** Relative share of the team's leads: 2 gets twice as many as 1. */
  weight: number;
  away: boolean;
}

export interface Team {
  teamId: string;
  name: string;
  members: TeamMember[];
  /** How many leads the team has been given: drives its round-robin. */
  turn?: number;
}

export interface Dealer {
  dealerId: string;
  name: string;
  email: string;
  city?: string;
  language: Language;
}

/** Where orders are routed: a dealer, a warehouse or a department (fulfilment unit). */
export interface Unit {
  unitId: string;
  kind: 'dealer' | 'warehouse' | 'department';
  name: string;
  email: string;
  language: Language;
  /** The cities and regions it delivers to; empty: anywhere. */
  cities: string[];
  regions: string[];
  /** The product categories it handles; empty: any. */
  categories: string[];
  /** Absent: always open. */
  hours?: WorkingHours;
  /** At most this many open (routed, acknowledged, in progress) orders; absent: no limit. */
  capacity?: number;
  /** Minutes it has to acknowledge a routed order before it is re-routed. */
  ackSlaMinutes: number;
}

const read = async <T>(key: Key): Promise<T | undefined> =>
  (await db().send(new GetCommand({ TableName: tableName(), Key: key }))).Item as T | undefined;

export const getUser = (userId: string) => read<User>(keys.user(userId));
export const getTeam = (teamId: string) => read<Team>(keys.team(teamId));
export const getDealer = (dealerId: string) => read<Dealer>(keys.dealer(dealerId));
export const getUnit = (unitId: string) => read<Unit>(keys.unit(unitId));

/** The directory's units of a kind, by id: the dealers a customer may choose as their preferred one. */
export const unitsOfKind = async (kind: Unit['kind']): Promise<Unit[]> =>
  (await queryAll({ index: 'gsi1', partition: keys.unitsByKindPartition(kind) })) as unknown as Unit[];

/** Atomically takes the team's next turn, so concurrent leads never get the same slot. */
export const takeTeamTurn = async (teamId: string): Promise<number> => {
  const updated = await db().send(
    new UpdateCommand({
      TableName: tableName(),
      Key: keys.team(teamId),
      UpdateExpression: 'ADD turn :one',
      ConditionExpression: itemExists,
      ExpressionAttributeValues: { ':one': 1 },
      ReturnValues: 'UPDATED_OLD',
    }),
  );
  return (updated.Attributes?.turn as number | undefined) ?? 0;
};

// ---- departments (complaint escalation) -----------------------------------------------------------

/** A department cases are routed to: mailed with each case, its people escalated to in turn. */
export interface Department {
  departmentId: string;
  name: string;
  email: string;
  language: Language;
  hours: WorkingHours;
  /** The escalation ladder above the agent: supervisor first, then manager. */
  supervisorId: string;
  managerId: string;
}

export const getDepartment = (departmentId: string) => read<Department>(keys.department(departmentId));

/** Everyone who holds `role`, from the role's member items. */
export const usersInRole = async (role: string): Promise<User[]> => {
  const members = await queryAll({ partition: keys.roleMembersPartition(role) });
  const users = await Promise.all(members.map((item) => getUser(String(item.userId))));
  // A member item outliving its user, or a user whose role has changed since, is not an approver.
  return users.filter((user): user is User => user !== undefined && user.role === role);
};
