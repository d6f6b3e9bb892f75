/**
 * Park and space spreadsheets: the columns park operators use (the same Chinese names the export
 * writes, so an exported file imports back unchanged).
 */
import { PARK_KINDS, PARK_PROGRAMS, type EnvClass } from '../domain/park.schema.js';
import type { SpaceKind } from '../domain/space.schema.js';
import type { ColumnSpec } from './headers.js';

export type ParkField =
  | 'id'
  | 'name'
  | 'aliases'
  | 'city'
  | 'district'
  | 'town'
  | 'kind'
  | 'program'
  | 'batch'
  | 'seq'
  | 'landAreaMu'
  | 'landUse'
  | 'startTime'
  | 'positioning'
  | 'leadingIndustries'
  | 'supportingIndustries'
  | 'developer'
  | 'plotRatioMin'
  | 'envClass'
  | 'leadingShareTarget'
  | 'leadingShareCurrent'
  | 'investmentIntensityWanPerMu'
  | 'outputPerMuWan'
  | 'taxPerMuWan'
  | 'standardsSource'
  | 'description'
  | 'source';

export type SpaceField =
  | 'id'
  | 'parkId'
  | 'parkName'
  | 'building'
  | 'floor'
  | 'areaM2'
  | 'landMu'
  | 'clearHeightM'
  | 'floorLoadKnM2'
  | 'kind'
  | 'status'
  | 'availableFrom'
  | 'rentYuanPerM2Day'
  | 'source';

const same = <T extends string>(xs: readonly T[]): Record<string, T> => Object.fromEntries(xs.map((x) => [x, x]));

export const ENV_CLASS_LABEL: Record<EnvClass, string> = { clean: '环境友好', light: '一般工业', general: '综合' };
const ENV_WORDS: Record<string, EnvClass> = {
  环境友好: 'clean',
  环境友好型: 'clean',
  低污染: 'clean',
  清洁: 'clean',
  clean: 'clean',
  一般工业: 'light',
  一般: 'light',
  轻污染: 'light',
  light: 'light',
  综合: 'general',
  综合型: 'general',
  产业基地: 'general',
  general: 'general',
};

export const SPACE_KIND_LABEL: Record<SpaceKind, string> = { factory: '厂房', rnd: '研发', office: '办公', land: '用地' };
const SPACE_KIND_WORDS: Record<string, SpaceKind> = {
  厂房: 'factory',
  标准厂房: 'factory',
  工业厂房: 'factory',
  factory: 'factory',
  研发: 'rnd',
  研发楼: 'rnd',
  研发用房: 'rnd',
  rnd: 'rnd',
  办公: 'office',
  写字楼: 'office',
  楼宇: 'office',
  office: 'office',
  用地: 'land',
  土地: 'land',
  地块: 'land',
  land: 'land',
};
export const SPACE_STATUS_LABEL = { vacant: '空置', reserved: '预留', occupied: '已租' } as const;
const STATUS_WORDS: Record<string, keyof typeof SPACE_STATUS_LABEL> = {
  空置: 'vacant',
  可租: 'vacant',
  可售: 'vacant',
  待租: 'vacant',
  招商中: 'vacant',
  vacant: 'vacant',
  预留: 'reserved',
  意向: 'reserved',
  洽谈中: 'reserved',
  reserved: 'reserved',
  已租: 'occupied',
  已售: 'occupied',
  已入驻: 'occupied',
  在用: 'occupied',
  occupied: 'occupied',
};

