import * as iconv from 'iconv-lite';
import { readPage } from '../../src/ingest/web/attachment';
import { bytesForParser, declaredCharset } from '../../src/ingest/web/charset';

/** Wrapper pages and charsets as agency sites serve them (pure functions, no server). */
describe('readPage', () => {
  it('finds document links by path or by link text, resolved against <base>, the report before other files', () => {
    const html = `<html><head><title> 关于发布2023年度报告的通知
      - 某某县人民政府 </title><base href="http://www.example.gov.cn/zwgk/"></head><body>
      <a href="../guide/指南.pdf">政府信息公开指南.pdf</a>
      <a href="javascript:download('x.docx')">下载.docx</a>
      <a href="/module/download/downfile.jsp?classid=0&amp;filename=2401.pdf">附件：某某县2023年政府信息公开工作年度报告.pdf</a>
      <a href="files/2023%E5%B9%B4%E5%BA%A6%E6%8A%A5%E5%91%8A.docx#page=1">点击下载</a>
      <a href="files/old.doc">2022年度报告.doc</a>
      <a href="/news/1.html">新闻</a></body></html>`;
    const page = readPage(html, 'http://www.example.gov.cn/zwgk/notice/1.html');
    expect(page.title).toBe('关于发布2023年度报告的通知 - 某某县人民政府');
    expect(page.attachments).toEqual([
      { url: 'http://www.example.gov.cn/zwgk/files/2023%E5%B9%B4%E5%BA%A6%E6%8A%A5%E5%91%8A.docx', text: '点击下载' },
      { url: 'http://www.example.gov.cn/module/download/downfile.jsp?classid=0&filename=2401.pdf', text: '附件：某某县2023年政府信息公开工作年度报告.pdf' },
      { url: 'http://www.example.gov.cn/zwgk/files/old.doc', text: '2022年度报告.doc' },
      { url: 'http://www.example.gov.cn/guide/%E6%8C%87%E5%8D%97.pdf', text: '政府信息公开指南.pdf' },
    ]);
  });

  it('a page without document links has none', () => {
    expect(readPage('<p><a href="/a.html">报告</a></p>', 'http://h/x').attachments).toEqual([]);
  });
});

describe('charsets', () => {
  const page = (meta: string) => Buffer.from(`<html><head>${meta}<title>t</title></head><body>报告</body></html>`, 'utf8');
  it('takes the header first, then <meta charset> or http-equiv', () => {
    expect(declaredCharset('text/html; charset=GBK', page('<meta charset="utf-8">'))).toBe('gbk');
    expect(declaredCharset('text/html', page('<meta charset=gb2312>'))).toBe('gb2312');
    expect(declaredCharset(null, page('<meta http-equiv="Content-Type" content="text/html; charset=GB18030">'))).toBe('gb18030');
    expect(declaredCharset('text/html', page(''))).toBeNull();
  });

  it('keeps UTF-8 and GB bytes as served, re-encodes another declared charset to UTF-8', () => {
    const gbk = iconv.encode('<p>政府信息公开工作年度报告</p>', 'gbk');
    expect(bytesForParser(gbk, 'gb2312')).toBe(gbk);
    expect(bytesForParser(gbk, null)).toBe(gbk);
    const big5 = iconv.encode('<p>政府資訊公開工作年度報告</p>', 'big5');
    expect(bytesForParser(big5, 'big5').toString('utf8')).toBe('<p>政府資訊公開工作年度報告</p>');
    // a header that claims big5 over bytes that are valid UTF-8 is a server mistake: the bytes win
    const utf8 = Buffer.from('<p>年度报告</p>', 'utf8');
    expect(bytesForParser(utf8, 'big5')).toBe(utf8);
  });
});
