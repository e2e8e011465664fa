import { segmentWords } from '../../src/ingest/segment';

/** The segmenter is cut into bounded chunks (issue 13 item 7): normal text must come out exactly as before. */
const whole = new Intl.Segmenter('zh', { granularity: 'word' });
function reference(text: string): string {
  const words: string[] = [];
  for (const s of whole.segment(text)) if (s.isWordLike) words.push(s.segment.toLowerCase());
  return words.join(' ');
}

describe('segmentWords in chunks', () => {
  const line = '本机关2023年共收到政府信息公开申请128件，其中当面申请12件。';
  it('gives the unchunked words for a multi-line text longer than one chunk', () => {
    const text = Array.from({ length: 300 }, (_, i) => `${line}第${i + 1}项`).join('\n');
    expect(text.length).toBeGreaterThan(8000);
    expect(segmentWords(text)).toBe(reference(text));
  });
  it('gives the unchunked words for one long paragraph cut at sentence ends', () => {
    const text = line.repeat(200);
    expect(segmentWords(text)).toBe(reference(text));
  });
  it('segments a 400K-character paragraph (super-linear in one call)', () => {
    const text = line.repeat(12000);
    const words = segmentWords(text).split(' ');
    expect(words.slice(0, 4)).toEqual(reference(line).split(' ').slice(0, 4));
    expect(words.filter((w) => w === '128')).toHaveLength(12000);
  });
});
