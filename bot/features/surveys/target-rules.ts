// The respondent-minimum rules in force: ITAS's defaults, or what a coordinator stored over them (app_settings).
import { z } from 'zod';
import { DEFAULT_TARGET_RULES, type TargetRule, type TargetRules } from '../../../core/surveys/targets.ts';
import type { Db } from '../../../db/db.ts';
import { getSetting } from '../../../db/queries/app-settings.ts';

/** app_settings key; value e.g. {"IIT": {"percent": 20, "floor": 25}} — the IIT formula is [unconfirmed]. */
const TARGET_RULES_KEY = 'survey.target_rules';

const count = z.number().int().min(0).max(1_000_000);
const RuleSchema = z.object({
  percent: z.number().min(0).max(100),
  floor: count,
  cap: z.object({ above: count, count }).optional(),
});
const RulesSchema = z.object({ IIT: RuleSchema.optional(), EIT: RuleSchema.optional() });

/** The stored rules over the defaults; a stored value that does not validate is ignored (and logged). */
export async function loadTargetRules(db: Db, warn?: (message: string) => void): Promise<TargetRules> {
  const stored = await getSetting(db, TARGET_RULES_KEY);
  if (stored === undefined) return DEFAULT_TARGET_RULES;
  const parsed = RulesSchema.safeParse(stored);
  if (!parsed.success) {
    warn?.(`${TARGET_RULES_KEY} is not valid and is ignored: ${parsed.error.message}`);
    return DEFAULT_TARGET_RULES;
  }
  const pick = (rule: z.infer<typeof RuleSchema> | undefined, fallback: TargetRule): TargetRule =>
    rule === undefined
      ? fallback
      : { percent: rule.percent, floor: rule.floor, ...(rule.cap ? { cap: rule.cap } : {}) };
  return {
    IIT: pick(parsed.data.IIT, DEFAULT_TARGET_RULES.IIT),
    EIT: pick(parsed.data.EIT, DEFAULT_TARGET_RULES.EIT),
  };
}
