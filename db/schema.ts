// The Kysely schema: one interface per table of db/migrations/*.sql (snake_case, as stored) and the row aliases.
import type { ColumnType, Generated, Insertable, Selectable, Updateable } from 'kysely';
import type { Instrument } from '../core/types.ts';

/** TEXT ISO-8601 UTC instant with milliseconds, e.g. '2026-11-23T09:00:00.000Z'. */
export type IsoTime = string;
/** TEXT calendar day 'YYYY-MM-DD'. */
export type IsoDate = string;
/** TEXT holding JSON. */
export type JsonText = string;

export type AgencyType =
  | 'provincial_office'
  | 'line_agency'
  | 'district'
  | 'pao'
  | 'municipality'
  | 'sao'
  | 'other';
export type ScoreLevel = 'item' | 'indicator' | 'instrument' | 'eit_part' | 'total';
export type ScoreSource = 'import' | 'cli' | 'liff' | 'demo';
export type SurveyInstrument = Extract<Instrument, 'IIT' | 'EIT'>;
export type TaskStatus = 'not_started' | 'in_progress' | 'done';
export type Responsible = 'all' | 'agencies' | 'coordinator' | 'nacc';
export type Role = 'coordinator' | 'staff' | 'officer';
export type GroupKind = 'staff' | 'officers';
export type InboxState = 'pending' | 'processing' | 'done' | 'parked';
export type OutboxKind = 'push' | 'multicast';
export type OutboxState = 'pending' | 'sending' | 'sent' | 'failed';
export type BroadcastState = 'draft' | 'confirmed' | 'sent' | 'cancelled';
export type IdentityMode = 'named' | 'anonymous_updates' | 'code_only';
/** 0 or 1: SQLite has no boolean, and better-sqlite3 refuses to bind JS booleans. */
export type Flag = 0 | 1;

export interface ProvincesTable {
  id: string;
  name_th: string;
  name_en: string | null;
  created_at: IsoTime;
}

export interface AgenciesTable {
  id: string;
  province_id: string;
  name_th: string;
  short_name: string | null;
  type: AgencyType;
  district: string | null;
  parent_id: string | null;
  /** The assessed unit it contributes to; null when assessed on its own (migration 0011). */
  assessed_unit_id: string | null;
  created_at: IsoTime;
  updated_at: IsoTime;
  /** Staff count and the NACC's ITAS code from the province's own agency list (0010); null for the demo's. */
  staff_count: number | null;
  itas_code: string | null;
}

export interface FiscalYearsTable {
  province_id: string;
  year: number;
  framework_id: string;
  created_at: IsoTime;
  updated_at: IsoTime;
}

export interface ScoresTable {
  agency_id: string;
  year: number;
  level: ScoreLevel;
  code: string;
  score: number;
  source: ScoreSource;
  source_by: string | null;
  recorded_at: IsoTime;
}

export interface PublishedResultsTable {
  agency_id: string;
  year: number;
  level: string | null;
  rank_national: number | null;
  rank_in_group: number | null;
  source: ScoreSource;
  source_by: string | null;
  recorded_at: IsoTime;
}

export interface FrameworksTable {
  year: number;
  json: string;
  source_by: string | null;
  recorded_at: IsoTime;
}

export interface PlanActivitiesTable {
  id: string;
  province_id: string;
  year: number;
  key: string | null;
  seq: number;
  title_th: string;
  detail: string | null;
  kind: Generated<string>;
  starts_on: IsoDate | null;
  due_on: IsoDate;
  responsible: Generated<Responsible>;
  owner: string | null;
  meta: JsonText | null;
  created_by: string | null;
  created_at: IsoTime;
  updated_at: IsoTime;
}

export interface ActivityAgenciesTable {
  activity_id: string;
  agency_id: string;
}

export interface ActivityStatusTable {
  activity_id: string;
  agency_id: string;
  status: TaskStatus;
  updated_by: string | null;
  updated_at: IsoTime;
  evidence_url: string | null;
  note: string | null;
}

export interface ActivityStatusHistoryTable {
  id: Generated<number>;
  activity_id: string;
  agency_id: string;
  status: TaskStatus;
  changed_by: string | null;
  changed_at: IsoTime;
  evidence_url: string | null;
  note: string | null;
}

export interface SurveyLinksTable {
  agency_id: string;
  year: number;
  instrument: SurveyInstrument;
  code: string;
  url: string | null;
  population: number | null;
  target: number | null;
  target_source: Generated<'auto' | 'manual'>;
  reported_count: number | null;
  reported_at: IsoTime | null;
  reported_by: string | null;
  updated_by: string | null;
  updated_at: IsoTime;
}