export const PARK_COLUMNS: readonly ColumnSpec<ParkField>[] = [
  { field: 'id', label: '园区编号', aliases: ['编号', '园区id', '载体编号'], kind: 'text' },
  { field: 'name', label: '园区名称', aliases: ['名称', '载体名称', '园区'], kind: 'text' },
  { field: 'aliases', label: '简称', aliases: ['别名', '简称别名'], kind: 'list' },
  { field: 'city', label: '城市', aliases: ['所在城市', '市'], kind: 'text' },
  { field: 'district', label: '区县', aliases: ['所在区', '所属区县', '区'], kind: 'text' },
  { field: 'town', label: '镇街', aliases: ['街道', '所在镇街', '所在街道', '镇'], kind: 'text' },
  { field: 'kind', label: '载体类型', aliases: ['类别', '园区类型', '类型'], kind: 'enum', words: same(PARK_KINDS) },
  { field: 'program', label: '所属计划', aliases: ['计划', '项目类别'], kind: 'enum', words: same(PARK_PROGRAMS) },
  { field: 'batch', label: '批次', aliases: ['启动批次'], kind: 'text' },
  { field: 'seq', label: '序号', aliases: [], kind: 'integer', dim: 'plain' },
  { field: 'landAreaMu', label: '用地面积(亩)', aliases: ['用地面积', '工业用地面积', '占地面积'], kind: 'number', dim: 'land' },
  { field: 'landUse', label: '土地性质', aliases: ['用地性质'], kind: 'text' },
  { field: 'startTime', label: '开工时间', aliases: [], kind: 'text' },
  { field: 'positioning', label: '主要产业定位', aliases: ['产业定位'], kind: 'text' },
  { field: 'leadingIndustries', label: '主导产业', aliases: [], kind: 'list' },
  { field: 'supportingIndustries', label: '配套产业', aliases: ['关联产业'], kind: 'list' },
  { field: 'developer', label: '开发主体', aliases: ['开发单位', '运营主体'], kind: 'text' },
  { field: 'plotRatioMin', label: '容积率下限', aliases: ['最低容积率', '容积率'], kind: 'number', dim: 'plain' },
  { field: 'envClass', label: '环境类别', aliases: ['环保类别', '环境准入类别'], kind: 'enum', words: ENV_WORDS },
  { field: 'leadingShareTarget', label: '主导产业占比目标', aliases: ['占比目标'], kind: 'number', dim: 'ratio' },
  { field: 'leadingShareCurrent', label: '主导产业当前占比', aliases: ['当前占比'], kind: 'number', dim: 'ratio' },
  {
    field: 'investmentIntensityWanPerMu',
    label: '投资强度标准(万元/亩)',
    aliases: ['投资强度标准', '投资强度'],
    kind: 'number',
    dim: 'plain',
  },
  { field: 'outputPerMuWan', label: '亩均产出标准(万元/亩)', aliases: ['亩均产出标准', '亩均产出'], kind: 'number', dim: 'plain' },
  { field: 'taxPerMuWan', label: '亩均税收标准(万元/亩)', aliases: ['亩均税收标准', '亩均税收'], kind: 'number', dim: 'plain' },
  { field: 'standardsSource', label: '标准依据', aliases: ['标准出处'], kind: 'text' },
  { field: 'description', label: '园区简介', aliases: ['简介', '描述'], kind: 'text' },
  { field: 'source', label: '数据来源', aliases: ['来源', '出处'], kind: 'text' },
];

export const SPACE_COLUMNS: readonly ColumnSpec<SpaceField>[] = [
  { field: 'id', label: '空间编号', aliases: ['编号', '单元编号', '空间id'], kind: 'text' },
  { field: 'parkId', label: '园区编号', aliases: ['园区id', 'park'], kind: 'text' },
  { field: 'parkName', label: '园区名称', aliases: ['园区', '载体名称'], kind: 'text' },
  { field: 'building', label: '楼栋', aliases: ['楼号', '楼宇', '建筑', '地块名称'], kind: 'text' },
  { field: 'floor', label: '楼层', aliases: ['层', '所在楼层'], kind: 'integer', dim: 'plain' },
  { field: 'areaM2', label: '面积(平方米)', aliases: ['建筑面积', '可用面积', '面积', 'area'], kind: 'number', dim: 'area' },
  { field: 'landMu', label: '用地(亩)', aliases: ['用地', '地块面积', '用地面积'], kind: 'number', dim: 'land' },
  { field: 'clearHeightM', label: '层高(米)', aliases: ['层高', '净高'], kind: 'number', dim: 'length' },
  { field: 'floorLoadKnM2', label: '荷载(kN/㎡)', aliases: ['荷载', '楼面荷载', '承重'], kind: 'number', dim: 'load' },
  { field: 'kind', label: '空间类型', aliases: ['类型', '用途'], kind: 'enum', words: SPACE_KIND_WORDS },
  { field: 'status', label: '状态', aliases: ['招商状态', '租赁状态'], kind: 'enum', words: STATUS_WORDS },
  { field: 'availableFrom', label: '可用日期', aliases: ['可入驻时间', '交付时间', '可用时间'], kind: 'date' },
  { field: 'rentYuanPerM2Day', label: '租金(元/㎡·天)', aliases: ['租金'], kind: 'number', dim: 'rent' },
  { field: 'source', label: '数据来源', aliases: ['来源', '出处'], kind: 'text' },
];
