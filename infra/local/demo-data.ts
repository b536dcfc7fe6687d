// Reference data for a demo firm: reps, a manager, a team with weighted round-robin, a dealer, and
// assignment rules. All people are invented; addresses use the reserved example.com domain.
import { BatchWriteCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { AssignmentRule } from '../../functions/lead-capture/domain/assignment.js';
import type { Dealer, Team, User } from '../../shared/directory.js';
import { keys } from '../../shared/table.js';

export const demoUsers: User[] = [
  { userId: 'rep-ayse', name: 'Ayşe Demo', email: 'ayse.rep@example.com', role: 'rep', language: 'tr', teamId: 'team-istanbul' },
  { userId: 'rep-mehmet', name: 'Mehmet Örnek', email: 'mehmet.rep@example.com', role: 'rep', language: 'tr', teamId: 'team-istanbul' },
  { userId: 'rep-john', name: 'John Sample', email: 'john.rep@example.com', role: 'rep', language: 'en', teamId: 'team-export' },
  { userId: 'mgr-zeynep', name: 'Zeynep Yönetici', email: 'zeynep.manager@example.com', role: 'manager', language: 'tr' },
  { userId: 'dir-kemal', name: 'Kemal Direktör', email: 'kemal.director@example.com', role: 'manager', language: 'tr' },
];

export const demoTeams: Team[] = [
  {
    teamId: 'team-istanbul',
    name: 'İstanbul satış',
    members: [
      { userId: 'rep-ayse', weight: 2, away: false },
      { userId: 'rep-mehmet', weight: 1, away: false },
    ],
  },
];

export const demoDealers: Dealer[] = [
  { dealerId: 'dealer-ankara', name: 'Ankara Bayi (demo)', email: 'ankara.dealer@example.com', city: 'Ankara', language: 'tr' },
];

export const demoRules: AssignmentRule[] = [
  { id: 'export-leads', when: { productInterest: ['export', 'ihracat'] }, assignTo: { type: 'user', id: 'rep-john' } },
  { id: 'ankara-dealer', when: { city: ['Ankara'] }, assignTo: { type: 'dealer', id: 'dealer-ankara' } },
  { id: 'marmara-team', when: { region: ['Marmara'] }, assignTo: { type: 'team', id: 'team-istanbul' } },
  { id: 'istanbul-team', when: { city: ['İstanbul'] }, assignTo: { type: 'team', id: 'team-istanbul' } },
];

export const demoItems = (): Record<string, unknown>[] => [
  ...demoUsers.map((u) => ({ ...keys.user(u.userId), type: 'user', ...u })),
  ...demoTeams.map((t) => ({ ...keys.team(t.teamId), type: 'team', ...t })),
  ...demoDealers.map((d) => ({ ...keys.dealer(d.dealerId), type: 'dealer', ...d })),
  { ...keys.assignmentRules(), type: 'assignment-rules', rules: demoRules },
];

/** Writes (or overwrites) the demo reference data; a team's round-robin turn starts again. */
export const loadReferenceData = async (client: DynamoDBDocumentClient, tableName: string, items = demoItems()) => {
  for (let i = 0; i < items.length; i += 25) {
    await client.send(
      new BatchWriteCommand({
        RequestItems: { [tableName]: items.slice(i, i + 25).map((Item) => ({ PutRequest: { Item } })) },
      }),
    );
  }
};
