// Reference data for a demo firm: reps, a manager, a team with weighted round-robin, a dealer, and
// assignment rules. All people are invented; addresses use the reserved example.com domain.

import { BatchWriteCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { catalogueItems } from '../../functions/catalogue/catalogue-store.js';
import type { FxRate, PriceList, Product } from '../../functions/catalogue/domain/catalogue.js';
import type { AssignmentRule } from '../../functions/lead-capture/domain/assignment.js';
import { leadCaptureKeys } from '../../functions/lead-capture/keys.js';
import type { RoutingRules } from '../../functions/order-routing/domain/routing.js';
import { defaultRulesItem } from '../../functions/order-routing/rules-store.js';
import { listEntryItem, personEmailItem } from '../../functions/people/people-store.js';
import type { ApprovalPolicy } from '../../functions/quote-approval/domain/approval-policy.js';
import { quoteApprovalKeys } from '../../functions/quote-approval/keys.js';
import { officeHours, type WorkingHours } from '../../shared/business-hours.js';
import type { Dealer, Department, Team, Unit, User } from '../../shared/directory.js';
import { keys } from '../../shared/table.js';

export const demoUsers: User[] = [
  {
    userId: 'rep-ayse',
    name: 'Ayşe Demo',
    email: 'ayse.rep@example.com',
    role: 'rep',
    language: 'tr',
    teamId: 'team-istanbul',
  },
  {
    userId: 'rep-mehmet',
    name: 'Mehmet Örnek',
    email: 'mehmet.rep@example.com',
    role: 'rep',
    language: 'tr',
    teamId: 'team-istanbul',
  },
  {
    userId: 'rep-john',
    name: 'John Sample',
    email: 'john.rep@example.com',
    role: 'rep',
    language: 'en',
    teamId: 'team-export',
  },
  {
    userId: 'mgr-zeynep',
    name: 'Zeynep Yönetici',
    email: 'zeynep.manager@example.com',
    role: 'manager',
    language: 'tr',
  },
  {
    userId: 'dir-kemal',
    name: 'Kemal Direktör',
    email: 'kemal.director@example.com',
    role: 'director',
    language: 'tr',
  },
  {
    userId: 'mgr-selin',
    name: 'Selin Export',
    email: 'selin.manager@example.com',
    role: 'manager',
    language: 'en',
    teamId: 'team-export',
  },
  // A dealer's people reach their dealer's orders and call-center requests (their unit).
  {
    userId: 'dealer-ankara-ali',
    name: 'Ali Bayi',
    email: 'ali.ankara@example.com',
    role: 'dealer',
    language: 'tr',
    unitId: 'dealer-ankara',
  },
  {
    userId: 'dealer-izmir-ece',
    name: 'Ece Bayi',
    email: 'ece.izmir@example.com',
    role: 'dealer',
    language: 'tr',
    unitId: 'dealer-izmir',
  },
  // Integrations act as users too: the web shop that posts orders.
  {
    userId: 'shop-web',
    name: 'Web mağazası (entegrasyon)',
    email: 'shop.integration@example.com',
    role: 'agent',
    language: 'tr',
  },
  // A call-center agent: looks callers up by phone or e-mail (customers:read reaches every customer) and
  // records their requests for the dealer (requests:read, requests:write).
  { userId: 'agent-deniz', name: 'Deniz Çağrı', email: 'deniz.agent@example.com', role: 'agent', language: 'tr' },
  // A marketer: segments, templates, campaigns, letter runs and call lists; counts firm-wide, no customer's record.
  {
    userId: 'mkt-derya',
    name: 'Derya Pazarlama',
    email: 'derya.marketing@example.com',
    role: 'marketer',
    language: 'tr',
  },
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
  {
    dealerId: 'dealer-ankara',
    name: 'Ankara Bayi (demo)',
    email: 'ankara.dealer@example.com',
    city: 'Ankara',
    language: 'tr',
  },
];

export const demoRules: AssignmentRule[] = [
  { id: 'export-leads', when: { productInterest: ['export', 'ihracat'] }, assignTo: { type: 'user', id: 'rep-john' } },
  { id: 'kocaeli-rep', when: { city: ['Kocaeli'] }, assignTo: { type: 'user', id: 'rep-ayse' } },
  { id: 'ankara-dealer', when: { city: ['Ankara'] }, assignTo: { type: 'dealer', id: 'dealer-ankara' } },
  { id: 'marmara-team', when: { region: ['Marmara'] }, assignTo: { type: 'team', id: 'team-istanbul' } },
  { id: 'istanbul-team', when: { city: ['İstanbul'] }, assignTo: { type: 'team', id: 'team-istanbul' } },
];

// ---- order routing: dealers, a warehouse, departments, and the rules that route orders to them ----------
// Only the service department keeps hours here, so the demo routes the same way at any time of day.

export const demoUnits: Unit[] = [
  {
    unitId: 'dealer-ankara',
    kind: 'dealer',
    name: 'Ankara Bayi (demo)',
    email: 'ankara.dealer@example.com',
    language: 'tr',
    cities: ['Ankara', 'Kırıkkale'],
    regions: ['İç Anadolu'],
    categories: ['forklift', 'transpalet', 'servis'],
    ackSlaMinutes: 120,
  },
  {
    unitId: 'dealer-izmir',
    kind: 'dealer',
    name: 'İzmir Bayi (demo)',
    email: 'izmir.dealer@example.com',
    language: 'tr',
    cities: ['İzmir', 'Manisa'],
    regions: ['Ege'],
    categories: ['forklift', 'transpalet'],
    ackSlaMinutes: 120,
  },
  {
    unitId: 'warehouse-gebze',
    kind: 'warehouse',
    name: 'Gebze Depo',
    email: 'gebze.warehouse@example.com',
    language: 'tr',
    cities: [],
    regions: ['Marmara'],
    categories: [],
    capacity: 500,
    ackSlaMinutes: 60,
  },
  {
    unitId: 'dept-parts',
    kind: 'department',
    name: 'Spare parts',
    email: 'parts.dept@example.com',
    language: 'en',
    cities: [],
    regions: [],
    categories: ['yedek parça'],
    ackSlaMinutes: 240,
  },
  {
    unitId: 'dept-service',
    kind: 'department',
    name: 'Servis',
    email: 'service.dept@example.com',
    language: 'tr',
    cities: [],
    regions: [],
    categories: ['servis', 'eğitim'],
    hours: {
      days: {
        1: { from: '08:30', to: '18:00' },
        2: { from: '08:30', to: '18:00' },
        3: { from: '08:30', to: '18:00' },
        4: { from: '08:30', to: '18:00' },
        5: { from: '08:30', to: '18:00' },
      },
    },
    ackSlaMinutes: 240,
  },
  {
    unitId: 'dept-order-desk',
    kind: 'department',
    name: 'Sipariş masası',
    email: 'order-desk@example.com',
    language: 'tr',
    cities: [],
    regions: [],
    categories: [],
    ackSlaMinutes: 480,
  },
  // Where purchase requests go: a line the ERP cannot fill from stock is bought in by this unit.
  {
    unitId: 'dept-purchasing',
    kind: 'department',
    name: 'Satın alma',
    email: 'purchasing@example.com',
    language: 'tr',
    cities: [],
    regions: [],
    categories: [],
    hours: officeHours,
    ackSlaMinutes: 480,
  },
];

export const demoRoutingRules: RoutingRules = {
  rules: [
    { id: 'preferred-dealer', kind: 'preferred-dealer' },
    { id: 'spare-parts', kind: 'category', categories: ['yedek parça'], unitIds: ['dept-parts'] },
    { id: 'service', kind: 'category', categories: ['servis', 'eğitim'], unitIds: ['dept-service'] },
    { id: 'ankara-dealer', kind: 'region', cities: ['Ankara'], regions: ['İç Anadolu'], unitIds: ['dealer-ankara'] },
    {
      id: 'izmir-dealer',
      kind: 'region',
      cities: ['İzmir'],
      regions: ['Ege'],
      unitIds: ['dealer-izmir', 'warehouse-gebze'],
    },
    {
      id: 'marmara-warehouse',
      kind: 'region',
      cities: ['İstanbul', 'Kocaeli'],
      regions: ['Marmara'],
      unitIds: ['warehouse-gebze'],
    },
  ],
  fallbackUnitId: 'dept-order-desk',
  customerNotices: ['shipped', 'delivered'],
};

/** Departments cases are routed to; one supervisor and one manager stand on every ladder in the demo. */
const office = {
  days: {
    1: { from: '09:00', to: '18:00' },
    2: { from: '09:00', to: '18:00' },
    3: { from: '09:00', to: '18:00' },
    4: { from: '09:00', to: '18:00' },
    5: { from: '09:00', to: '18:00' },
  },
};
const department = (departmentId: string, name: string, email: string, hours: WorkingHours = office): Department => ({
  departmentId,
  name,
  email,
  language: 'tr',
  hours,
  supervisorId: 'sup-deniz',
  managerId: 'mgr-hakan',
});
export const demoDepartments: Department[] = [
  department('dept-customer-service', 'Müşteri hizmetleri', 'customer.service@example.com', {
    days: { ...office.days, 6: { from: '09:00', to: '13:00' } },
  }),
  department('dept-product', 'Ürün', 'product.team@example.com'),
  department('dept-finance', 'Finans', 'finance.team@example.com'),
  department('dept-logistics', 'Lojistik', 'logistics.team@example.com'),
  department('dept-dealer-relations', 'Bayi ilişkileri', 'dealer.relations@example.com'),
];
/** Departments' people: a key reaches only its unit's records (unit reach): cases, purchase requests. */
export const demoDepartmentUsers: User[] = [
  {
    userId: 'sup-deniz',
    name: 'Deniz Gözetmen',
    email: 'deniz.supervisor@example.com',
    role: 'manager',
    language: 'tr',
    unitId: 'dept-customer-service',
  },
  {
    userId: 'mgr-hakan',
    name: 'Hakan Müdür',
    email: 'hakan.manager@example.com',
    role: 'manager',
    language: 'tr',
    unitId: 'dept-customer-service',
  },
  // The purchasing unit's buyer: its inbox holds the purchase requests for what the stock cannot fill.
  {
    userId: 'buy-selim',
    name: 'Selim Satın Alma',
    email: 'selim.purchasing@example.com',
    role: 'manager',
    language: 'tr',
    unitId: 'dept-purchasing',
  },
];

/** The marketing team's person: segments, templates and campaigns (campaigns use case). */
export const demoMarketer: User = {
  userId: 'mkt-elif',
  name: 'Elif Pazarlama',
  email: 'elif.marketing@example.com',
  role: 'manager',
  language: 'tr',
};

export const demoItems = (): Record<string, unknown>[] => [
  ...demoUsers.map((u) => ({ ...keys.user(u.userId), type: 'user', ...u })),
  ...demoTeams.map((t) => ({ ...keys.team(t.teamId), type: 'team', ...t })),
  ...demoDealers.map((d) => ({ ...keys.dealer(d.dealerId), type: 'dealer', ...d })),
  { ...leadCaptureKeys.assignmentRules(), type: 'assignment-rules', rules: demoRules },
  ...quoteReferenceItems(),
  ...demoUnits.map((u) => ({ ...keys.unit(u.unitId), ...keys.unitsByKind(u.kind, u.unitId), type: 'unit', ...u })),
  defaultRulesItem(demoRoutingRules),
  ...demoDepartments.map((d) => ({ ...keys.department(d.departmentId), type: 'department', ...d })),
  ...demoDepartmentUsers.map((u) => ({ ...keys.user(u.userId), type: 'user', ...u })),
  // campaigns: the marketer (a manager without a team; her keys carry only the campaigns scopes)
  { ...keys.user(demoMarketer.userId), type: 'user', ...demoMarketer },
  // sign-in for people
  ...demoAdmins.map((u) => ({ ...keys.user(u.userId), type: 'user', ...u })),
  ...demoAdmins.map((u) => ({
    ...keys.roleMember(u.role, u.userId),
    type: 'role-member',
    role: u.role,
    userId: u.userId,
  })),
  // people and keys managed over the API: every demo person in the admins' list of people
  ...[...demoUsers, ...demoDepartmentUsers, demoMarketer, ...demoAdmins].map((u) => listEntryItem(u.userId)),
  ...[...demoUsers, ...demoDepartmentUsers, demoMarketer, ...demoAdmins].map(personEmailItem),
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

// ---- quotes: a machinery seller's catalogue, two price lists, FX rates and an approval policy ----------
// Invented products and prices. Dates follow the current year, so the demo works whenever it runs.
// The catalogue goes into generation 0, which a table without imports reads: an import makes
// generation 1 and is not undone by a restart. The policy is the DEFAULT one, which a policy set
// with PUT /approval-policy overrides.

const product = (
  sku: string,
  name: [string, string],
  description: [string, string],
  unit: string,
  category: string,
  cost: [number, string],
  taxRateBp = 2000,
  active = true,
): Product => ({
  sku,
  name: { tr: name[0], en: name[1] },
  description: { tr: description[0], en: description[1] },
  unit,
  category,
  cost: { amount: cost[0], currency: cost[1] },
  taxRateBp,
  active,
});

export const demoProducts: Product[] = [
  product(
    'FL-25E',
    ['Akülü forklift 2,5 ton', 'Electric forklift 2.5 t'],
    ['48 V, 4,5 m kaldırma', '48 V, 4.5 m lift'],
    'adet',
    'forklift',
    [1_400_000, 'EUR'],
  ),
  product(
    'FL-35D',
    ['Dizel forklift 3,5 ton', 'Diesel forklift 3.5 t'],
    ['Stage V motor, 4 m kaldırma', 'Stage V engine, 4 m lift'],
    'adet',
    'forklift',
    [1_750_000, 'EUR'],
  ),
  product(
    'TP-20',
    ['Manuel transpalet 2 ton', 'Hand pallet truck 2 t'],
    ['1150 mm çatal', '1150 mm forks'],
    'adet',
    'transpalet',
    [950_000, 'TRY'],
  ),
  product(
    'BAT-48',
    ['48 V yedek akü', '48 V spare battery'],
    ['620 Ah, şarj cihazı hariç', '620 Ah, charger not included'],
    'adet',
    'yedek parça',
    [8_500_000, 'TRY'],
  ),
  product(
    'SRV-H',
    ['Servis işçiliği', 'Service labour'],
    ['Yerinde servis, saat başı', 'On-site service, per hour'],
    'saat',
    'servis',
    [90_000, 'TRY'],
  ),
  product(
    'MNT-Y',
    ['Yıllık bakım sözleşmesi', 'Annual maintenance contract'],
    ['İki periyodik bakım ve parça indirimi', 'Two scheduled services and a parts discount'],
    'yıl',
    'servis',
    [1_200_000, 'TRY'],
  ),
  product(
    'TRN-OP',
    ['Operatör eğitimi', 'Operator training'],
    ['Kişi başı, sertifikalı', 'Per person, certified'],
    'kişi',
    'eğitim',
    [150_000, 'TRY'],
    1000,
  ),
  product(
    'FL-20E-OLD',
    ['Akülü forklift 2 ton (eski model)', 'Electric forklift 2 t (old model)'],
    ['Üretimden kalktı', 'Discontinued'],
    'adet',
    'forklift',
    [1_100_000, 'EUR'],
    2000,
    false,
  ),
];

const prices = (list: Record<string, number>) => Object.entries(list).map(([sku, unitPrice]) => ({ sku, unitPrice }));

export const demoPriceLists = (year = new Date().getUTCFullYear()): PriceList[] => [
  {
    id: 'tr-standart',
    name: `Türkiye standart ${year}`,
    currency: 'TRY',
    validFrom: `${year}-01-01`,
    validTo: `${year + 1}-12-31`,
    prices: prices({
      'FL-25E': 95_000_000,
      'FL-35D': 115_000_000,
      'TP-20': 1_850_000,
      'BAT-48': 14_500_000,
      'SRV-H': 225_000,
      'MNT-Y': 3_800_000,
      'TRN-OP': 450_000,
    }),
  },
  {
    id: 'eu-export',
    name: `Export EUR ${year}`,
    currency: 'EUR',
    validFrom: `${year}-01-01`,
    validTo: `${year + 1}-12-31`,
    prices: prices({
      'FL-25E': 2_490_000,
      'FL-35D': 2_990_000,
      'TP-20': 48_000,
      'BAT-48': 380_000,
      'SRV-H': 6_000,
      'MNT-Y': 99_000,
      'TRN-OP': 12_000,
    }),
  },
];

export const demoFxRates = (year = new Date().getUTCFullYear()): FxRate[] => [
  { date: `${year - 1}-12-31`, currency: 'EUR', rateToTry: '36.9000' },
  { date: `${year - 1}-12-31`, currency: 'USD', rateToTry: '34.4000' },
  { date: `${year}-01-02`, currency: 'EUR', rateToTry: '37.2500' },
  { date: `${year}-01-02`, currency: 'USD', rateToTry: '34.5000' },
  { date: `${year}-07-01`, currency: 'EUR', rateToTry: '39.1000' },
  { date: `${year}-07-01`, currency: 'USD', rateToTry: '35.8000' },
];

/** Over 10% discount or under 15% margin: the sales manager. Over 25% or 5 million TRY: the director too. */
export const demoApprovalPolicy: ApprovalPolicy = [
  {
    id: 'discount-over-10',
    description: 'Over 10% overall discount',
    when: { discountBpOver: 1000 },
    approverRole: 'manager',
  },
  { id: 'margin-under-15', description: 'Margin under 15%', when: { marginBpUnder: 1500 }, approverRole: 'manager' },
  {
    id: 'discount-over-25-or-5m',
    description: 'Over 25% overall discount, or a net total over 5 000 000 TRY',
    when: { discountBpOver: 2500, totalTryOver: 500_000_000 },
    approverRole: 'director',
  },
  {
    id: 'line-discount-over-30',
    description: 'Any line over 30% discount',
    when: { lineDiscountBpOver: 3000 },
    approverRole: 'director',
  },
];

export const quoteReferenceItems = (): Record<string, unknown>[] => [
  ...catalogueItems('products', 0, demoProducts),
  ...catalogueItems('priceLists', 0, demoPriceLists()),
  ...catalogueItems('fxRates', 0, demoFxRates()),
  {
    ...quoteApprovalKeys.approvalPolicy('DEFAULT'),
    type: 'approval-policy',
    rules: demoApprovalPolicy,
    seq: 0,
    updatedAt: '2026-01-01T00:00:00.000Z',
    updatedBy: 'demo-data',
    source: 'default',
  },
  // Who holds each role: approvers are mailed by role.
  ...demoUsers.map((u) => ({
    ...keys.roleMember(u.role, u.userId),
    type: 'role-member',
    role: u.role,
    userId: u.userId,
  })),
];

// ---- sign-in for people: who can sign in to the local pool, one or more of every role ----------------
export const demoAdmins: User[] = [
  { userId: 'admin-elif', name: 'Elif Yönetim', email: 'elif.admin@example.com', role: 'admin', language: 'tr' },
];
/** Directory users `npm start` gives a local sign-in (their e-mail, the printed local password). */
export const demoSignInUserIds = [
  'rep-ayse',
  'mgr-zeynep',
  'dir-kemal',
  'agent-deniz',
  'dealer-ankara-ali',
  'mgr-hakan',
  'admin-elif',
  'mkt-derya',
  'buy-selim',
];
