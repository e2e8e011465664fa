import { segmentWords } from '../../src/ingest/segment';

/** The plain way: every word-like segment of the whole text, lower-cased. segmentWords must give exactly this. */
const segmenter = new Intl.Segmenter('zh', { granularity: 'word' });
function reference(text: string): string {
  const words: string[] = [];
  for (const s of segmenter.segment(text)) if (s.isWordLike) words.push(s.segment.toLowerCase());
  return words.join(' ');
}

describe('segmentWords', () => {
  it.each([
    '',
    '\n',
    '1',
    'abc',
    '1\n2\n',
    '\n1\nabc\n2',
    '1\n\n\n2\nx\n\n3\n中文\n4',
    '中文测试\n12\n英文ABC\n007\n\n',
    '1\r\n2\r\nab\r\n',
    '1,000\n1.5\n-3\n3.\n１２３',
    '第二十条第（一）项\n信息内容\n本年制发件数\n规章\n0\n0\n0\n行政规范性文件\n1\n0\n60',
    'Hello World\n2021年度\n中华人民共和国政府信息公开条例',
    '第一\u2028第二\n第三',
  ])('cuts %j as the whole text would be cut', (text) => {
    expect(segmentWords(text)).toBe(reference(text));
  });
});
