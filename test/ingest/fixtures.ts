import { keysFor, metric } from '../../src/parser/catalog';
import type { ParsedReport, RegionRef } from '../../src/parser/types';
import { segmentWords } from '../../src/ingest/segment';
import { sha256Of } from '../../src/ingest/store';
import type { PreparedReport } from '../../src/ingest/store';

export const BAITU: RegionRef = {
  code: '360981105',
  name: '白土镇',
  level: 'township',
  path: [
    { code: '36', name: '江西省', level: 'province' },
    { code: '3609', name: '宜春市', level: 'city' },
    { code: '360981', name: '丰城市', level: 'county' },
    { code: '360981105', name: '白土镇', level: 'township' },
  ],
};

/** A hand-built, complete format-2019 report: every key of the format, value = seed + index. */
export function parsedReport(over: Partial<ParsedReport> = {}, seed = 1): ParsedReport {
  const keys = keysFor('2019');
  return {
    title: '白土镇2020年政府信息公开工作年度报告',
    year: 2020,
    format: '2019',
    publishedAt: '2021-01-15',
    agency: { name: '白土镇', fullName: '丰城市白土镇人民政府', kind: 'government', region: BAITU, regionCandidates: [] },
    contact: { phone: '0795-6852008', postcode: '331126' },
    sections: [
      { kind: 'overview', ordinal: 1, title: '一、总体情况', text: '2020年，我镇认真贯彻落实政府信息公开条例，主动公开政府信息130余条。', line: 3 },
      { kind: 'problems', ordinal: 5, title: '五、存在的主要问题及改进情况', text: '信息公开的及时性有待提高。', line: 90 },
    ],
    cells: keys.map((key, i) => {
      const m = metric(key)!;
      return { key, table: m.table, row: m.row, col: m.col, raw: String(seed + i), value: seed + i, unit: m.unit, line: 10 + i };
    }),
    checks: [
      { rule: 'requests.balance', scope: 'total', description: '新收+结转=总计+结转下年', keys: ['requests.new.total', 'requests.total.total'], passed: true, left: 3, right: 3 },
    ],
    warnings: [],
    ...over,
  };
}

export function prepared(parsed: ParsedReport, fileName = 'baitu-2020.txt', bytes?: string): PreparedReport {
  const content = Buffer.from(bytes ?? JSON.stringify(parsed), 'utf8');
  return {
    fileName,
    sha256: sha256Of(content),
    encoding: 'utf-8',
    content,
    parsed,
    searchWords: parsed.sections.map((s) => segmentWords(s.text)),
    parserVersion: 'test',
  };
}
