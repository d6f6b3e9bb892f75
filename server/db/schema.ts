/**
 * The drizzle schema: one SQLite file holds parks, spaces, the industry taxonomy, rules, chains,
 * leads and their routing, bulk jobs, chat conversations and the audit trail.
 * JSON columns hold small lists (industries, terms, match clauses) that are always read whole.
 */
import { sqliteTable, text, integer, real, index, primaryKey, uniqueIndex } from 'drizzle-orm/sqlite-core';

const json = <T>(name: string) => text(name, { mode: 'json' }).$type<T>();
const now = () => new Date().toISOString();

export const parks = sqliteTable(
  'parks',
  {
    id: text('id').primaryKey(),
    name: text('name').notNull(),
    aliases: json<string[]>('aliases').notNull(),
    city: text('city').notNull(),
    district: text('district').notNull(),
    town: text('town').notNull(),
    kind: text('kind').notNull(),
    program: text('program').notNull(),
    batch: text('batch'),
    seq: integer('seq'),
    landAreaMu: real('land_area_mu'),
    landUse: text('land_use'),
    startTime: text('start_time'),
    positioning: text('positioning'),
    leadingIndustries: json<string[]>('leading_industries').notNull(),
    supportingIndustries: json<string[]>('supporting_industries').notNull(),
    developer: text('developer'),
    plotRatioMin: real('plot_ratio_min'),
    envClass: text('env_class').notNull(),
    leadingShareTarget: real('leading_share_target'),
    leadingShareCurrent: real('leading_share_current'),
    standards: json<{
      investmentIntensityWanPerMu: number | null;
      outputPerMuWan: number | null;
      taxPerMuWan: number | null;
      source: string;
    } | null>('standards'),
    description: text('description').notNull().default(''),
    facts: json<{ key: string; text: string; value: number | null; source: string }[]>('facts').notNull(),
    source: text('source').notNull(),
    updatedAt: text('updated_at').notNull().$defaultFn(now),
  },
  (t) => [index('parks_district_idx').on(t.district)],
);

export const spaces = sqliteTable(
  'spaces',
  {
    id: text('id').primaryKey(),
    parkId: text('park_id')
      .notNull()
      .references(() => parks.id, { onDelete: 'cascade' }),
    building: text('building').notNull(),
    floor: integer('floor').notNull(),
    areaM2: real('area_m2').notNull(),
    landMu: real('land_mu'),
    clearHeightM: real('clear_height_m'),
    floorLoadKnM2: real('floor_load_kn_m2'),
    kind: text('kind').notNull(),
    status: text('status').notNull().default('vacant'),
    availableFrom: text('available_from'),
    rentYuanPerM2Day: real('rent_yuan_per_m2_day'),
    /** Which lead holds this space when status is reserved/occupied. */
    reservedBy: text('reserved_by'),
    source: text('source').notNull(),
    updatedAt: text('updated_at').notNull().$defaultFn(now),
  },
  (t) => [index('spaces_park_idx').on(t.parkId), index('spaces_status_idx').on(t.status)],
);

/** Taxonomy nodes: GB/T 4754-2017 rows (kind gbt) and local positionings (kind positioning). */
export const industries = sqliteTable(
  'industries',
  {
    id: text('id').primaryKey(),
    kind: text('kind').notNull(), // gbt | positioning
    code: text('code'),
    name: text('name').notNull(),
    level: integer('level'),
    parent: text('parent'),
    section: text('section'),
    remark: text('remark'),
    aliases: json<string[]>('aliases').notNull(),
    parents: json<string[]>('parents').notNull(),
    codes: json<string[]>('codes').notNull(),
    terms: json<string[]>('terms').notNull(),
    weakTerms: json<string[]>('weak_terms').notNull().default([]),
    related: json<string[]>('related').notNull(),
    system: text('system'),
    sector: text('sector'), // manufacturing | service | mixed (positionings)
    source: text('source').notNull(),
  },
  (t) => [index('industries_code_idx').on(t.code), index('industries_kind_idx').on(t.kind)],
);

