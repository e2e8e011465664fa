/**
 * A crawler's or a site's metadata header above the article: 「标题: …」「单位: …」「发布机构: …」「来源: …」
 * 「发布时间: …」 lines (a web page saved as text, a capture tool's record).
 */

export interface HeaderField {
  text: string;
  line: number;
}

export interface MetadataHeader {
  title: HeaderField | null;
  /** Publisher fields in order of trust (单位 before 发布机构 before 来源). */
  agencies: HeaderField[];
  url: string | null;
}

const HEADER_LINES = 20;
const FIELD = /^\s*(标题|题名|名称|单位|发布单位|发布机构|发文机关|发文单位|所属机构|信息来源|来源|原文链接|链接|网址|URL)\s*[:：]\s*(.*?)\s*$/i;
const AGENCY_FIELDS = ['单位', '发布单位', '发布机构', '发文机关', '发文单位', '所属机构', '信息来源', '来源'];

/** Only the head of the text: a field line further down is part of the report (「来源：」 in a table). */
export function readHeader(lines: readonly string[]): MetadataHeader {
  const header: MetadataHeader = { title: null, agencies: [], url: null };
  const agencies: { rank: number; field: HeaderField }[] = [];
  for (let i = 0; i < Math.min(lines.length, HEADER_LINES); i++) {
    const m = FIELD.exec(lines[i]);
    if (!m || m[2] === '') continue;
    const [, key, value] = m;
    if (/^(?:标题|题名|名称)$/.test(key)) header.title ??= { text: value.replace(/\s+/g, ''), line: i + 1 };
    else if (/^(?:原文链接|链接|网址|URL)$/i.test(key)) header.url ??= /https?:\/\/\S+/.exec(value)?.[0] ?? null;
    else {
      // A source that is a website names its owner (沭阳县人民政府网 → 沭阳县人民政府).
      const text = value.replace(/\s+/g, '').replace(/(?:门户网站|政府网站|网站|官网|网)$/, '');
      if (/^[\u3400-\u4dbf\u4e00-\u9fff\u3007（）()]{2,40}$/.test(text)) agencies.push({ rank: AGENCY_FIELDS.indexOf(key), field: { text, line: i + 1 } });
    }
  }
  header.agencies = agencies.sort((a, b) => a.rank - b.rank).map((a) => a.field);
  return header;
}
