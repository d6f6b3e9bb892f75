/**
 * The lead spreadsheet's columns: Lead field names and the Chinese names staff use, with variants.
 * The first label of each column is what the template and the README show.
 */
import type { Lead } from '../domain/lead.schema.js';
import type { ColumnSpec } from './headers.js';

export type LeadColumnField = Exclude<keyof Lead, 'pollution' | 'chain' | 'districts' | 'excludedDistricts'>;

const SPACE_TYPE: Record<string, NonNullable<Lead['spaceType']>> = {
  厂房: 'factory',
  标准厂房: 'factory',
  工业厂房: 'factory',
  生产用房: 'factory',
  factory: 'factory',
  研发: 'rnd',
  研发楼: 'rnd',
  研发用房: 'rnd',
  研发办公: 'rnd',
  科研: 'rnd',
  rnd: 'rnd',
  办公: 'office',
  写字楼: 'office',
  楼宇: 'office',
  办公楼: 'office',
  office: 'office',
  用地: 'land',
  土地: 'land',
  地块: 'land',
  工业用地: 'land',
  land: 'land',
};

export const LEAD_COLUMNS: readonly ColumnSpec<LeadColumnField>[] = [
  { field: 'name', label: '项目名称', aliases: ['项目名', '项目', '项目全称'], kind: 'text' },
  {
    field: 'company',
    label: '企业名称',
    aliases: ['公司名称', '企业', '公司', '投资方', '投资主体', '客户名称', '项目单位', '申报单位'],
    kind: 'text',
  },
  {
    field: 'summary',
    label: '项目简介',
    aliases: ['项目概况', '项目内容', '建设内容', '项目描述', '项目情况', '简介', '概况', '描述', '主要产品', 'description'],
    kind: 'text',
  },
  {
    field: 'industries',
    label: '所属行业',
    aliases: ['行业', '产业', '所属产业', '行业类别', '产业类别', '产业方向', '行业分类', '产业领域', '产业类型', 'industry'],
    kind: 'list',
  },
  {
    field: 'investmentWan',
    label: '总投资(万元)',
    aliases: ['总投资', '投资额', '投资总额', '计划总投资', '总投资额', '拟投资额', '投资规模', '计划投资', 'investment'],
    kind: 'number',
    dim: 'money',
  },
  {
    field: 'floorAreaM2',
    label: '面积需求(平方米)',
    aliases: [
      '面积需求',
      '需求面积',
      '用房需求',
      '用房面积',
      '厂房面积',
      '厂房需求',
      '建筑面积',
      '需求建筑面积',
      '租赁面积',
      '场地面积',
      '场地需求',
      '面积',
      'floorArea',
      'area',
    ],
    kind: 'number',
    dim: 'area',
  },
  {
    field: 'landMu',
    label: '用地需求(亩)',
    aliases: ['用地需求', '用地面积', '需求用地', '土地需求', '用地', '拟用地', '供地需求', 'land'],
    kind: 'number',
    dim: 'land',
  },
  {
    field: 'annualOutputWan',
    label: '年产值(万元)',
    aliases: ['年产值', '预计年产值', '达产产值', '达产后年产值', '年销售收入', '年营业收入', '年营收', '产值', 'annualOutput'],
    kind: 'number',
    dim: 'money',
  },
  {
    field: 'annualTaxWan',
    label: '年税收(万元)',
    aliases: ['年税收', '预计年税收', '达产税收', '达产后年税收', '年纳税', '年缴税', '税收', 'annualTax'],
    kind: 'number',
    dim: 'money',
  },
  {
    field: 'sourceTown',
    label: '报送镇街',
    aliases: ['报送镇', '报送街道', '报送单位', '首谈镇街', '首谈地', '镇街', '所属镇街', '来源镇街', '报送地'],
    kind: 'text',
  },
  { field: 'spaceType', label: '空间类型', aliases: ['载体类型', '需求类型', '用房类型', '空间需求类型'], kind: 'enum', words: SPACE_TYPE },
  {
    field: 'minClearHeightM',
    label: '层高要求(米)',
    aliases: ['层高要求', '层高', '净高', '净高要求', 'clearHeight'],
    kind: 'number',
    dim: 'length',
  },
  {
    field: 'minFloorLoadKnM2',
    label: '荷载要求(kN/㎡)',
    aliases: ['荷载要求', '荷载', '楼面荷载', '承重', '承重要求', 'floorLoad'],
    kind: 'number',
    dim: 'load',
  },
  { field: 'groundFloorOnly', label: '仅限一楼', aliases: ['需要一楼', '要求一楼', '只要一楼', '首层', '一楼'], kind: 'bool' },
  { field: 'employees', label: '用工人数', aliases: ['员工人数', '就业人数', '职工人数', '用工', '人数'], kind: 'integer', dim: 'count' },
  { field: 'energyTce', label: '年综合能耗(吨标煤)', aliases: ['年综合能耗', '综合能耗', '年能耗', '能耗'], kind: 'number', dim: 'energy' },
  { field: 'preferredDistricts', label: '意向区域', aliases: ['意向区县', '意向落地区域', '意向区', '意向地区'], kind: 'list' },
];

/** The columns the template carries, in order (the API.md minimum first). */
export const TEMPLATE_FIELDS: readonly LeadColumnField[] = [
  'name',
  'company',
  'summary',
  'industries',
  'investmentWan',
  'floorAreaM2',
  'landMu',
  'annualOutputWan',
  'annualTaxWan',
  'sourceTown',
];

export const TEMPLATE_EXAMPLES: readonly (string | number | null)[][] = [
  [
    '内窥镜研发生产项目',
    '某某医疗科技有限公司',
    '研发生产医用内窥镜，需要标准厂房，一楼',
    '医疗器械',
    6000,
    3000,
    null,
    15000,
    600,
    '南湖街道',
  ],
  ['精密零部件项目', '某某精密制造有限公司', '精密零部件加工，不涉及铸造和电镀', '智能装备', 12000, null, 30, 40000, 1800, '新塍镇'],
];

/** A header row that can feed leads: it needs a summary or an industry column. */
export const acceptsLeadHeader = (fields: Set<LeadColumnField>): boolean => fields.has('summary') || fields.has('industries');
