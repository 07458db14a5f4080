// What a chat handler gets: the event's chat, who wrote (roles), the group's agency, and a way to answer once.
import type { Agency } from '../../../db/queries/agencies.ts';
import type { LineGroup } from '../../../db/queries/line-groups.ts';
import type { RoleGrant } from '../../../db/queries/user-roles.ts';
import type { LineMessage } from '../client.ts';
import type { EventContext } from '../events/index.ts';

export type ChatKind = 'user' | 'group' | 'room';

export interface Chat {
  kind: ChatKind;
  /** The user id in 1:1 chat, else the group or room id: where an answer goes. */
  id: string;
}

export interface Who {
  /** Absent in groups when the member has not consented to profile access (PLATFORM-NOTES §1.2). */
  userId?: string;
  roles: RoleGrant[];
  /** The province this deployment serves: from the person's roles, else the first province on record. */
  provinceId?: string;
  isCoordinator: boolean;
  isOfficer: boolean;
  /** Agencies the person is ITA staff of (a coordinator may act for any agency of the province). */
  staffAgencyIds: string[];
}

export interface ChatContext extends EventContext {
  chat: Chat;
  who: Who;
  /** The group the message came from, with its agency when bound (group chats only). */
  group?: { record: LineGroup; agency?: Agency };
  /** Answers the event — a reply while the token is fresh, else a push. Call it once per event. */
  answer(messages: LineMessage[]): Promise<void>;
}
