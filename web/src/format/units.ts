// A fee rule's unit is typed by the price office in Chinese (平方米, 件, 台); an English page shows the
// usual English word for the common ones and leaves any other as typed.
const EN: Record<string, string> = {
  平方米: 'm²',
  立方米: 'm³',
  米: 'm',
  公里: 'km',
  千米: 'km',
  亩: 'mu',
  公顷: 'ha',
  吨: 'tonne',
  千克: 'kg',
  公斤: 'kg',
  件: 'item',
  项: 'item',
  个: 'unit',
  台: 'machine',
  辆: 'vehicle',
  套: 'set',
  间: 'room',
  户: 'household',
  人: 'person',
  人次: 'person-visit',
  次: 'time',
  份: 'copy',
  本: 'copy',
  页: 'page',
  张: 'sheet',
  宗: 'parcel',
  批: 'batch',
  证: 'certificate',
  小时: 'hour',
  天: 'day',
  日: 'day',
  月: 'month',
  年: 'year',
};

/** "平方米" → "m²" in English; the unit as typed in Chinese, or when it is not a common one. */
export function unitLabel(unit: string, lang: string): string {
  if (lang !== 'en') return unit;
  return EN[unit.trim()] ?? unit;
}
