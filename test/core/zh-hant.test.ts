import { describe, expect, it } from 'vitest';
import { traditionalTable } from '../../src/build/zh-hant-plugin';
import { localizer } from '../../src/i18n/localizer.ts';

describe('the Traditional table made by OpenCC at build time', () => {
  const table = traditionalTable(['public/data/atlas.json', 'geo/china.topo.json']);

  it('covers the dataset names and the messages, converted by script', () => {
    expect(table['乌克兰']).toBe('烏克蘭');
    expect(table['东盟']).toBe('東盟');
    expect(table['科技合作地图']).toBe('科技合作地圖');
    expect(table['山东省']).toBe('山東省');
  });

  it('feeds a localizer for each of the three languages', () => {
    const names = { zh: '乌克兰', en: 'Ukraine' };
    expect(localizer('zh-Hans', table).name(names)).toBe('乌克兰');
    expect(localizer('zh-Hant', table).name(names)).toBe('烏克蘭');
    expect(localizer('en', table).name(names)).toBe('Ukraine');
    expect(localizer('zh-Hant', table).t('app.title')).toBe('科技合作地圖');
  });
});
