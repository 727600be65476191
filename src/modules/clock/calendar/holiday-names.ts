/**
 * English names of the public holidays as the State Council's notices (and the chinese-days data)
 * name them. The calendar stores the Chinese name only; an English page or explanation shows this.
 * A name an administrator typed that is not known here, or a part of it, is kept as typed.
 */
const EN: Record<string, string> = {
  元旦: "New Year's Day",
  春节: 'Spring Festival',
  清明: 'Qingming Festival',
  清明节: 'Qingming Festival',
  劳动节: 'Labour Day',
  五一: 'Labour Day',
  端午: 'Dragon Boat Festival',
  端午节: 'Dragon Boat Festival',
  中秋: 'Mid-Autumn Festival',
  中秋节: 'Mid-Autumn Festival',
  国庆: 'National Day',
  国庆节: 'National Day',
  中国人民抗日战争暨世界反法西斯战争胜利70周年纪念日: 'Victory Day (70th anniversary)',
};

/** "国庆节" → "National Day"; "国庆节、中秋节" → "National Day and Mid-Autumn Festival". */
export function holidayNameEn(name: string): string {
  const whole = EN[name.trim()];
  if (whole) return whole;
  const parts = name
    .split(/[、,，/和及]/)
    .map((p) => p.trim())
    .filter(Boolean);
  if (parts.length < 2) return name;
  const en = parts.map((p) => EN[p] ?? p);
  return en.length === 2 ? en.join(' and ') : `${en.slice(0, -1).join(', ')} and ${en.at(-1)}`;
}

/** The calendar's data sources by their id, for people: the bundled open data set has a name. */
export function calendarSourceLabel(source: string, lang: 'zh' | 'en'): string {
  if (source === 'chinese-days')
    return lang === 'en'
      ? 'the chinese-days open data set (State Council notices)'
      : 'chinese-days 开源数据（国务院办公厅通知）';
  return source;
}
