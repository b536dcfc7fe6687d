/** The roles the directory gives people; a key's actor carries one too. */
export const roles = ['rep', 'manager', 'agent', 'dealer', 'admin', 'director', 'marketer'] as const;
export type Role = (typeof roles)[number];