export interface SurveyReportsTable {
  id: Generated<number>;
  agency_id: string;
  year: number;
  instrument: SurveyInstrument;
  count: number;
  reported_by: string | null;
  reported_at: IsoTime;
}

export interface LinkClicksTable {
  code: string;
  channel: string;
  hour: string;
  count: Generated<number>;
}

export interface LineUsersTable {
  user_id: string;
  display_name: string | null;
  first_seen_at: IsoTime;
  last_seen_at: IsoTime;
  unfollowed_at: IsoTime | null;
}

export interface UserRolesTable {
  id: Generated<number>;
  user_id: string;
  role: Role;
  province_id: string;
  agency_id: string | null;
  granted_by: string | null;
  granted_at: IsoTime;
}

export interface LineGroupsTable {
  group_id: string;
  agency_id: string | null;
  province_id: string | null;
  kind: GroupKind | null;
  joined_at: IsoTime | null;
  bound_at: IsoTime | null;
  bound_by: string | null;
  left_at: IsoTime | null;
  /** Members as LINE last counted them: what one push into the group costs in the monthly quota. */
  member_count: Generated<number | null>;
  member_count_at: Generated<IsoTime | null>;
}

export interface ImageSetPhotosTable {
  set_id: string;
  line_message_id: string;
  intake_key: string;
  stored: number;
  created_at: IsoTime;
}

export interface ImageSetAcksTable {
  set_id: string;
  created_at: IsoTime;
}

export interface BindCodesTable {
  code: string;
  province_id: string;
  agency_id: string | null;
  kind: string;
  created_by: string | null;
  created_at: IsoTime;
  expires_at: IsoTime;
  used_at: IsoTime | null;
  used_by_group: string | null;
  used_by_user: string | null;
}

export interface ConversationStateTable {
  user_id: string;
  flow: string;
  step: string;
  data: Generated<JsonText>;
  draft_id: string;
  version: Generated<number>;
  updated_at: IsoTime;
  expires_at: IsoTime;
}

export interface WebhookInboxTable {
  id: Generated<number>;
  webhook_event_id: string;
  event_type: string;
  source_id: string | null;
  payload: JsonText;
  received_at: IsoTime;
  state: Generated<InboxState>;
  attempts: Generated<number>;
  next_attempt_at: IsoTime;
  lease_token: string | null;
  locked_until: IsoTime | null;
  last_error: string | null;
  done_at: IsoTime | null;
}

export interface OutboxTable {
  id: Generated<number>;
  kind: OutboxKind;
  recipient: string;
  messages: JsonText;
  retry_key: string;
  source_kind: string | null;
  source_id: string | null;
  state: Generated<OutboxState>;
  attempts: Generated<number>;
  next_attempt_at: IsoTime;
  lease_token: string | null;
  locked_until: IsoTime | null;
  last_status: number | null;
  last_error: string | null;
  request_id: string | null;
  created_at: IsoTime;
  sent_at: IsoTime | null;
  /** 1 first … 5 last when claiming (db/queries/outbox.ts OUTBOX_PRIORITY). */
  priority: Generated<number>;
}

export interface ReminderLogTable {
  id: Generated<number>;
  kind: string;
  subject_id: string;
  target_id: string;
  slot: string;
  planned_for: IsoTime;
  reserved_at: IsoTime;
  outbox_id: number | null;
}

export interface BroadcastsTable {
  id: string;
  province_id: string;
  text: string;
  filter: Generated<JsonText>;
  state: Generated<BroadcastState>;
  recipient_count: number | null;
  created_by: string;
  created_at: IsoTime;
  confirmed_by: string | null;
  confirmed_at: IsoTime | null;
  sent_at: IsoTime | null;
}

export interface ComplaintsTable {
  id: string;
  tracking_code: string;
  intake_key: string | null;
  province_id: string;
  agency_id: string | null;
  type: string;
  channel: string;
  description: string;
  occurred_at: string | null;
  place: string | null;
  lat: number | null;
  lng: number | null;
  identity_mode: IdentityMode;
  identity_cipher: string | null;
  notify_cipher: string | null;
  reporter_hash: string | null;
  status: Generated<string>;
  assigned_to: string | null;
  referred_to: string | null;
  result: string | null;
  rating: number | null;
  reopened_count: Generated<number>;
  created_at: IsoTime;
  updated_at: IsoTime;
  acknowledged_at: IsoTime | null;
  replied_at: IsoTime | null;
  closed_at: IsoTime | null;
  delete_after: IsoTime | null;
  reopened_at: IsoTime | null;
  reopen_acknowledged_at: IsoTime | null;
}