export const rules = sqliteTable('rules', {
  id: text('id').primaryKey(),
  name: text('name').notNull(),
  scopeLevel: text('scope_level').notNull(),
  scopeValue: text('scope_value'),
  effect: text('effect').notNull(),
  match: json<{
    industryCodes: string[];
    terms: string[];
    unlessTerms: string[];
    pollution: { wastewater?: string; wasteGas?: string; hazardousChemicals?: boolean; pilotScale?: boolean; majorHazard?: boolean } | null;
    eia?: '报告书' | '按规模报告书';
  }>('match').notNull(),
  threshold: json<{ field: string; min: number | null; max: number | null } | null>('threshold'),
  reviewLevel: text('review_level'),
  envClasses: json<string[]>('env_classes').notNull(),
  reason: text('reason').notNull(),
  source: text('source').notNull(),
  /** Provenance (docs/RULES.md): the managing jurisdiction (null: above every one), 参照 and its origin, 示例规则, adoption. */
  jurisdictionId: text('jurisdiction_id'),
  reference: integer('reference', { mode: 'boolean' }).notNull().default(false),
  origin: text('origin'),
  sample: integer('sample', { mode: 'boolean' }).notNull().default(false),
  adoption: json<{ by: string; at: string; reason: string } | null>('adoption'),
  /** active | retired (a retired rule stays, with its versions, but is not scored). */
  status: text('status').notNull().default('active'),
  /** The current version; every version is a row of knowledge_versions. */
  version: integer('version').notNull().default(1),
});

/**
 * Every change to a rule or to a park's positioning (issue 18), never edited in place: one row per
 * version with who, when, why, the record before and after, and the impact on the open leads when it
 * was applied. Append-only: the database refuses UPDATE and DELETE (triggers of migration 0005).
 */
export const knowledgeVersions = sqliteTable(
  'knowledge_versions',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    /** rule | positioning */
    kind: text('kind').notNull(),
    /** The rule id or the park id. */
    subjectId: text('subject_id').notNull(),
    version: integer('version').notNull(),
    /** create | change | retire | adopt */
    action: text('action').notNull(),
    jurisdictionId: text('jurisdiction_id'),
    actor: text('actor').notNull(),
    at: text('at').notNull().$defaultFn(now),
    reason: text('reason').notNull(),
    before: json<Record<string, unknown> | null>('before'),
    after: json<Record<string, unknown>>('after').notNull(),
    impact: json<Record<string, unknown> | null>('impact'),
  },
  (t) => [uniqueIndex('knowledge_versions_version_uq').on(t.kind, t.subjectId, t.version), index('knowledge_versions_at_idx').on(t.at)],
);

export const chains = sqliteTable('chains', {
  id: text('id').primaryKey(),
  name: text('name').notNull(),
  positionings: json<string[]>('positionings').notNull(),
  source: text('source').notNull(),
});

export const chainNodes = sqliteTable(
  'chain_nodes',
  {
    id: text('id').primaryKey(),
    chainId: text('chain_id')
      .notNull()
      .references(() => chains.id, { onDelete: 'cascade' }),
    tier: text('tier').notNull(),
    name: text('name').notNull(),
    codes: json<string[]>('codes').notNull(),
    terms: json<string[]>('terms').notNull(),
  },
  (t) => [index('chain_nodes_chain_idx').on(t.chainId)],
);

/** Which nodes a park holds, and which missing links (补链) it wants. */
export const parkChainNodes = sqliteTable(
  'park_chain_nodes',
  {
    parkId: text('park_id')
      .notNull()
      .references(() => parks.id, { onDelete: 'cascade' }),
    nodeId: text('node_id')
      .notNull()
      .references(() => chainNodes.id, { onDelete: 'cascade' }),
    role: text('role').notNull(), // holds | missing
    source: text('source').notNull(),
  },
  (t) => [primaryKey({ columns: [t.parkId, t.nodeId, t.role] })],
);

/** 链主 firms. */
export const chainLeaders = sqliteTable('chain_leaders', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  chainId: text('chain_id')
    .notNull()
    .references(() => chains.id, { onDelete: 'cascade' }),
  nodeId: text('node_id')
    .notNull()
    .references(() => chainNodes.id, { onDelete: 'cascade' }),
  parkId: text('park_id')
    .notNull()
    .references(() => parks.id, { onDelete: 'cascade' }),
  company: text('company').notNull(),
  source: text('source').notNull(),
});

