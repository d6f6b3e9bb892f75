import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { demoSeed } from '../helpers/app.js';
import { compileKnowledge, HOT } from '../../server/domain/knowledge.js';
import { matchLead } from '../../server/domain/match.js';
import { setParkVacancy } from '../../server/domain/vacancy.js';
import type { SpaceSeed } from '../../server/domain/space.schema.js';
import type { Lead } from '../../server/domain/lead.schema.js';

const seed = demoSeed();
const parksWithUnits = [...new Set(seed.spaces.map((s) => s.parkId))];
const LEADS: Lead[] = [
  { summary: '医疗器械研发生产，需要标准厂房', floorAreaM2: 3000 },
  { summary: '新材料项目，拿地自建', landMu: 20 },
  { summary: '智能装备整机装配，需要一楼厂房，层高8米', floorAreaM2: 1500, groundFloorOnly: true },
  { summary: '软件研发团队，需要研发办公', floorAreaM2: 600 },
];
const STATUSES: SpaceSeed['status'][] = ['vacant', 'reserved', 'occupied'];
const view = (o: ReturnType<typeof matchLead>) =>
  o.results.map((r) => ({ id: r.park.park.id, score: r.score, spaces: r.spaces.map((s) => s.space.id), excluded: r.excluded }));

describe('vacancy as state: a park rewritten in place scores as if the knowledge were rebuilt', () => {
  it('any change of unit statuses, applied in place, gives the same ranking as a fresh compile', () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ space: fc.integer({ min: 0, max: seed.spaces.length - 1 }), status: fc.constantFrom(...STATUSES) }), {
          minLength: 1,
          maxLength: 12,
        }),
        (flips) => {
          const k = compileKnowledge(seed);
          const spaces = seed.spaces.map((s) => ({ ...s }));
          for (const f of flips) spaces[f.space]!.status = f.status;
          for (const parkId of new Set(flips.map((f) => spaces[f.space]!.parkId)))
            expect(
              setParkVacancy(
                k,
                parkId,
                spaces.filter((s) => s.parkId === parkId),
              ),
            ).toBe(true);
          const fresh = compileKnowledge({ ...seed, spaces });
          expect(k.hot).toEqual(fresh.hot);
          for (const lead of LEADS) expect(view(matchLead(lead, k, { limit: 200 }))).toEqual(view(matchLead(lead, fresh, { limit: 200 })));
        },
      ),
      { numRuns: 25 },
    );
  });

  it('a park whose every unit is taken offers none, and its units come back when given back', () => {
    const k = compileKnowledge(seed);
    const parkId = parksWithUnits[0]!;
    const cp = k.parkById.get(parkId)!;
    const mine = seed.spaces.filter((s) => s.parkId === parkId);
    expect(cp.spaces.length).toBeGreaterThan(0);
    setParkVacancy(
      k,
      parkId,
      mine.map((s) => ({ ...s, status: 'reserved' })),
    );
    expect(cp.spaces).toEqual([]);
    expect(k.hot[cp.idx * HOT.stride + HOT.spaces]).toBe(0);
    setParkVacancy(k, parkId, mine);
    expect(cp.spaces.map((s) => s.id).sort()).toEqual(
      mine
        .filter((s) => s.status === 'vacant')
        .map((s) => s.id)
        .sort(),
    );
  });

  it('a park with more vacant units than the knowledge has rows for asks for a rebuild (false), unknown parks too', () => {
    const k = compileKnowledge(seed);
    const parkId = parksWithUnits[0]!;
    const mine = seed.spaces.filter((s) => s.parkId === parkId);
    const extra = { ...mine[0]!, id: 'new-unit', status: 'vacant' as const };
    expect(setParkVacancy(k, parkId, [...mine.map((s) => ({ ...s, status: 'vacant' as const })), extra])).toBe(false);
    expect(setParkVacancy(k, 'no-such-park', [])).toBe(false);
  });
});
