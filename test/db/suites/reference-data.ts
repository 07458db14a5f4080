// Provinces, agencies, fiscal years and scores: the reference queries, on both dialects.
import { describe, expect, it } from 'vitest';
import {
  findAgencyByGroupId,
  findAgencyById,
  listAgencies,
  searchAgencies,
  upsertAgency,
} from '../../../db/queries/agencies.ts';
import { findFiscalYear, listFiscalYears, upsertFiscalYear } from '../../../db/queries/fiscal-years.ts';
import { recordGroupJoined } from '../../../db/queries/line-groups.ts';
import { findProvinceById, listProvinces } from '../../../db/queries/provinces.ts';
import {
  countScoredAgenciesByYear,
  listProvinceScores,
  listProvinceScoreYears,
  listScores,
  listScoreYears,
  replaceScoreSets,
  replaceScores,
} from '../../../db/queries/scores.ts';
import { forEachDialect } from '../dialects.ts';
import { minutesLater, NOW, PROVINCE, seedProvince, YEAR } from '../fixtures.ts';

describe('provinces and agencies', () => {
  forEachDialect((ctx) => {
    it('maps an agency to camelCase with every field', async () => {
      const db = await ctx.open();
      await seedProvince(db);
      expect(await findAgencyById(db, 'pt-klong-luang')).toEqual({
        id: 'pt-klong-luang',
        provinceId: PROVINCE,
        nameTh: 'ที่ว่าการอำเภอคลองหลวง',
        shortName: null,
        type: 'district',
        district: 'คลองหลวง',
        parentId: 'pt-office',
        itasCode: null,
        assessedUnitId: null,
        createdAt: NOW.toISOString(),
        updatedAt: NOW.toISOString(),
      });
      expect(await findProvinceById(db, PROVINCE)).toMatchObject({
        nameTh: 'ปทุมธานี',
        nameEn: 'Pathum Thani',
      });
      expect((await listProvinces(db)).map((p) => p.id)).toEqual([PROVINCE]);
    });

    it('returns undefined for an unknown agency', async () => {
      const db = await ctx.open();
      await seedProvince(db);
      expect(await findAgencyById(db, 'nope')).toBeUndefined();
    });

    it('updates an agency in place and keeps when it was created', async () => {
      const db = await ctx.open();
      await seedProvince(db);
      const later = minutesLater(5);
      const saved = await upsertAgency(
        db,
        { id: 'pt-pao', provinceId: PROVINCE, nameTh: 'อบจ. ปทุมธานี', type: 'pao', district: 'เมืองปทุมธานี' },
        later,
      );
      expect(saved).toMatchObject({ nameTh: 'อบจ. ปทุมธานี', shortName: null, district: 'เมืองปทุมธานี' });
      expect(saved.createdAt).toBe(NOW.toISOString());
      expect(saved.updatedAt).toBe(later.toISOString());
    });

    it('lists the province by type and district filters', async () => {
      const db = await ctx.open();
      await seedProvince(db);
      expect((await listAgencies(db, PROVINCE)).length).toBe(5);
      const local = await listAgencies(db, PROVINCE, { types: ['sao', 'municipality'] });
      expect(local.map((a) => a.id).sort()).toEqual(['pt-khlong-nueng', 'pt-thanyaburi']);
      const klongLuang = await listAgencies(db, PROVINCE, { districts: ['คลองหลวง'] });
      expect(klongLuang.map((a) => a.id).sort()).toEqual(['pt-khlong-nueng', 'pt-klong-luang']);
      expect(await listAgencies(db, 'other-province')).toEqual([]);
    });

    it('finds agencies by part of their Thai or short name, treating % literally', async () => {
      const db = await ctx.open();
      await seedProvince(db);
      expect((await searchAgencies(db, PROVINCE, 'คลองหนึ่ง')).map((a) => a.id)).toEqual(['pt-khlong-nueng']);
      expect((await searchAgencies(db, PROVINCE, 'อบจ.')).map((a) => a.id)).toEqual(['pt-pao']);
      expect(await searchAgencies(db, PROVINCE, '%')).toEqual([]);
    });

    it('finds the agency of a bound group, and none for an unbound one', async () => {
      const db = await ctx.open();
      await seedProvince(db);
      await recordGroupJoined(db, 'Cunbound', NOW);
      await db.kysely
        .insertInto('line_groups')
        .values({
          group_id: 'Cbound',
          agency_id: 'pt-pao',
          province_id: PROVINCE,
          kind: 'staff',
          bound_at: NOW.toISOString(),
        })
        .execute();
      expect((await findAgencyByGroupId(db, 'Cbound'))?.id).toBe('pt-pao');
      expect(await findAgencyByGroupId(db, 'Cunbound')).toBeUndefined();
    });

    it('opens fiscal years and changes their framework', async () => {
      const db = await ctx.open();
      await seedProvince(db);
      await upsertFiscalYear(db, { provinceId: PROVINCE, year: 2568, frameworkId: 'fy2567' }, NOW);
      const changed = await upsertFiscalYear(
        db,
        { provinceId: PROVINCE, year: 2568, frameworkId: 'fy2568' },
        minutesLater(1),
      );
      expect(changed).toMatchObject({ year: 2568, frameworkId: 'fy2568', createdAt: NOW.toISOString() });
      expect((await listFiscalYears(db, PROVINCE)).map((y) => y.year)).toEqual([2568, YEAR]);
      expect(await findFiscalYear(db, PROVINCE, 2500)).toBeUndefined();
    });
  });
});

