/**
 * The words officials use for the rows and columns of the three tables: the bot's own data (the parser's catalog
 * keeps only the printed labels and the rules that match them). A metric's words are its row's words and then its
 * column's; the vocabulary tells row words from column words by which the metrics of a row share.
 */

/** Words for a row, keyed by its row key (`table.row`). */
export const ROW_ALIASES: Record<string, readonly string[]> = {
  'active.regulations': ['规章'],
  'active.normative_docs': ['规范性文件', '行政规范性文件'],
  'active.licensing': ['行政许可', '许可'],
  'active.other_services': ['其他对外管理服务事项', '对外管理服务'],
  'active.penalty': ['行政处罚', '处罚'],
  'active.coercion': ['行政强制', '强制'],
  'active.fees': ['行政事业性收费', '收费'],
  'active.procurement': ['政府集中采购', '政府采购', '集中采购', '采购'],
  'requests.new': ['新收申请', '收到申请', '收到多少申请', '申请数量', '新收', '依申请'],
  'requests.carried_over': ['上年结转', '上一年结转', '结转过来', '上年度结转', '转过来', '转来', '上年转入', '上一年转入', '上年遗留', '上一年遗留', '上年没办完', '上一年没办完', '结转'],
  'requests.granted': ['予以公开', '公开了'],
  'requests.partial': ['部分公开'],
  'requests.denied.state_secret': ['国家秘密'],
  'requests.denied.law_forbidden': ['法律法规禁止公开'],
  'requests.denied.three_safety': ['三安全一稳定'],
  'requests.denied.third_party': ['第三方合法权益'],
  'requests.denied.internal': ['内部事务'],
  'requests.denied.process': ['过程性信息'],
  'requests.denied.enforcement_file': ['行政执法案卷', '执法案卷'],
  'requests.denied.query': ['行政查询事项'],
  'requests.unable.not_held': ['不掌握'],
  'requests.unable.need_creation': ['另行制作'],
  'requests.unable.unclear': ['仍不明确', '仍然不明确', '依然不明确', '还是不明确', '还不明确', '补正后不明确', '补正后仍不清楚', '还是不清楚'],
  'requests.rejected.petition': ['信访举报投诉', '信访类', '信访举报', '举报投诉', '投诉类', '信访'],
  'requests.rejected.repeat': ['重复申请'],
  'requests.rejected.publication': ['公开出版物'],
  'requests.rejected.excessive': ['大量反复申请'],
  'requests.rejected.confirm': ['确认或重新出具', '要求确认', '重新出具', '确认已获取信息'],
  'requests.other': ['其他处理'],
  'requests.other.overdue_correction': ['逾期不补正', '逾期未补正', '无正当理由逾期不补正', '不补正'],
  // 「收费通知」 is printed only in this row's label: never the fee row of 表二
  'requests.other.overdue_fee': ['收费通知', '逾期未缴费', '未按要求缴费', '没有缴费', '没缴费', '未缴费', '逾期未按收费通知缴纳费用', '逾期未按收费通知要求缴纳费用', '未按收费通知缴纳费用', '逾期未缴纳费用', '逾期缴费', '未缴纳费用'],
  // 「其他处理」 on the 2021 form is the whole group (engine: OTHER_HANDLING); its item 3 is 「其他情形」
  // 「其他处理里的其他」, 「其他处理（其他）」 (parentheses are a space once normalised): the item 其他 of the group, never the applicant column 其他
  'requests.other.other': ['其他处理', '其他情形', '其他处理里的其他', '其他处理中的其他', '其他处理的其他', '其他处理之其他', '其他处理 其他', '其他处理中其他'],
  'requests.total': ['办理结果总计', '办结'],
  // 「结转」 alone fits both rows: asked back
  'requests.carried_forward': ['结转下年', '结转下年度', '结转到下年', '结转到下一年', '结转到下一年度', '结转至下年', '结转至下一年', '转到下一年', '转入下年', '转入下一年', '下年度继续办理', '继续办理', '留到下一年', '留到下年', '留到明年', '没办完留到', '结转'],
  'appeals.review': ['行政复议', '复议', '被复议'],
  'appeals.suit_direct': ['直接起诉', '行政诉讼', '被起诉', '诉讼'],
  'appeals.suit_after_review': ['复议后起诉', '复议后又起诉', '复议后再起诉', '经复议后起诉', '复议之后起诉', '复议以后起诉', '复议后提起诉讼'],
};

/**
 * Words for a column, keyed by `table.col` (a column id means the same on every row of its table), or by the cell key
 * where one row's column differs (表二's 「金额」 is the procurement amount or the fee amount).
 */
export const COLUMN_ALIASES: Record<string, readonly string[]> = {
  'active.made': ['新制作', '制作'],
  'active.published': ['新公开', '发布'],
  // 「对外公开的规范性文件总数」: the row's name between the two words; only this column says 对外公开
  'active.total_public': ['对外公开总数', '公开总数', '对外公开'],
  // 「发布」 on the 2019 form is its 本年新公开 (both tagged: the report's own template decides)
  'active.issued': ['制发', '发布', '出台', '新出', '新出台', '印发', '新发'],
  'active.repealed': ['废止'],
  'active.in_force': ['现行有效', '有效'],
  'active.prev_count': ['上一年项目', '上年项目', '上一年的项目', '上年的项目', '去年的项目数', '上一年度项目'],
  'active.change': ['增减', '增/减', '变化'],
  'active.decisions': ['处理决定', '决定'],
  'active.fees.amount': ['收费金额', '收了多少钱', '收费多少'],
  'active.projects': ['采购项目数', '采购项目', '项目数'],
  'active.procurement.amount': ['采购金额', '采购总金额', '金额', '花了多少钱', '多少钱'],
  'requests.natural_person': ['自然人', '个人', '群众'],
  'requests.commercial': ['商业企业', '企业'],
  'requests.research': ['科研机构'],
  'requests.social_org': ['社会公益组织', '公益组织'],
  'requests.legal_service': ['法律服务机构', '律所', '律师事务所'],
  'requests.other_org': ['其他组织'],
  'requests.total': ['总计', '合计', '总数'],
  'appeals.upheld': ['维持'],
  'appeals.corrected': ['纠正'],
  'appeals.other': ['其他结果'],
  'appeals.pending': ['尚未审结', '未审结', '没审结', '没有审结', '未结案', '没结案', '尚未结案', '还在审', '审理中', '在审'],
  'appeals.total': ['总计', '合计', '总数', '多少'],
};

/** A cell key's words: its row's, then its column's (the cell's own when it has them). */
export function aliasesOf(key: string): string[] {
  const rowKey = key.slice(0, key.lastIndexOf('.'));
  const column = `${key.split('.')[0]}.${key.slice(key.lastIndexOf('.') + 1)}`;
  return [...(ROW_ALIASES[rowKey] ?? []), ...(COLUMN_ALIASES[key] ?? COLUMN_ALIASES[column] ?? [])];
}
