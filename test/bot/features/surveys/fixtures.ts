// Survey test fixtures: a fresh agency of the demo province with its own bound group, links set as needed,
// and the demo's own links.

import type { LineMessage } from '../../../../bot/dev/fake-line/types.ts';
import { fiscalYearOf } from '../../../../core/index.ts';
import type { SurveyInstrument } from '../../../../core/surveys/targets.ts';
import type { Db } from '../../../../db/db.ts';
import { upsertAgency } from '../../../../db/queries/agencies.ts';
import { createBindCode } from '../../../../db/queries/bind-codes.ts';
import { bindGroupWithCode } from '../../../../db/queries/line-groups.ts';
import { findSurveyLink, type SurveyLink, upsertSurveyLink } from '../../../../db/queries/survey-links.ts';
import { makeTextEvent } from '../../../support/events.ts';
import { answerTo, type Conversation, NOW } from '../../line/events/conversation.ts';

export const PROVINCE = 'pathum-thani';

/** A new agency "หน่วยงานทดสอบ<n>" in Pathum Thani, with a group of `kind` bound to it; returns the group id. */
export async function addAgency(
  db: Db,
  n: number,
  now: Date,
  kind: 'staff' | 'officers' = 'staff',
): Promise<{ agencyId: string; groupId: string; name: string }> {
  const agencyId = `test-agency-${n}`;
  const name = `หน่วยงานทดสอบที่${n}`;
  await upsertAgency(db, { id: agencyId, provinceId: PROVINCE, nameTh: name, type: 'other' }, now);
  const code = `T${String(n).padStart(5, '0')}`;
  const expiresAt = new Date(now.getTime() + 86_400_000);
  await createBindCode(db, { code, provinceId: PROVINCE, agencyId, kind, expiresAt }, now);
  const groupId = `C${n.toString(16).padStart(32, 'c')}`;
  const bound = await bindGroupWithCode(db, { code, groupId, userId: null }, now);
  if (bound === undefined) throw new Error(`group of ${agencyId} was not bound`);
  return { agencyId, groupId, name };
}

export interface LinkSettings {
  code?: string;
  url?: string | null;
  population?: number | null;
  target?: number | null;
  targetSource?: 'auto' | 'manual';
}

/** The agency's link for the fiscal year of `now`. */
export function setLink(
  db: Db,
  agencyId: string,
  instrument: SurveyInstrument,
  now: Date,
  settings: LinkSettings = {},
): Promise<SurveyLink> {
  const code = settings.code ?? `${instrument}${agencyId.replace(/[^0-9]/g, '')}x`.padEnd(6, 'z');
  return upsertSurveyLink(
    db,
    {
      agencyId,
      year: fiscalYearOf(now),
      instrument,
      code,
      url:
        settings.url === undefined
          ? `https://itas.nacc.go.th/go/${instrument.toLowerCase()}/${code}`
          : settings.url,
      population: settings.population ?? null,
      target: settings.target ?? null,
      targetSource: settings.targetSource ?? 'auto',
      updatedBy: null,
    },
    now,
  );
}

/** The demo's FY2569 link of an agency (the demo has one for each agency and instrument). */
export async function demoLink(db: Db, agencyId: string, instrument: SurveyInstrument): Promise<SurveyLink> {
  const link = await findSurveyLink(db, agencyId, 2569, instrument);
  if (link === undefined) throw new Error(`the demo has no ${instrument} link for ${agencyId}`);
  return link;
}

/** A text in a group from a member LINE does not name (no profile consent: the source has no userId). */
export async function sayUnnamed(c: Conversation, text: string, groupId: string): Promise<LineMessage[]> {
  const event = makeTextEvent(text, { source: { type: 'group', groupId }, timestamp: NOW.getTime() });
  await c.h.send(event);
  return answerTo(c.h, event.replyToken);
}
