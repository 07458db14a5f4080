// What a handler gets: every event its deps and time (EventContext); a chat command also the event's chat, who
// wrote (roles), the group's agency, and a way to answer once (ChatContext).
import type { Agency } from '../../../db/queries/agencies.ts';
import type { LineGroup } from '../../../db/queries/line-groups.ts';
import type { RoleGrant } from '../../../db/queries/user-roles.ts';
import type { Deps } from '../../deps.ts';
import type { LineMessage } from '../client.ts';

/** Someone @mentioned in a text message (LINE's `mention.mentionees`). */
export interface Mentioned {
  /** Absent when the person has not consented to profile access (PLATFORM-NOTES §1.2), and for @All. */
  userId?: string;
  /** The mention as written, e.g. "@สมชาย", folded like command arguments (Arabic digits, single spaces). */
  text: string;
  /** The bot itself. */
  isSelf: boolean;
  /** @All: the whole group. */
  everyone: boolean;
}

/** What a handler gets besides its event. */
export interface EventContext {
  deps: Deps;
  now: Date;
  /** People mentioned in a text message, for commands that act on people (granting roles in a group). */
  mentions?: readonly Mentioned[];
  /** A text message as typed, line breaks kept, for commands whose argument is free text (announcements). */
  messageText?: string;
  /** Answers that fell back to a push while handling this event; the inbox drains them right after it. */
  fallback?: { pushed: number };
}

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
