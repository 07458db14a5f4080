// Finding the agency a coordinator means from what they typed: an id, an exact name, or a short list to pick from.
import type { Db } from '../../../db/db.ts';
import type { Agency } from '../../../db/queries/agencies.ts';
import { findAgencyById, searchAgencies } from '../../../db/queries/agencies.ts';

/** At most this many candidates are offered: 13 quick replies is LINE's limit (PLATFORM-NOTES §1.9). */
const MAX_CHOICES = 12;

export type AgencyPick =
  | { kind: 'one'; agency: Agency }
  | { kind: 'none' }
  | { kind: 'many'; agencies: Agency[]; more: boolean };

/**
 * An agency of the province by id ("pathum-thani-health"), by exact Thai or short name, or by a part of its
 * name when only one matches; several matches come back to be offered as choices.
 */
export async function pickAgency(db: Db, provinceId: string, text: string): Promise<AgencyPick> {
  const wanted = text.trim();
  if (wanted === '') return { kind: 'none' };
  const byId = await findAgencyById(db, wanted.toLowerCase());
  if (byId !== undefined && byId.provinceId === provinceId) return { kind: 'one', agency: byId };
  const found = await searchAgencies(db, provinceId, wanted, MAX_CHOICES + 1);
  const exact = found.filter((a) => a.nameTh === wanted || a.shortName === wanted);
  const only = exact.length === 1 ? exact[0] : found.length === 1 ? found[0] : undefined;
  if (only !== undefined) return { kind: 'one', agency: only };
  if (found.length === 0) return { kind: 'none' };
  return { kind: 'many', agencies: found.slice(0, MAX_CHOICES), more: found.length > MAX_CHOICES };
}
