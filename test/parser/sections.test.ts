import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parseReport } from '../../src/parser';
import { buildSections, findHeadings } from '../../src/parser/sections';

const lines = (text: string) => text.split('\n');

describe('the six sections', () => {
  it('a lost 五 heading is stood in for by its first sub-heading after section 四', () => {
    const text = lines(
      ['四、政府信息公开行政复议、行政诉讼情况', '（表四）', '（一）2024 年工作中存在问题的改进情况', '一是……', '（二）2025 年工作中存在的主要问题', '一是政策信息分散', '六、其他需要报告的事项', '无。'].join('\n'),
    );
    const sections = buildSections(text, findHeadings(text));
    expect(sections.map((s) => [s.kind, s.title])).toEqual([
      ['appeals', '四、政府信息公开行政复议、行政诉讼情况'],
      ['problems', '（一）2024 年工作中存在问题的改进情况'],
      ['other', '六、其他需要报告的事项'],
    ]);
    expect(sections[1].text).toContain('一是政策信息分散');
  });

  it('with its own heading, section 五 keeps it, and a sub-heading of 四 that is not about problems stays in 四', () => {
    const text = lines(['四、政府信息公开行政复议、行政诉讼情况', '（一）行政复议情况', '五、存在的主要问题及改进情况', '（一）存在的主要问题', '六、其他需要报告的事项'].join('\n'));
    expect(findHeadings(text).map((h) => h.title)).toEqual(['四、政府信息公开行政复议、行政诉讼情况', '五、存在的主要问题及改进情况', '六、其他需要报告的事项']);
  });

  it('section 五 titled with the work first (「五、政府信息公开工作存在的主要问题及改进情况」) is section 五', async () => {
    const file = path.join(__dirname, '..', 'fixtures', 'real-extra', 'reports', 'shuyang-gov-2025.txt');
    const report = await parseReport({ fileName: 'shuyang-gov-2025.txt', content: readFileSync(file) });
    const problems = report.sections.find((s) => s.kind === 'problems');
    expect(problems?.title).toBe('五、政府信息公开工作存在的主要问题及改进情况');
    expect(problems?.text).toContain('一是政策解读多样性需进一步加强');
    expect(report.sections.find((s) => s.kind === 'appeals')?.text).not.toContain('政策解读多样性');
  });

  it('a real PDF → Markdown report without its 五 heading has its problems in section 五', async () => {
    const file = path.join(__dirname, '..', 'fixtures', 'real', 'reports', 'shanghai-office-2025.md');
    const report = await parseReport({ fileName: 'shanghai-office-2025.md', content: readFileSync(file) });
    const problems = report.sections.find((s) => s.kind === 'problems');
    expect(problems?.text).toContain('一是政策信息分散于多个平台');
    expect(report.sections.find((s) => s.kind === 'appeals')?.text).not.toContain('改进措');
  });
});
