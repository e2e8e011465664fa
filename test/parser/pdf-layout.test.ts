/** The page layout rebuild and the chrome removal on hand-placed text items (no PDF needed). */
import { joinPages, isPageNumber } from '../../src/parser/pdf/chrome';
import type { RawItem, RawPage } from '../../src/parser/pdf/extract';
import { layoutPage } from '../../src/parser/pdf/layout';

/** An item at x, baseline y (points from the top); width from the text: ideographs 1 em, other characters half. */
function item(s: string, x: number, y: number, size = 10): RawItem {
  const w = [...s].reduce((n, ch) => n + (/[\u2e80-\u9fff\uff00-\uffef]/.test(ch) ? size : size / 2), 0);
  return { s, x, y, w, h: size, dx: 1, dy: 0 };
}
const page = (items: RawItem[], height = 842): RawPage => ({ width: 595, height, items });
const texts = (p: RawPage) => layoutPage(p).lines.map((l) => l.text.trim());

describe('page layout from glyph positions', () => {
  it('items on one baseline (within a tolerance) form a line, ordered by x whatever their order in the file', () => {
    const lines = texts(page([item('本年制发件数', 200, 300.8), item('规章', 100, 320), item('信息内容', 100, 300), item('12', 200, 319.5)]));
    // x 200 is column 20 at a pitch of half the font size (5 pt) from the left edge at x 100.
    expect(lines).toEqual([`信息内容${' '.repeat(12)}本年制发件数`, `规章${' '.repeat(16)}12`]);
  });

  it('gaps become spaces in proportion to the distance; touching pieces of one word are joined', () => {
    const [line] = layoutPage(page([item('第二十条第（', 100, 300), item('五', 160, 300), item('）项', 170, 300), item('88', 300, 300)])).lines;
    expect(line.text.trim()).toMatch(/^第二十条第（五）项 {10,}88$/);
  });

  it('numbers of adjacent narrow cells stay apart even when less than a tenth of an em separates them', () => {
    const [line] = texts(page([item('1158', 100, 300), item('1256', 120.8, 300), item('1534', 141.6, 300)]));
    expect(line.split(/\s+/)).toEqual(['1158', '1256', '1534']);
  });

  it('a top-aligned 总计 one line above the row’s other numbers is put back at the end of the row', () => {
    const lines = texts(page([
      item('1.申请人无正当理由逾期不补正、', 140, 300), item('247', 510, 300),
      item('行政机关不再处理其政府信息公开', 140, 314.5), ...[304, 338, 372, 407, 441, 475].map((x, i) => item(String(11 + i), x, 314.5)),
      item('申请', 140, 329),
    ]));
    expect(lines[0]).toBe('1.申请人无正当理由逾期不补正、');
    expect(lines[1].split(/\s+/)).toEqual(['行政机关不再处理其政府信息公开', '11', '12', '13', '14', '15', '16', '247']);
    expect(lines[2]).toBe('申请');
  });

  it('two table rows with numbers in the same columns are not merged', () => {
    const lines = texts(page([item('规章', 100, 300), item('5', 200, 300), item('规范性文件', 100, 314), item('6', 200, 314), item('7', 260, 314)]));
    expect(lines.map((l) => l.split(/\s+/))).toEqual([['规章', '5'], ['规范性文件', '6', '7']]);
  });

  it('a number inside a sentence is never moved into the table row below it', () => {
    // 「2023」 falls in the gap between two cells of the row below, but it is glued to its words.
    const lines = texts(page([
      item('（注：', 180, 300), item('2023', 210, 300), item('年数据）', 230, 300),
      item('规章', 100, 313), item('5', 150, 313), item('6', 260, 313), item('7', 320, 313),
    ]));
    expect(lines.map((l) => l.split(/\s+/))).toEqual([['（注：2023年数据）'], ['规章', '5', '6', '7']]);
  });

  it('radicals that fonts map ideographs to become the ideographs (「第⼆⼗条」, 「⾸⻚」)', () => {
    expect(texts(page([item('第⼆⼗条 ⾸⻚ 部⻔', 100, 300)]))).toEqual(['第二十条 首页 部门']);
  });

  it('a title wrapped over two lines of a large font is one line again', () => {
    const body = ['正文一', '正文二', '正文三', '正文四'].map((s, i) => item(s, 80, 200 + 15 * i));
    const lines = texts(page([item('某某市某某局2023年政府信息公开工作年度', 80, 100, 22), item('报告', 250, 128, 22), ...body]));
    expect(lines).toEqual(['某某市某某局2023年政府信息公开工作年度报告', '正文一', '正文二', '正文三', '正文四']);
  });

  it('a table set in a larger font than the body is not joined like a wrapped title (a page printed small)', () => {
    const body = Array.from({ length: 20 }, (_, i) => item(`正文${i + 1}`, 30, 100 + 12 * i, 9)); // the body's font, 9 pt
    const lines = texts(page([
      ...body,
      item('第二十条第（一）项', 30, 391.5, 12),
      item('本年新', 154, 418.5, 12), item('本年新', 241, 418.5, 12),
      item('信息内容', 30, 427.5, 12), item('对外公开总数量', 296, 427.5, 12),
      item('规章', 30, 445.5, 12), item('3', 154, 445.5, 12), item('5', 241, 445.5, 12), item('7', 296, 445.5, 12),
      item('规范性文件', 30, 463.5, 12), item('77', 154, 463.5, 12), item('76', 241, 463.5, 12), item('166', 296, 463.5, 12),
      item('第二十条第（五）项', 30, 481.5, 12),
    ]));
    expect(lines.slice(20).map((l) => l.split(/\s+/))).toEqual([
      ['第二十条第（一）项'], ['本年新', '本年新'], ['信息内容', '对外公开总数量'], ['规章', '3', '5', '7'], ['规范性文件', '77', '76', '166'], ['第二十条第（五）项'],
    ]);
  });

  it('slanted text (watermarks, stamps) is left out', () => {
    expect(texts(page([item('正文', 80, 300), { ...item('内部资料', 200, 400), dx: Math.SQRT1_2, dy: -Math.SQRT1_2 }]))).toEqual(['正文']);
  });

  it('a page shown sideways (text reading downwards) is read as if turned upright', () => {
    // Upright, the page would hold 「信息内容 本年制发件数」 above 「规章 12」; turned a quarter clockwise, baselines run
    // down the page and the second line is to the left of the first.
    const down = (s: string, x: number, y: number): RawItem => ({ ...item(s, 0, 0), x, y, dx: 0, dy: 1 });
    const lines = texts({ width: 842, height: 595, items: [down('信息内容', 700, 100), down('本年制发件数', 700, 200), down('规章', 680, 100), down('12', 680, 200)] });
    expect(lines.map((l) => l.split(/\s+/))).toEqual([['信息内容', '本年制发件数'], ['规章', '12']]);
  });
});

