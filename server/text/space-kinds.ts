/** The kinds of space a unit can be and a lead can ask for, and their Chinese labels (one copy for the server). */

export const SPACE_KINDS = ['factory', 'rnd', 'office', 'land'] as const;
export type SpaceKind = (typeof SPACE_KINDS)[number];

/** Full labels: reasons, routing explanations, exports. */
export const SPACE_KIND_LABEL: Readonly<Record<SpaceKind, string>> = {
  factory: '厂房',
  rnd: '研发楼',
  office: '办公楼宇',
  land: '工业用地',
};

/** Short labels inside a sentence (“可出让用地…”, “空置厂房…”). */
export const SPACE_KIND_SHORT: Readonly<Record<SpaceKind, string>> = { factory: '厂房', rnd: '研发楼', office: '办公', land: '用地' };