describe('scores', () => {
  forEachDialect((ctx) => {
    it('replaces an agency-year set and keeps exact values', async () => {
      const db = await ctx.open();
      await seedProvince(db);
      const set = { agencyId: 'pt-pao', year: YEAR, source: 'import' as const, sourceBy: 'results.csv' };
      await replaceScores(db, { ...set, scores: [{ level: 'item', code: 'i1', score: 50 }] }, NOW);
      const count = await replaceScores(
        db,
        {
          ...set,
          scores: [
            { level: 'item', code: 'i1', score: 96.24 },
            { level: 'indicator', code: '9', score: 85.33333333333333 },
            { level: 'instrument', code: 'OIT', score: 100 },
          ],
        },
        NOW,
      );
      expect(count).toBe(3);
      const scores = await listScores(db, 'pt-pao', YEAR);
      expect(scores.map((s) => [s.level, s.code, s.score])).toEqual([
        ['indicator', '9', 85.33333333333333],
        ['instrument', 'OIT', 100],
        ['item', 'i1', 96.24],
      ]);
      expect(scores[0]).toEqual({
        agencyId: 'pt-pao',
        year: YEAR,
        level: 'indicator',
        code: '9',
        score: 85.33333333333333,
        source: 'import',
        sourceBy: 'results.csv',
        recordedAt: NOW.toISOString(),
      });
    });

    it('keeps the previous set when the new one has a score out of range', async () => {
      const db = await ctx.open();
      await seedProvince(db);
      const set = { agencyId: 'pt-pao', year: YEAR, source: 'cli' as const };
      await replaceScores(db, { ...set, scores: [{ level: 'item', code: 'i1', score: 90 }] }, NOW);
      const bad = replaceScores(
        db,
        {
          ...set,
          scores: [
            { level: 'item', code: 'i1', score: 91 },
            { level: 'item', code: 'i2', score: 101 },
          ],
        },
        NOW,
      );
      await expect(bad).rejects.toThrow(/CHECK/);
      expect((await listScores(db, 'pt-pao', YEAR)).map((s) => s.score)).toEqual([90]);
    });

    it('stores several agencies in one batch, or none when one set is bad', async () => {
      const db = await ctx.open();
      await seedProvince(db);
      const other = (await listAgencies(db, PROVINCE)).find((a) => a.id !== 'pt-pao');
      if (other === undefined) throw new Error('the seeded province needs a second agency');
      const set = (agencyId: string, score: number) => ({
        agencyId,
        year: YEAR,
        source: 'liff' as const,
        scores: [{ level: 'item' as const, code: 'i1', score }],
      });
      await expect(replaceScoreSets(db, [set('pt-pao', 80), set(other.id, 101)], NOW)).rejects.toThrow(
        /CHECK/,
      );
      expect(await listScores(db, 'pt-pao', YEAR)).toEqual([]);
      expect(await replaceScoreSets(db, [set('pt-pao', 80), set(other.id, 70)], NOW)).toBe(2);
      expect((await listScores(db, other.id, YEAR)).map((s) => s.score)).toEqual([70]);
    });

    it('stores a full item set in one call (more rows than D1 binds parameters)', async () => {
      const db = await ctx.open();
      await seedProvince(db);
      const items = Array.from({ length: 120 }, (_, i) => ({
        level: 'item' as const,
        code: `o${i + 1}`,
        score: i % 101,
      }));
      await replaceScores(db, { agencyId: 'pt-office', year: YEAR, source: 'demo', scores: items }, NOW);
      expect(await listScores(db, 'pt-office', YEAR)).toHaveLength(120);
    });

    it('lists a province-year across agencies and the years an agency has', async () => {
      const db = await ctx.open();
      await seedProvince(db);
      const one = [{ level: 'total' as const, code: 'total', score: 88.5 }];
      await replaceScores(db, { agencyId: 'pt-pao', year: YEAR, source: 'demo', scores: one }, NOW);
      await replaceScores(db, { agencyId: 'pt-office', year: YEAR, source: 'demo', scores: one }, NOW);
      await replaceScores(db, { agencyId: 'pt-pao', year: 2566, source: 'demo', scores: one }, NOW);
      const province = await listProvinceScores(db, PROVINCE, YEAR);
      expect(province.map((s) => s.agencyId)).toEqual(['pt-office', 'pt-pao']);
      expect(await listScoreYears(db, 'pt-pao')).toEqual([2566, YEAR]);
      expect(await listScores(db, 'pt-thanyaburi', YEAR)).toEqual([]);
    });

    it('lists the province years on record that hold scores, newest first, once each', async () => {
      const db = await ctx.open();
      await seedProvince(db);
      const one = [{ level: 'total' as const, code: 'total', score: 88.5 }];
      expect(await listProvinceScoreYears(db, PROVINCE)).toEqual([]);
      await replaceScores(db, { agencyId: 'pt-pao', year: YEAR, source: 'demo', scores: one }, NOW);
      await replaceScores(db, { agencyId: 'pt-office', year: YEAR, source: 'demo', scores: one }, NOW);
      // 2566 has scores but no fiscal year on record for the province: not listed until it has one.
      await replaceScores(db, { agencyId: 'pt-pao', year: 2566, source: 'demo', scores: one }, NOW);
      expect(await listProvinceScoreYears(db, PROVINCE)).toEqual([YEAR]);
      await upsertFiscalYear(db, { provinceId: PROVINCE, year: 2566, frameworkId: 'fy2566' }, NOW);
      expect(await listProvinceScoreYears(db, PROVINCE)).toEqual([YEAR, 2566]);
      expect(await listProvinceScoreYears(db, 'other-province')).toEqual([]);
      // The overview's default year weighs how many agencies each year covers, each agency once.
      const two = [...one, { level: 'instrument' as const, code: 'OIT', score: 90 }];
      await replaceScores(db, { agencyId: 'pt-office', year: 2566, source: 'demo', scores: two }, NOW);
      expect(await countScoredAgenciesByYear(db, PROVINCE)).toEqual([
        { year: YEAR, agencies: 2 },
        { year: 2566, agencies: 2 },
      ]);
    });
  });
});
