import { NearMetrics } from '../../src/bot/nearMetrics';

describe('a metric word one character off', () => {
  const near = new NearMetrics(['行政许可', '行政处罚', '予以公开', '部分公开', '公开']);
  const unknown = (): boolean => false;

  it('finds the one word a piece is one character off', () => {
    expect(near.find('2022年行政徐可决定', unknown)).toEqual({ piece: '行政徐可', term: '行政许可' });
    expect(near.find('予以工开多少件', unknown)).toEqual({ piece: '予以工开', term: '予以公开' });
  });

  it('finds nothing when the piece is off two words equally, off by two characters, or a known term', () => {
    expect(new NearMetrics(['行政许可', '行政许诺']).find('行政许x', unknown)).toBeNull();
    expect(near.find('行政徐科', unknown)).toBeNull();
    expect(near.find('行政徐可', (p) => p === '行政徐可')).toBeNull();
  });

  it('never reads short words (three characters or fewer are one off too many ordinary words)', () => {
    expect(new NearMetrics(['公开', '总计']).find('公干总记', unknown)).toBeNull();
  });
});
