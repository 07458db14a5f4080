// Survey links, respondent reports and short-link clicks, on both dialects.
import { describe, expect, it } from 'vitest';
import { countClicksByChannel, recordClick } from '../../../db/queries/link-clicks.ts';
import {
  findSurveyLink,
  findSurveyLinkByCode,
  listSurveyLinks,
  upsertSurveyLink,
} from '../../../db/queries/survey-links.ts';
import { listSurveyReports, reportSurveyCount } from '../../../db/queries/survey-reports.ts';
import { forEachDialect } from '../dialects.ts';
import { minutesLater, NOW, PROVINCE, seedProvince, YEAR } from '../fixtures.ts';

const EIT = { agencyId: 'pt-pao', year: YEAR, instrument: 'EIT' as const };

describe('survey links', () => {
  forEachDialect((ctx) => {
    it('creates a link and maps it to camelCase', async () => {
      const db = await ctx.open();
      await seedProvince(db);
      const link = await upsertSurveyLink(
        db,
        {
          ...EIT,
          code: 'K7QM2X',
          url: 'https://itas.nacc.go.th/go/eit/abc',
          population: 1200,
          target: 120,
          updatedBy: 'Ucoord',
        },
        NOW,
      );
      expect(link).toEqual({
        ...EIT,
        code: 'K7QM2X',
        url: 'https://itas.nacc.go.th/go/eit/abc',
        population: 1200,
        target: 120,
        targetSource: 'auto',
        reportedCount: null,
        reportedAt: null,
        reportedBy: null,
        clicks: 0,
        updatedBy: 'Ucoord',
        updatedAt: NOW.toISOString(),
      });
    });

    it('keeps the first short code and unchanged fields on a later upsert', async () => {
      const db = await ctx.open();
      await seedProvince(db);
      await upsertSurveyLink(
        db,
        { ...EIT, code: 'FIRST1', url: 'https://itas.example/a', target: 100, updatedBy: null },
        NOW,
      );
      const later = await upsertSurveyLink(
        db,
        { ...EIT, code: 'OTHER2', target: 150, targetSource: 'manual', updatedBy: 'U' },
        minutesLater(1),
      );
      expect(later).toMatchObject({
        code: 'FIRST1',
        url: 'https://itas.example/a',
        target: 150,
        targetSource: 'manual',
      });
      expect(await findSurveyLinkByCode(db, 'OTHER2')).toBeUndefined();
      expect((await findSurveyLinkByCode(db, 'FIRST1'))?.agencyId).toBe('pt-pao');
    });

    it('refuses a short code another link already uses', async () => {
      const db = await ctx.open();
      await seedProvince(db);
      await upsertSurveyLink(db, { ...EIT, code: 'SAME01', updatedBy: null }, NOW);
      const clash = upsertSurveyLink(db, { ...EIT, instrument: 'IIT', code: 'SAME01', updatedBy: null }, NOW);
      await expect(clash).rejects.toThrow(/UNIQUE/);
    });

    it('reports a count with its history, and nothing for a link that does not exist', async () => {
      const db = await ctx.open();
      await seedProvince(db);
      await upsertSurveyLink(db, { ...EIT, code: 'REP001', target: 120, updatedBy: null }, NOW);
      await reportSurveyCount(db, { ...EIT, count: 45, by: 'Ustaff' }, NOW);
      const link = await reportSurveyCount(db, { ...EIT, count: 80, by: 'Ustaff' }, minutesLater(60));
      expect(link).toMatchObject({
        reportedCount: 80,
        reportedBy: 'Ustaff',
        reportedAt: minutesLater(60).toISOString(),
      });
      expect(await listSurveyReports(db, 'pt-pao', YEAR, 'EIT')).toEqual([
        { count: 45, reportedBy: 'Ustaff', reportedAt: NOW.toISOString() },
        { count: 80, reportedBy: 'Ustaff', reportedAt: minutesLater(60).toISOString() },
      ]);
      expect(
        await reportSurveyCount(db, { ...EIT, instrument: 'IIT', count: 3, by: null }, NOW),
      ).toBeUndefined();
      expect(await listSurveyReports(db, 'pt-pao', YEAR, 'IIT')).toEqual([]);
    });

    it('counts clicks per channel and ignores unknown codes', async () => {
      const db = await ctx.open();
      await seedProvince(db);
      await upsertSurveyLink(db, { ...EIT, code: 'CLICK1', updatedBy: null }, NOW);
      expect(await recordClick(db, 'CLICK1', 'qr', NOW)).toBe(true);
      await recordClick(db, 'CLICK1', 'qr', minutesLater(1));
      await recordClick(db, 'CLICK1', 'group', minutesLater(90));
      expect(await recordClick(db, 'NOSUCH', 'qr', NOW)).toBe(false);
      expect(await countClicksByChannel(db, 'CLICK1')).toEqual({ qr: 2, group: 1 });
      expect((await findSurveyLink(db, 'pt-pao', YEAR, 'EIT'))?.clicks).toBe(3);
    });

    it('lists the province links for a year with their clicks', async () => {
      const db = await ctx.open();
      await seedProvince(db);
      await upsertSurveyLink(db, { ...EIT, code: 'L1', updatedBy: null }, NOW);
      await upsertSurveyLink(db, { ...EIT, instrument: 'IIT', code: 'L2', updatedBy: null }, NOW);
      await upsertSurveyLink(db, { ...EIT, agencyId: 'pt-office', code: 'L3', updatedBy: null }, NOW);
      await upsertSurveyLink(db, { ...EIT, year: 2568, code: 'L4', updatedBy: null }, NOW);
      await recordClick(db, 'L1', 'chat', NOW);
      const links = await listSurveyLinks(db, PROVINCE, YEAR);
      expect(links.map((l) => [l.agencyId, l.instrument, l.clicks])).toEqual([
        ['pt-office', 'EIT', 0],
        ['pt-pao', 'EIT', 1],
        ['pt-pao', 'IIT', 0],
      ]);
    });
  });
});
