import { describe, it, expect } from 'vitest';
import { importParks, importSpaces } from '../../server/io/park-sheet.js';
import { parkRow, spaceRow, PARK_EXPORT_HEADER, SPACE_EXPORT_HEADER } from '../../server/io/park-store.js';
import { parseCsvText } from '../../server/io/csv.js';
import { toCsv } from '../../server/io/export.js';
import type { Table } from '../../server/io/table.js';
import { demoSeed } from '../helpers/app.js';
import { LIMITS } from './helpers.js';

const seed = demoSeed();
const parks = new Map(seed.parks.map((p) => [p.id, p]));
const spaces = new Map(seed.spaces.map((s) => [s.id, s]));
const industries = new Set(seed.positionings.map((p) => p.name));
const parkRefs = { ids: new Set(parks.keys()), byName: new Map(seed.parks.map((p) => [p.name, p.id])) };
const table = async (csv: string): Promise<Table> => ({
  format: 'csv',
  encoding: 'utf-8',
  rows: await parseCsvText(csv.replace(/^\uFEFF/, ''), LIMITS),
});

describe('park import', () => {
  it('an export imports back unchanged', async () => {
    const r = importParks(await table(toCsv(PARK_EXPORT_HEADER, seed.parks.map(parkRow))), LIMITS, parks, industries, '测试');
    expect(r.errors).toEqual([]);
    expect(r.records).toHaveLength(seed.parks.length);
    for (const { record } of r.records) expect(record).toEqual(parks.get(record.id));
  });
  it('updates only the cells given, creates new parks, and reports bad rows by row and column', async () => {
    const id = seed.parks[0]!.id;
    const csv = [
      '园区编号,园区名称,城市,区县,镇街,载体类型,所属计划,环境类别,主导产业,主导产业占比目标',
      `${id},,,,,,,,医疗器械,80%`,
      'new-park-1,新园区,嘉兴市,南湖区,东栅街道,产业园,都市型工业,环境友好,智能物联,',
      'new-park-2,另一个,嘉兴市,南湖区,东栅街道,飞船基地,都市型工业,环境友好,,',
      'Bad Id,名称,嘉兴市,南湖区,东栅街道,产业园,都市型工业,环境友好,不存在的产业,',
      `${id},重复,,,,,,,,`,
    ].join('\n');
    const r = importParks(await table(csv), LIMITS, parks, industries, '测试导入');
    expect(r.records.map((x) => [x.rowNo, x.record.id, x.created])).toEqual([
      [1, id, false],
      [2, 'new-park-1', true],
    ]);
    const updated = r.records[0]!.record;
    expect(updated).toEqual({ ...parks.get(id), leadingIndustries: ['医疗器械'], leadingShareTarget: 0.8 });
    expect(r.records[1]!.record).toMatchObject({
      source: '测试导入',
      envClass: 'clean',
      leadingIndustries: ['智能物联'],
      supportingIndustries: [],
    });
    expect(r.errors.map((e) => [e.row, e.field])).toEqual([
      [3, 'kind'],
      [4, 'leadingIndustries'],
      [5, 'id'],
    ]);
    expect(r.errors[0]!.message).toMatch(/^第 4 行「载体类型」载体类型应为/); // Excel's row: the header is row 1
    expect(r.errors[1]!.message).toContain('「不存在的产业」不在产业目录中');
    expect(r.errors[2]!.message).toContain('与第 2 行重复');
  });
  it('names the schema problem in Chinese', async () => {
    const r = importParks(
      await table('园区编号,园区名称,城市,区县,镇街,载体类型,所属计划,环境类别\nBAD ID,x,嘉兴市,南湖区,东栅,产业园,都市型工业,综合\n'),
      LIMITS,
      parks,
      industries,
      't',
    );
    expect(r.errors.map((e) => e.message)).toEqual([
      '第 2 行「园区编号」格式不正确（编号只能用小写字母、数字和连字符）',
      '第 2 行「园区名称」至少 2 个字符',
    ]);
  });
});

describe('space import', () => {
  it('an export imports back unchanged', async () => {
    const names = new Map(seed.parks.map((p) => [p.id, p.name]));
    const r = importSpaces(
      await table(
        toCsv(
          SPACE_EXPORT_HEADER,
          seed.spaces.map((s) => spaceRow(s, names.get(s.parkId))),
        ),
      ),
      LIMITS,
      spaces,
      parkRefs,
      't',
    );
    expect(r.errors).toEqual([]);
    for (const { record } of r.records) expect(record).toEqual(spaces.get(record.id));
  });
  it('keeps vacancy current: status and area change, new units by park name, bad rows named', async () => {
    const s0 = seed.spaces[0]!;
    const csv = [
      '空间编号,园区编号,园区名称,楼栋,楼层,面积(平方米),空间类型,状态,可用日期',
      `${s0.id},,,,,,,已租,`,
      `new-unit-1,,${seed.parks[1]!.name},9号楼,2,1200,研发,空置,2026/1/5`,
      'new-unit-2,no-such-park,,1号楼,1,100,厂房,空置,',
      'new-unit-3,' + seed.parks[1]!.id + ',,1号楼,1,-5,厂房,空置,',
      'new-unit-4,' + seed.parks[1]!.id + ',,1号楼,1,100,厂房,出租中,',
    ].join('\n');
    const r = importSpaces(await table(csv), LIMITS, spaces, parkRefs, 't');
    expect(r.records[0]!.record).toEqual({ ...s0, status: 'occupied' });
    expect(r.records[1]!.record).toMatchObject({
      id: 'new-unit-1',
      parkId: seed.parks[1]!.id,
      kind: 'rnd',
      areaM2: 1200,
      availableFrom: '2026-01-05',
      status: 'vacant',
      source: 't',
    });
    expect(r.errors.map((e) => [e.row, e.field])).toEqual([
      [3, 'parkId'],
      [4, 'areaM2'],
      [5, 'status'],
    ]);
  });
});
