import * as iconv from 'iconv-lite';
import { decodeDocument } from '../../src/parser';
import { sampleBytes, sampleText } from './support/samples';
import * as v from './support/variants';

const decode = (fileName: string, content: Buffer | string) => decodeDocument({ fileName, content });

describe('decodeDocument tells kind and encoding from the content', () => {
  const text = sampleText('baitu-2020.txt');

  it.each([
    ['UTF-8', Buffer.from(text), 'utf-8'],
    ['UTF-8 with BOM', v.utf8Bom(text), 'utf-8-bom'],
    ['UTF-16LE with BOM', v.utf16leBom(text), 'utf-16le'],
    ['UTF-16LE without BOM', v.utf16leNoBom(text), 'utf-16le'],
    ['UTF-16BE with BOM', v.utf16beBom(text), 'utf-16be'],
    ['UTF-16BE without BOM', iconv.encode(text, 'utf-16be'), 'utf-16be'],
    ['GBK without declaration', v.gbk(text), 'gb18030'],
  ] as [string, Buffer, string][])('%s', async (_name, bytes, encoding) => {
    const d = await decode('report.dat', bytes);
    expect(d.kind).toBe('text');
    expect(d.encoding).toBe(encoding);
    expect(d.text.replace(/\u00a0/g, ' ')).toBe(text.replace(/\u00a0/g, ' '));
  });

  it('a Chinese-only UTF-16 text without BOM (few ASCII NUL bytes) is still UTF-16', async () => {
    const chinese = '白土镇2020年政府信息公开工作年度报告。'.repeat(200).replace(/\d/g, '');
    const d = await decode('zh.txt', Buffer.from(chinese, 'utf16le'));
    expect(d.encoding).toBe('utf-16le');
    expect(d.text).toBe(chinese);
  });

  it('HTML by its markup, whatever the file name', async () => {
    const d = await decode('report.txt', sampleBytes('baitu-2020.html'));
    expect(d.kind).toBe('html');
    expect(d.text).toContain('\t政府集中采购\n\t10\n\t115838元');
    expect(d.text).not.toContain('<');
    expect(d.text).not.toContain('document.write');
    expect(d.text).not.toContain('首页');
  });

  it('DOCX by its ZIP content, whatever the file name', async () => {
    const d = await decode('report.bin', sampleBytes('gangkou-2021.docx'));
    expect(d.kind).toBe('docx');
    expect(d.text).toContain('\t行政事业性收费\n\t0');
  });

  it('a string is taken as already decoded text', async () => {
    const d = await decode('s.txt', text);
    expect(d).toEqual({ text, encoding: 'string', kind: 'text' });
  });
});