/** Jurisdiction-level policy facts (targets, floors, admission dimensions). */
export const policyFacts = sqliteTable('policy_facts', {
  id: text('id').primaryKey(),
  jurisdiction: text('jurisdiction').notNull(),
  appliesTo: text('applies_to'),
  key: text('key').notNull(),
  text: text('text').notNull(),
  value: real('value'),
  unit: text('unit'),
  source: text('source').notNull(),
});

/** Leads (线索/项目) of the pipeline; `lead` is the API Lead as stored. */
export const leads = sqliteTable(
  'leads',
  {
    id: text('id').primaryKey(),
    name: text('name'),
    company: text('company'),
    lead: json<Record<string, unknown>>('lead').notNull(),
    stage: text('stage').notNull().default('线索'),
    sourceTown: text('source_town'),
    owner: text('owner'),
    reviewLevel: text('review_level'),
    parkId: text('park_id').references(() => parks.id, { onDelete: 'set null' }),
    spaceId: text('space_id').references(() => spaces.id, { onDelete: 'set null' }),
    /** The jurisdiction (辖区) whose pipeline holds the lead (null: before jurisdictions, or unknown). */
    jurisdictionId: text('jurisdiction_id'),
    createdAt: text('created_at').notNull().$defaultFn(now),
    updatedAt: text('updated_at').notNull().$defaultFn(now),
  },
  (t) => [index('leads_stage_idx').on(t.stage), index('leads_town_idx').on(t.sourceTown)],
);

/** Every change to a lead (stage, fields), never overwritten. */
export const leadHistory = sqliteTable(
  'lead_history',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    leadId: text('lead_id')
      .notNull()
      .references(() => leads.id, { onDelete: 'cascade' }),
    at: text('at').notNull().$defaultFn(now),
    actor: text('actor'),
    change: json<Record<string, { from: unknown; to: unknown }>>('change').notNull(),
  },
  (t) => [index('lead_history_lead_idx').on(t.leadId)],
);

/** 流转 ledger: one row per proposed/decided move of a lead; decisions append rows. */
export const routings = sqliteTable(
  'routings',
  {
    id: text('id').primaryKey(),
    leadId: text('lead_id')
      .notNull()
      .references(() => leads.id, { onDelete: 'cascade' }),
    planId: text('plan_id'),
    fromTown: text('from_town'),
    fromParkId: text('from_park_id'),
    toParkId: text('to_park_id').references(() => parks.id),
    toTown: text('to_town'),
    spaceId: text('space_id').references(() => spaces.id),
    score: real('score'),
    status: text('status').notNull(), // proposed | accepted | rejected | withdrawn
    actor: text('actor'),
    reasons: json<string[]>('reasons').notNull(),
    creditTown: text('credit_town'),
    reviewLevel: text('review_level'),
    at: text('at').notNull().$defaultFn(now),
  },
  (t) => [index('routings_lead_idx').on(t.leadId), index('routings_space_idx').on(t.spaceId)],
);

/** Bulk scoring jobs. `cursor` is the progress marker, committed with each batch of results. */
export const jobs = sqliteTable('jobs', {
  id: text('id').primaryKey(),
  kind: text('kind').notNull(), // score | park-import
  status: text('status').notNull(), // queued | running | done | failed
  fileName: text('file_name'),
  total: integer('total').notNull().default(0),
  processed: integer('processed').notNull().default(0),
  failed: integer('failed').notNull().default(0),
  cursor: integer('cursor').notNull().default(0),
  columns: json<string[]>('columns').notNull(),
  errors: json<{ row: number; field: string; message: string }[]>('errors').notNull(),
  message: text('message'),
  /** Who uploaded it (username) and that user's town: the uploaded columns are theirs and the admins' only. */
  createdBy: text('created_by'),
  town: text('town'),
  /** The uploader's jurisdiction (null: the system administrator's, or before jurisdictions). */
  jurisdictionId: text('jurisdiction_id'),
  createdAt: text('created_at').notNull().$defaultFn(now),
  updatedAt: text('updated_at').notNull().$defaultFn(now),
});

