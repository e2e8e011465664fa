/**
 * Reports as a web page saved as text gives them: the whole body on one line, every table row glued into one digit
 * string (「行政规范性文件693665」). Built from known values, so a test can compare what the parser recovers.
 */
import { requestSpecs } from '../../../src/parser/tables';

/** Row labels of 表三 (format 2021) as the pages print them, group labels glued before the first row of a group. */
export const REQUEST_LABELS_2021: Record<string, string> = {
  new: '一、本年新收政府信息公开申请数量',
  carried_over: '二、上年结转政府信息公开申请数量',
  granted: '三、本年度办理结果（一）予以公开',
  partial: '（二）部分公开（区分处理的，只计这一情形，不计其他情形）',
  'denied.state_secret': '（三）不予公开1.属于国家秘密',
  'denied.law_forbidden': '2.其他法律行政法规禁止公开',
  'denied.three_safety': '3.危及“三安全一稳定”',
  'denied.third_party': '4.保护第三方合法权益',
  'denied.internal': '5.属于三类内部事务信息',
  'denied.process': '6.属于四类过程性信息',
  'denied.enforcement_file': '7.属于行政执法案卷',
  'denied.query': '8.属于行政查询事项',
  'unable.not_held': '（四）无法提供1.本机关不掌握相关政府信息',
  'unable.need_creation': '2.没有现成信息需要另行制作',
  'unable.unclear': '3.补正后申请内容仍不明确',
  'rejected.petition': '（五）不予处理1.信访举报投诉类申请',
  'rejected.repeat': '2.重复申请',
  'rejected.publication': '3.要求提供公开出版物',
  'rejected.excessive': '4.无正当理由大量反复申请',
  'rejected.confirm': '5.要求行政机关确认或重新出具已获取信息',
  'other.overdue_correction': '（六）其他处理1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请',
  'other.overdue_fee': '2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请',
  'other.other': '3.其他',
  total: '（七）总计',
  carried_forward: '四、结转下年度继续办理',
};

export const REQUEST_ROW_IDS = requestSpecs('2021').map((s) => s.row);

export interface GluedReport {
  /** 表二 第二十条第（一）项 行政规范性文件: the glued run as printed, e.g. 「693665」. */
  normativeDocs: string;
  /** 表三 row id → the glued run (7 cells). */
  requests: Record<string, string>;
  /** 表四: the 15 cells as one run. */
  appeals: string;
  /** Sentences of the overview (narrative numbers). */
  narrative?: string;
}

/** A whole report on one line after its title line, as pingtan.gov.cn pages saved as text look. */
export function gluedReportText(r: GluedReport): string {
  const requests = REQUEST_ROW_IDS.map((id) => REQUEST_LABELS_2021[id] + r.requests[id]).join('');
  const body = [
    '本报告根据《中华人民共和国政府信息公开条例》编制。本报告所列数据统计期限为2022年1月1日至2022年12月31日。',
    `一、总体情况2022年，本县持续推进政务公开。${r.narrative ?? ''}`,
    '二、主动公开政府信息情况 第二十条第（一）项信息内容本年制发件数本年废止件数现行有效件数规章000',
    `行政规范性文件${r.normativeDocs}第二十条第（五）项信息内容本年处理决定数量行政许可2293 第二十条第（六）项信息内容本年处理决定数量行政处罚1282行政强制42`,
    '第二十条第（八）项信息内容本年收费金额（单位：万元）行政事业性收费24252.311082',
    '三、收到和处理政府信息公开申请情况（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）',
    `申请人情况自然人法人或其他组织总计商业企业科研机构社会公益组织法律服务机构其他${requests}`,
    ' 四、政府信息公开行政复议、行政诉讼情况 行政复议行政诉讼结果维持结果纠正其他结果尚未审结总计未经复议直接起诉复议后起诉',
    `结果维持结果纠正其他结果尚未审结总计结果维持结果纠正其他结果尚未审结总计${r.appeals}`,
    '五、存在的主要问题及改进情况（一）存在的主要问题：政策解读形式不够丰富。六、其他需要报告的事项2022年，无收取信息处理费情况。',
  ].join('');
  return `沭阳县人民政府2022年政府信息公开工作年度报告\n${body}\n`;
}