describe('page chrome', () => {
  const report = (n: number, total: number, extra: RawItem[] = []): RawPage => page([
    item('某某县人民政府2021年政府信息公开工作年度报告', 150, 50),
    item(`正文第${n}页的内容`, 80, 300),
    item('1270', 400, 400),
    item(n % 2 ? `- ${n} -` : `第 ${n} 页 共 ${total} 页`, 280, 800),
    ...extra,
  ]);

  it('page numbers and a header repeated at the same place are dropped; body numbers stay; pages join without a break', () => {
    const pages = [1, 2, 3].map((n) => layoutPage(report(n, 3)));
    const lines = joinPages(pages).map((l) => l.trim());
    expect(lines).toEqual(['正文第1页的内容', '1270', '正文第2页的内容', '1270', '正文第3页的内容', '1270']);
  });

  it('a line in the margin that appears on one page only is kept (e.g. the title block of page 1)', () => {
    const pages = [layoutPage(report(1, 2, [item('发布日期：2022-01-20', 80, 70)])), layoutPage(report(2, 2))];
    expect(joinPages(pages).map((l) => l.trim())).toContain('发布日期：2022-01-20');
  });

  it('a single page keeps its header text but drops its page number', () => {
    const lines = joinPages([layoutPage(report(1, 1))]).map((l) => l.trim());
    expect(lines).toEqual(['某某县人民政府2021年政府信息公开工作年度报告', '正文第1页的内容', '1270']);
  });

  it('a block of two or more lines that opens a page and repeats earlier lines (a table header repeated) is dropped there', () => {
    const header = (y: number) => [item('申请人情况', 300, y), item('自然人', 200, y + 14), item('商业企业', 260, y + 14)];
    const first = layoutPage(page([...header(500), item('一、本年新收', 80, 540), item('7', 300, 540)]));
    const second = layoutPage(page([...header(120), item('四、结转下年度继续办理', 80, 160), item('9', 300, 160)]));
    const lines = joinPages([first, second]).map((l) => l.trim().replace(/\s+/g, ' '));
    expect(lines).toEqual(['申请人情况', '自然人 商业企业', '一、本年新收 7', '四、结转下年度继续办理 9']);
  });

  it('one line that opens a page and appeared before is kept (a label the form prints twice)', () => {
    const first = layoutPage(page([item('信息内容', 80, 500), item('本年处理决定数量', 200, 500), item('行政许可', 80, 520)]));
    const second = layoutPage(page([item('信息内容', 80, 120), item('本年处理决定数量', 200, 120), item('行政处罚', 80, 140)]));
    expect(joinPages([first, second]).map((l) => l.trim().replace(/\s+/g, ' '))).toEqual(['信息内容 本年处理决定数量', '行政许可', '信息内容 本年处理决定数量', '行政处罚']);
  });

  it.each([['- 3 -', true], ['— 12 —', true], ['第 4 页 共 9 页', true], ['第4页', true], ['共 9 页 第 4 页', true], ['3/9', true], ['Page 2 of 5', true],
    ['2021年', false], ['一、总体情况', false], ['12 34', false]])('%s is a page number: %s', (text, expected) => {
    expect(isPageNumber(text)).toBe(expected);
  });
});