/** One input row of a job and, once scored, its result. */
export const jobRows = sqliteTable(
  'job_rows',
  {
    jobId: text('job_id')
      .notNull()
      .references(() => jobs.id, { onDelete: 'cascade' }),
    rowNo: integer('row_no').notNull(),
    input: json<Record<string, unknown>>('input').notNull(),
    lead: json<Record<string, unknown> | null>('lead'),
    result: json<Record<string, unknown> | null>('result'),
  },
  (t) => [primaryKey({ columns: [t.jobId, t.rowNo] })],
);

/**
 * The texts a job's results refer to (park names, reasons, rule sources), each stored once per job:
 * `job_rows.result` holds only their numbers (server/jobs/result-codec.ts). Written in the same
 * transaction as the batch whose results first use them.
 */
export const jobStrings = sqliteTable(
  'job_strings',
  {
    jobId: text('job_id')
      .notNull()
      .references(() => jobs.id, { onDelete: 'cascade' }),
    id: integer('id').notNull(),
    text: text('text').notNull(),
  },
  (t) => [primaryKey({ columns: [t.jobId, t.id] })],
);

export const conversations = sqliteTable('conversations', {
  id: text('id').primaryKey(),
  lead: json<Record<string, unknown>>('lead').notNull(),
  /** The username that started it (null: before accounts existed). */
  createdBy: text('created_by'),
  createdAt: text('created_at').notNull().$defaultFn(now),
  updatedAt: text('updated_at').notNull().$defaultFn(now),
});

export const messages = sqliteTable(
  'messages',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    conversationId: text('conversation_id')
      .notNull()
      .references(() => conversations.id, { onDelete: 'cascade' }),
    role: text('role').notNull(), // user | assistant
    text: text('text').notNull(),
    at: text('at').notNull().$defaultFn(now),
  },
  (t) => [index('messages_conv_idx').on(t.conversationId)],
);

/**
 * Append-only audit trail: every write, export and download, sign-ins, seed loads. The database refuses
 * UPDATE and DELETE (triggers in migration 0002); each row's `hash` chains it to the row before
 * (sha256, set by an AFTER INSERT trigger through the luodi_audit_hash function, server/db/audit.ts).
 */
export const audit = sqliteTable(
  'audit',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    at: text('at').notNull().$defaultFn(now),
    actor: text('actor').notNull(),
    action: text('action').notNull(),
    object: text('object'),
    detail: json<Record<string, unknown>>('detail'),
    hash: text('hash'),
  },
  (t) => [index('audit_action_idx').on(t.action), index('audit_actor_idx').on(t.actor)],
);

/** Accounts (API.md v2): role admin | town | viewer, bound to a jurisdiction and, for town, a town. */
export const users = sqliteTable('users', {
  username: text('username').primaryKey(),
  displayName: text('display_name').notNull(),
  role: text('role').notNull(),
  jurisdictionId: text('jurisdiction_id'),
  town: text('town'),
  /** scrypt$N$r$p$salt$key (server/auth/password.ts); never a plain or fast hash. */
  passwordHash: text('password_hash').notNull(),
  createdAt: text('created_at').notNull().$defaultFn(now),
  createdBy: text('created_by'),
});

/** Server-side sessions: the cookie holds a random token, the table only its sha256. */
export const sessions = sqliteTable(
  'sessions',
  {
    tokenHash: text('token_hash').primaryKey(),
    username: text('username')
      .notNull()
      .references(() => users.username, { onDelete: 'cascade' }),
    createdAt: text('created_at').notNull(),
    expiresAt: text('expires_at').notNull(),
  },
  (t) => [index('sessions_user_idx').on(t.username)],
);

/** Jurisdictions (辖区): the city or district whose 招商 office runs one pipeline, and its districts. */
export const jurisdictions = sqliteTable('jurisdictions', {
  id: text('id').primaryKey(),
  name: text('name').notNull(),
  districts: json<string[]>('districts').notNull(),
  source: text('source').notNull(),
});

/** Which demo data set version was loaded. */
export const meta = sqliteTable('meta', {
  key: text('key').primaryKey(),
  value: text('value').notNull(),
});
