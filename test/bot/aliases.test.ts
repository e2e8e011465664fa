import { METRICS } from '../../src/parser/catalog';
import { aliasesOf, COLUMN_ALIASES, ROW_ALIASES } from '../../src/bot/aliases';

/** The bot's words for rows and columns (src/bot/aliases.ts) are keyed by what the parser's catalog defines. */
describe("the bot's row and column words", () => {
  const rowKeys = new Set(METRICS.map((m) => m.key.slice(0, m.key.lastIndexOf('.'))));
  const columnKeys = new Set(METRICS.flatMap((m) => [m.key, `${m.table}.${m.col}`]));

  it('name only rows and columns the catalog has (no stale key)', () => {
    expect(Object.keys(ROW_ALIASES).filter((k) => !rowKeys.has(k))).toEqual([]);
    expect(Object.keys(COLUMN_ALIASES).filter((k) => !columnKeys.has(k))).toEqual([]);
  });

  it("give a cell its row's words, then its own column's (表二's two 「金额」 apart)", () => {
    expect(aliasesOf('active.procurement.amount')).toEqual(['政府集中采购', '政府采购', '集中采购', '采购', '采购金额', '采购总金额', '金额', '花了多少钱', '多少钱']);
    expect(aliasesOf('active.fees.amount')).toEqual(['行政事业性收费', '收费', '收费金额', '收了多少钱', '收费多少']);
    expect(aliasesOf('requests.new.legal_service')).toEqual(['新收申请', '收到申请', '收到多少申请', '申请数量', '新收', '依申请', '法律服务机构', '律所', '律师事务所']);
    expect(aliasesOf('appeals.review.total')).toEqual(['行政复议', '复议', '被复议', '总计', '合计', '总数', '多少']);
  });

  it('leave the parser catalog with printed labels and matching rules only', () => {
    expect(METRICS.filter((m) => 'aliases' in m).map((m) => m.key)).toEqual([]);
  });
});