export interface ComplaintEventsTable {
  id: Generated<number>;
  complaint_id: string;
  status: string;
  is_public: Generated<Flag>;
  actor: string;
  note: string | null;
  at: IsoTime;
}

export interface ComplaintAttachmentsTable {
  id: Generated<number>;
  complaint_id: string | null;
  intake_key: string | null;
  line_message_id: string | null;
  content_type: string;
  // better-sqlite3 returns a Buffer and D1 an array of byte values: db/queries/complaint-attachments.ts
  // turns both into a Uint8Array.
  bytes: ColumnType<Uint8Array | number[], Uint8Array, Uint8Array>;
  size: number;
  created_at: IsoTime;
}

export interface AuditLogTable {
  id: Generated<number>;
  at: IsoTime;
  actor: string;
  action: string;
  subject_type: string | null;
  subject_id: string | null;
  detail: JsonText | null;
}

export interface AppSettingsTable {
  key: string;
  value: JsonText;
  updated_by: string | null;
  updated_at: IsoTime;
}

export interface RateLimitsTable {
  key: string;
  bucket: string;
  count: Generated<number>;
}

/** wrangler's migration tracking table, the same on D1 and better-sqlite3. */
export interface D1MigrationsTable {
  id: Generated<number>;
  name: string | null;
  applied_at: Generated<string>;
}

export interface Database {
  provinces: ProvincesTable;
  agencies: AgenciesTable;
  fiscal_years: FiscalYearsTable;
  scores: ScoresTable;
  published_results: PublishedResultsTable;
  frameworks: FrameworksTable;
  plan_activities: PlanActivitiesTable;
  activity_agencies: ActivityAgenciesTable;
  activity_status: ActivityStatusTable;
  activity_status_history: ActivityStatusHistoryTable;
  survey_links: SurveyLinksTable;
  survey_reports: SurveyReportsTable;
  link_clicks: LinkClicksTable;
  line_users: LineUsersTable;
  user_roles: UserRolesTable;
  line_groups: LineGroupsTable;
  bind_codes: BindCodesTable;
  conversation_state: ConversationStateTable;
  webhook_inbox: WebhookInboxTable;
  outbox: OutboxTable;
  reminder_log: ReminderLogTable;
  broadcasts: BroadcastsTable;
  complaints: ComplaintsTable;
  complaint_events: ComplaintEventsTable;
  complaint_attachments: ComplaintAttachmentsTable;
  image_set_photos: ImageSetPhotosTable;
  image_set_acks: ImageSetAcksTable;
  audit_log: AuditLogTable;
  app_settings: AppSettingsTable;
  rate_limits: RateLimitsTable;
  d1_migrations: D1MigrationsTable;
}

export type AgencyRow = Selectable<AgenciesTable>;
export type NewAgencyRow = Insertable<AgenciesTable>;
export type ScoreRow = Selectable<ScoresTable>;
export type NewScoreRow = Insertable<ScoresTable>;
export type PlanActivityRow = Selectable<PlanActivitiesTable>;
export type ActivityStatusRow = Selectable<ActivityStatusTable>;
export type SurveyLinkRow = Selectable<SurveyLinksTable>;
export type LineUserRow = Selectable<LineUsersTable>;
export type UserRoleRow = Selectable<UserRolesTable>;
export type LineGroupRow = Selectable<LineGroupsTable>;
export type BindCodeRow = Selectable<BindCodesTable>;
export type ConversationStateRow = Selectable<ConversationStateTable>;
export type WebhookInboxRow = Selectable<WebhookInboxTable>;
export type OutboxRow = Selectable<OutboxTable>;
export type NewOutboxRow = Insertable<OutboxTable>;
export type OutboxUpdate = Updateable<OutboxTable>;
export type ReminderLogRow = Selectable<ReminderLogTable>;
export type BroadcastRow = Selectable<BroadcastsTable>;
export type ComplaintRow = Selectable<ComplaintsTable>;
export type NewComplaintRow = Insertable<ComplaintsTable>;
export type ComplaintEventRow = Selectable<ComplaintEventsTable>;
export type ComplaintAttachmentRow = Selectable<ComplaintAttachmentsTable>;
export type AuditLogRow = Selectable<AuditLogTable>;
