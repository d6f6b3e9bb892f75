/** opencc-js's dictionary modules (dist/esm-lib/dict/*.js): each exports its table as one string, `from to|from to|…`. */
declare module 'opencc-js/dict/*' {
  const table: string;
  export default table;
}
