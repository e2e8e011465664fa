import { AgencyIndex } from './agencies';
import {
  answerAbout, answerAggregate, answerChecks, answerColumnSum, answerCompare, answerEach, answerList, answerProvinces, answerQuote, answerRank, answerSum, answerValue,
  agencyLabel, agencyOf, type AnswerContext, type Option, type Outcome,
  latestHint,
} from './answers';
import { GraphQLRequestError, ServiceUnavailableError, type GraphQLClient } from './client';
import { buildDraft, describeRegion, hasSlots, intentOfNamedAgency, isComplete, isMeaningful, mergeFollowUp, type Draft, type MetricPart } from './draft';
import { answerApplicants, answerShare, answerTimes, impliedWhole, type RatioSide } from './shares';
import { GraphApi, type ReportNode } from './graph';
import { RegionIndex } from './regions';
import { MemorySessionStore, newSessionId, type SessionStore } from './session';
import { townshipNamesIn } from './townships';
import { bareDepartment, departmentOfShortPlace, DEPARTMENT_WORD, fittingDepartmentWord, inNamedRegions, POINTED_DEPARTMENT, unknownDepartments } from './departments';
import { parseQuestion, TermDictionary, type Parsed } from './understand';
import { NearMetrics } from './nearMetrics';
import { agencyMention, withAgencyToken } from './mentions';
import { APPLICANT_LIKE, labelForms, LEAD_WORDS, ORG_GROUP, OTHER_HANDLING, LEVEL_PIECES, LEVEL_WORDS, MetricVocabulary, SAY, YES, yearList } from './vocabulary';
import { ErrorCode, silentLogger, type AskAnswer, type AskStatus, type Logger } from '../contracts';

/**
 * The answering core behind every channel (Wechaty, `nianbao ask/chat`, the GraphQL `ask` field): understands a
 * question deterministically, asks back when a slot is ambiguous, and answers from GraphQL results only.
 */

/** The bot's answer is the graph's AskAnswer contract. */
export type BotAnswer = AskAnswer;

export interface BotEngineOptions {
  client: GraphQLClient;
  /** The clock for 今年/去年 (injectable for tests). */
  now?: () => Date;
  sessionTtlMs?: number;
  /** Where conversation state lives (default: this process's memory, for sessionTtlMs). */
  sessions?: SessionStore<SessionState>;
  /** Reload the agency list this often (new reports bring new agencies). */
  refreshMs?: number;
  /**
   * How often (at most) a question checks the number of agencies stored, reloading the index when it changed (a
   * report of a new agency ingested here or by another process). Default 5 s.
   */
  agencyCheckMs?: number;
  /** A question naming a township the index lacks reloads it, at most this often (default 60 s). */
  minReloadMs?: number;
  logger?: Logger;
}

export interface SessionState {
  last?: Draft;
  pending?: { draft: Draft; options: Option[] };
}

interface Indexes {
  vocab: MetricVocabulary;
  tableLabels: Map<string, string>;
  agencies: AgencyIndex;
  sharedNames: Set<string>;
  dict: TermDictionary;
  nearMetrics: NearMetrics;
  loadedAt: number;
  /** How long loading took (decides whether a question may wait for a reload). */
  loadMs: number;
  /** Agencies stored when the index was read. */
  agencyCount: number;
}

/** An unknown township name reloads the agency index, but not more often than this. */
const MIN_RELOAD_MS = 60_000;
/** A reload that took less than this is awaited by the question that caused it. */
const QUICK_RELOAD_MS = 2_000;
/** Default of BotEngineOptions.agencyCheckMs. */
const AGENCY_CHECK_MS = 5_000;

export const UNAVAILABLE = SAY.unavailable;
export const MAX_QUESTION_LENGTH = 200;

export const HELP_TEXT = [
  '我可以查政府信息公开工作年度报告里的数字，例如：',
  '· 白土镇2020年政府采购金额',
  '· 白土镇和施集镇2020年采购金额对比',
  '· 2020年哪个镇收到的申请最多 / 前3名',
  '· 丰城市2020年各乡镇政府采购金额',
  '· 白土镇有哪几年的报告',
  '· 白土镇2020年报告有没有勾稽错误',
  '追问可以直接说「那施集镇呢」「2021年呢」「那采购项目数呢」。',
].join('\n');

const regionIndex = new RegionIndex();

/** API sessions are namespaced so that a portal's ids never meet the bot's (group, person) keys. */
const apiKey = (id: string) => `api:${id}`;

export class BotEngine {
  private indexes: Indexes | null = null;
  private loading: Promise<Indexes> | null = null;
  private readonly sessions: SessionStore<SessionState>;
  private readonly now: () => Date;
  private readonly refreshMs: number;
  private readonly agencyCheckMs: number;
  private agencyCheckedAt = 0;
  private readonly logger: Logger;

  constructor(private readonly options: BotEngineOptions) {
    this.sessions = options.sessions ?? new MemorySessionStore({ ttlMs: options.sessionTtlMs });
    this.now = options.now ?? (() => new Date());
    this.refreshMs = options.refreshMs ?? 30 * 60_000;
    this.agencyCheckMs = options.agencyCheckMs ?? AGENCY_CHECK_MS;
    this.logger = options.logger ?? silentLogger;
  }

  /** Load the vocabulary and the agency index (once; later calls refresh in the background when stale). */
  async ready(): Promise<void> {
    await this.currentIndexes();
  }

  /** Forget the agency index so that the next question reloads it (after an ingest). */
  invalidate(): void {
    this.indexes = null;
  }

  /**
   * A question of an API client (the GraphQL `ask` field): the server issues the session ids. A `sessionId` this
   * server issued and that is still live continues its conversation; any other (never issued, expired, guessed)
   * starts afresh under a new id. The answer's sessionId is the one to send with the follow-up.
   */
  async askInSession(question: string, sessionId?: string | null): Promise<BotAnswer & { sessionId: string }> {
    const state = sessionId ? await this.sessions.get(apiKey(sessionId)) : undefined;
    const id = state && sessionId ? sessionId : newSessionId();
    const answer = await this.ask(question, apiKey(id), state ?? {});
    return { ...answer, sessionId: id };
  }

  /** `known`: the session's state when the caller has already read it. */
  async ask(question: string, sessionId?: string, known?: SessionState): Promise<BotAnswer> {
    const graph = new GraphApi(this.options.client);
    const trimmed = question.trim();
    if (trimmed.length > MAX_QUESTION_LENGTH) return plain('refused', `问题太长了（${trimmed.length}字），请控制在${MAX_QUESTION_LENGTH}字以内。`);
    if (!trimmed) return plain('answered', HELP_TEXT);
    try {
      let indexes = await this.currentIndexes();
      if (this.namesUnknownTownship(trimmed, indexes)) {
        // wait for a quick reload; a long one (national scale) runs in the background for the next questions
        const reloading = this.reload();
        if (indexes.loadMs < QUICK_RELOAD_MS) indexes = await reloading;
        else reloading.catch((e: Error) => this.logger.warn(`agency refresh failed: ${e.message}`));
      }
      const outcome = await this.answer(trimmed, sessionId, indexes, graph, known);
      return {
        text: outcome.text,
        status: outcome.status,
        operation: graph.lastCall?.operation ?? null,
        variables: graph.lastCall?.variables ?? null,
        cells: outcome.cells ?? [],
        suggestions: outcome.suggestions ?? [],
        ...(outcome.chart ? { chart: outcome.chart } : {}),
      };
    } catch (e) {
      if (graphDown(e)) {
        this.logger.warn(`${(e as Error).message}`);
        return plain('unavailable', UNAVAILABLE);
      }
      // a bug of the bot: logged in full, the user gets a refusal that invites another wording (never a stack)
      this.logger.error(`question 「${trimmed}」 failed: ${(e as Error).stack ?? e}`);
      return plain('refused', SAY.failed);
    }
  }

  /**
   * A township the index does not know may have been ingested since it was loaded: reload (at most once a minute)
   * before saying 「没有这份报告」.
   */
  private namesUnknownTownship(question: string, ix: Indexes): boolean {
    if (Date.now() - ix.loadedAt < (this.options.minReloadMs ?? MIN_RELOAD_MS)) return false;
    const parsed = parseQuestion(question, ix.dict, this.now());
    const knowsAgency = parsed.tokens.some((t) => t.tags.some((tag) => tag.kind === 'agency'));
    return !knowsAgency && townshipNamesIn(parsed.leftover).length > 0;
  }

  private async answer(question: string, sessionId: string | undefined, ix: Indexes, graph: GraphApi, known?: SessionState): Promise<Outcome> {
    const state: SessionState = known ?? (sessionId ? await this.sessions.get(sessionId) : undefined) ?? {};
    const parsed = parseQuestion(question, ix.dict, this.now());
    const draft = this.draftFor(parsed, state, ix);
    const ctx: AnswerContext = { graph, vocab: ix.vocab, tableLabels: ix.tableLabels, agencies: ix.agencies, regions: regionIndex, sharedNames: ix.sharedNames };
    const outcome: Outcome = draft ? await this.resolve(draft, ctx) : { status: 'refused', text: `没太明白您的问题。\n${HELP_TEXT}` };
    if (sessionId) {
      const next: SessionState = { last: outcome.answered ?? state.last };
      if (outcome.clarify) next.pending = outcome.clarify;
      await this.sessions.set(sessionId, next);
    }
    if (outcome.clarify) {
      const numbered = outcome.clarify.options.map((o, i) => `${i + 1}. ${o.label}`).join('\n');
      return { ...outcome, text: `${outcome.text}\n${numbered}\n请回复序号。`, suggestions: outcome.clarify.options.map((_, i) => String(i + 1)) };
    }
    return outcome;
  }

  /** A digit answers the pending numbered question; otherwise read the question, as a follow-up when it leaves slots out. */
  private draftFor(question: Parsed, state: SessionState, ix: Indexes): Draft | null {
    let parsed = question;
    const digit = parsed.digit ?? (state.pending?.options.length === 1 && YES.test(parsed.text) ? 1 : null);
    if (state.pending && digit !== null) {
      const option = state.pending.options[digit - 1];
      if (option) return { ...state.pending.draft, ...option.patch };
    }
    const hintRow = state.last?.rows.length === 1 ? state.last.rows[0] : null;
    // 「平潭公安」, 「平潭综合实验区教育局」: a place and an agency word are that agency (or unknown), never the place
    const mention = agencyMention(parsed, ix.agencies);
    if (mention?.kind === 'agency') parsed = withAgencyToken(parsed, mention);
    const draft = buildDraft(parsed, ix.agencies, hintRow);
    if (mention && mention.kind !== 'agency') {
      draft.agencies = [];
      draft.region = [];
      draft.guess = mention.kind === 'guess' ? { term: mention.term, ids: mention.ids } : null;
      draft.unknownNames = mention.kind === 'unknown' ? [mention.name] : [];
    } else if (draft.agencies.length === 0 && draft.unknownNames.length === 0) {
      const departments = unknownDepartments(parsed);
      const shortPlace = departments.length ? departmentOfShortPlace(parsed, departments[0], ix.agencies) : [];
      // 「沭阳县发该局」: the region's name is no leftover, so the department is looked up whole
      const near = ix.agencies.nearName(parsed.leftover) ?? (departments.length ? ix.agencies.nearName(departments[0]) : null);
      draft.guess = near ? inNamedRegions(parsed, near, ix.agencies) : null;
      draft.unknownNames = draft.guess ? [] : [...unknownNamesIn(parsed.leftover), ...departments].slice(0, 1);
      if (shortPlace.length > 0) {
        // 「公安局21年…」: the department of the one agency that has it, or a question back among them
        draft.region = [];
        draft.unknownNames = [];
        if (shortPlace.length === 1) draft.agencies = [shortPlace];
        else draft.guess = { term: departments[0], ids: shortPlace };
      }
    }
    if (!draft.guess && draft.unknownNames.length === 0) draft.metricGuess = this.nearMetric(draft, parsed, ix, hintRow);
    const named = draft.unknownNames.length > 0 || draft.guess !== null;
    if (!hasSlots(draft) && !named) return hasHelp(parsed) ? { ...draft, intent: 'help' } : null;
    // a place name inside an unrelated sentence (「帮我订一张去北京的机票」) is not a question about reports
    if (onlyRegion(draft) && isMeaningful(parsed.leftover)) return null;
    // a name the index does not know is never replaced by the previous question's agency
    if (state.last && !isComplete(draft) && !named && draft.intent !== 'list') return mergeFollowUp(draft, state.last, parsed);
    return draft;
  }

  /** 「行政徐可决定数量」: no metric named, but one piece is one character off a metric word and reads as one. */
  private nearMetric(draft: Draft, parsed: Parsed, ix: Indexes, hintRow: string | null): Draft['metricGuess'] {
    if (draft.rows.length > 0 || draft.colId !== null || draft.topic !== null || !isMeaningful(parsed.leftover)) return null;
    const near = ix.nearMetrics.find(parsed.leftover, (piece) => ix.dict.lookup(piece) !== undefined);
    if (!near) return null;
    const fixed = buildDraft(parseQuestion(parsed.text.replace(near.piece, near.term), ix.dict, this.now()), ix.agencies, hintRow);
    return fixed.rows.length > 0 ? { piece: near.piece, term: near.term, draft: { ...fixed, metricGuess: null } } : null;
  }

  private async resolve(d: Draft, ctx: AnswerContext): Promise<Outcome> {
    if (d.intent === 'help') return { status: 'answered', text: HELP_TEXT };
    if (d.metricGuess) {
      const { term, draft } = d.metricGuess;
      return { status: 'asked_back', text: SAY.didYouMean(`「${term}」`), clarify: { draft: d, options: [{ label: term, patch: draft }] } };
    }
    if (d.guess) {
      const { ids } = d.guess;
      const names = [...new Set(ids.map((id) => ctx.agencies.get(id)?.name ?? id))];
      const options = ids.slice(0, 9).map((id) => {
        const agency = ctx.agencies.get(id);
        return { label: agency ? agencyLabel(ctx, agency, ids.length > 1) : id, patch: { agencies: [[id]], guess: null } };
      });
      return { status: 'asked_back', text: SAY.didYouMean(names.join('还是')), clarify: { draft: d, options } };
    }
    if (d.unknownNames.length > 0) {
      return { status: 'no_data', text: SAY.noSuchAgency(d.unknownNames[0]) + samePlaceAgencies(d.unknownNames[0], ctx), suggestions: ['有哪些报告'] };
    }
    if (d.badYears.length > 0) {
      const refused = await this.refuseYear(d, ctx);
      if (refused) return refused;
      // a report of that year exists after all (a clock behind the data): an ordinary year
      d = { ...d, years: [...d.years, ...d.badYears], badYears: [] };
    }
    const place = this.clarifyPlaces(d, ctx);
    if (place) return place;
    // 「平潭2023年那个局…」: one of the region's departments, not the region's own report
    const pointed = await this.pointedDepartment(d, ctx);
    if (pointed && 'status' in pointed) return pointed;
    if (pointed) d = pointed;
    // 「经发局2023年…」 in a group where one 经济发展局 reports: that one, its full name cited
    const bare = bareDepartment(d, ctx.agencies);
    // the department word is read now: it names no column
    // (「经发局的联系电话」: with its agency found, a topic word asks what the report says)
    if (bare) d = { ...d, agencies: [[bare.id]], unread: (d.unread ?? '').replace(bare.word, ''), intent: intentOfNamedAgency(d) };
    if (asksOfOneAgency(d)) {
      // 「平潭2024年行政复议比2023年多还是少」, 「平潭2024年行政诉讼一共多少件」: a region stands for its agency
      const picked = await this.agencyOfRegion(d, ctx);
      if (picked && 'status' in picked) return picked;
      if (picked) d = picked;
    } else if (asksOfRegionItself(d)) {
      // 「平潭2021年现行有效规范性文件数量」: the region's own government or zone, not a list of its departments
      const head = await this.headOfRegion(d, ctx);
      // 「福州市2024年…多少」 with reports only of places inside it: they are listed as what exists, not as 福州市's number
      if (head === 'none' && d.intent === null) d = { ...d, ownMissing: true };
      else if (head && head !== 'none') d = head;
    }
    if (d.ratio) return this.resolveRatio(d, ctx);
    if (d.intent === 'list') return answerList(ctx, d);
    if (d.intent === 'about' || d.intent === 'checks' || (d.intent === null && d.rows.length === 0 && d.agencies.length > 0)) return this.resolveReportQuestion(d, ctx);
    if (d.parts.length >= 2) return this.resolveParts(d, ctx);
    // a sum is one value of one report; ranked or compared, the rows are told apart (asked back)
    // (「哪个省被起诉最多」 adds the rows up per province)
    const perProvince = d.level === 'province' && (d.intent === 'rank' || d.intent === 'each');
    if (d.sum && !perProvince && !(d.intent === null && d.agencies.length === 1 && d.years.length <= 1)) d.sum = false;
    const metric = await this.clarifyMetric(d, ctx);
    if (metric) return metric;
    return this.resolveMetricQuestion(d, ctx);
  }

  /** 「收到多少申请，予以公开多少」: each value answered in turn; the first question back stops there. */
  private async resolveParts(d: Draft, ctx: AnswerContext): Promise<Outcome> {
    const done: Outcome[] = [];
    for (const part of d.parts) {
      const one: Draft = { ...d, rows: part.rows, colId: part.colId, sum: part.sum ?? false, sumWord: part.sumWord ?? null, parts: [] };
      const outcome = (await this.clarifyMetric(one, ctx)) ?? (await this.resolveMetricQuestion(one, ctx));
      if (outcome.clarify) return outcome;
      done.push(outcome);
    }
    const answered = done.some((o) => o.status === 'answered');
    return {
      status: answered ? 'answered' : done[0].status,
      text: done.map((o) => o.text).join('\n'),
      cells: done.flatMap((o) => o.cells ?? []),
      answered: d,
    };
  }

  /**
   * 「予以公开占比」, 「今年申请数是去年的几倍」: computed from two printed cells of the reports asked about, or refused
   * when the question names no such pair (a ranking by share, a whole the form does not imply).
   */
  private async resolveRatio(d: Draft, ctx: AnswerContext): Promise<Outcome> {
    const refused: Outcome = { status: 'refused', text: SAY.noRatio };
    if (d.agencies.length === 0 || (d.rows.length === 0 && d.parts.length === 0) || SCOPE_INTENTS.includes(d.intent ?? '')) return refused;
    const parts: MetricPart[] = d.parts.length >= 2 ? [...d.parts] : [{ rows: d.rows, colId: d.colId, sum: d.sum, sumWord: d.sumWord ?? undefined }];
    if (parts.length > 2) return refused;
    for (let i = 0; i < parts.length; i++) {
      const one: Draft = { ...d, rows: parts[i].rows, colId: parts[i].colId, sum: parts[i].sum ?? false, sumWord: parts[i].sumWord ?? null, parts: [] };
      const asked = await this.clarifyMetric(one, ctx);
      if (asked) return d.parts.length >= 2 ? partQuestion(d, parts, i, asked) : asked;
      parts[i] = { ...parts[i], rows: one.rows, colId: one.colId, sum: one.sum };
    }
    if (d.years.length === 0) {
      const years = await this.availableYears(d, ctx);
      if (years.length === 0) return { status: 'no_data', text: await this.noCommonYear(d, ctx) };
      if (years.length > 1) return this.yearQuestion(d, years);
      d = { ...d, years };
    }
    const agency = (i: number) => ctx.agencies.get(d.agencies[i][0])!;
    const side = (i: number, year: number, part: MetricPart): RatioSide => ({ who: `${agencyLabel(ctx, agency(i))}${year}年`, agency: agency(i), year, part });
    const [first, second] = parts.length === 2 ? parts : [parts[0], parts[0]];
    if (d.ratio === 'times') {
      const year = d.years[0];
      if (parts.length === 2) return answerTimes(ctx, d, [side(0, year, first), side(0, year, second)]);
      if (d.agencies.length >= 2) return answerTimes(ctx, d, [side(0, year, first), side(1, year, first)]);
      const other = d.years.length >= 2 ? d.years[1] : d.yoy ? year - 1 : null;
      return other === null ? refused : answerTimes(ctx, d, [side(0, year, first), side(0, other, first)]);
    }
    // 「2023年收到的申请是2025年的百分之几」: the same cell of two years or two agencies, as a percentage
    if (parts.length === 1 && (d.agencies.length > 1 || d.years.length > 1)) {
      const year = d.years[0];
      const other = d.agencies.length > 1 ? side(1, year, first) : side(0, d.years[1], first);
      return answerTimes(ctx, d, [side(0, year, first), other], true);
    }
    // a share of one report: of the part the question names, else of the whole the form implies
    if (d.agencies.length > 1 || d.years.length > 1) return refused;
    const whole = parts.length === 2 ? second : impliedWhole(ctx.vocab, first);
    if (!whole) {
      const rowLabel = ctx.vocab.metric(`${first.rows[0]}.${first.colId ?? 'total'}`)?.rowLabel ?? first.rows[0];
      return { status: 'refused', text: SAY.ratioWhole(labelForms(rowLabel)[0] ?? rowLabel) };
    }
    return answerShare(ctx, d, first, whole);
  }

  /**
   * The region's own agencies with a report of every asked year: the one is the agency asked about, a few are the
   * choices of a question back; none or many leave the draft as it is (no report at all of the year is said).
   */
  private async agencyOfRegion(d: Draft, ctx: AnswerContext): Promise<Draft | Outcome | null> {
    const years = d.yoy && d.years.length === 1 ? [d.years[0], d.years[0] - 1] : d.years.length > 0 ? d.years : [null];
    const ids = await agenciesOfEveryYear(d.region[0], years, ctx);
    if (ids === null) return null;
    const all = ids.filter((id) => ctx.agencies.get(id));
    // 「沭阳县2025年不予处理一共几件」 with no report of 2025 there: said, not asked back about the rows
    if (all.length === 0 && d.intent !== 'compare' && d.years.length === 1) {
      return { status: 'no_data', text: `没有这份报告：库里没有${describeRegion(ctx.regions, d.region[0])}${d.years[0]}年的年度报告。`, answered: d };
    }
    // only the region's own agencies (its government, zone, departments) stand for it, never a township inside it;
    // 「平潭2024年…」 names the zone (or the government) of 平潭 itself rather than one of its departments
    const own = all.filter((id) => ctx.agencies.get(id)?.regionCode === d.region[0]);
    const heads = own.filter((id) => HEAD_KINDS.has(ctx.agencies.get(id)?.kind ?? ''));
    const found = heads.length === 1 ? heads : own;
    // 「一共」 of the rows of one report is that report's sum, not a total over reports
    const intent = intentOfNamedAgency(d);
    if (found.length === 1) return { ...d, agencies: [found], region: [], intent };
    // 「丰城市2020年采购金额比2021年多多少」 with no agency there reporting both years: each year's reports said
    if (all.length === 0 && d.intent === 'compare' && d.years.length > 1) return this.noAgencyOfEveryYear(d, ctx);
    if (found.length < 2 || found.length > 9) return null;
    const options = found.map((id) => ({ label: agencyLabel(ctx, ctx.agencies.get(id)!, true), patch: { agencies: [[id]], region: [], intent } }));
    return { status: 'asked_back', text: '您指的是：', clarify: { draft: d, options } };
  }

  private async noAgencyOfEveryYear(d: Draft, ctx: AnswerContext): Promise<Outcome> {
    const region = describeRegion(ctx.regions, d.region[0]);
    const each: string[] = [];
    for (const year of d.years) {
      const ids = (await agenciesOfEveryYear(d.region[0], [year], ctx)) ?? [];
      // in one fixed order (reports of one year come in no set order)
      const names = ids.map((id) => agencyLabel(ctx, agencyOf(ctx, id))).sort().slice(0, 5);
      each.push(names.length > 0 ? `${year}年有${names.join('、')}${ids.length > names.length ? `等${ids.length}份` : ''}的报告` : `${year}年没有报告`);
    }
    return { status: 'no_data', text: `库里没有${region}哪个机关${d.years.join('年和')}年都有的报告，无法比较：${each.join('；')}。`, answered: d };
  }

  /**
   * The one government or zone of the region itself with a report of every asked year, as the agency asked about;
   * 'none' when every report of the region was read and none is one; null when undecided (more than one, too many
   * reports to read).
   */
  private async headOfRegion(d: Draft, ctx: AnswerContext): Promise<Draft | 'none' | null> {
    const ids = await agenciesOfEveryYear(d.region[0], d.years, ctx);
    if (ids === null) return null;
    const heads = ids.filter((id) => {
      const agency = ctx.agencies.get(id);
      return agency?.regionCode === d.region[0] && HEAD_KINDS.has(agency.kind ?? '');
    });
    if (heads.length === 0) return 'none';
    return heads.length === 1 ? { ...d, agencies: [heads], region: [], intent: intentOfNamedAgency(d) } : null;
  }

  /** A year no report can have: named with the years the agency's reports do have, never answered with one of them. */
  private async refuseYear(d: Draft, ctx: AnswerContext): Promise<Outcome | null> {
    const year = d.badYears[0];
    const ids = d.agencies[0];
    const agency = ids?.length === 1 ? ctx.agencies.get(ids[0]) : undefined;
    if (!agency) {
      // the graph takes statistics years up to 2100 only
      if (year > this.now().getFullYear() && year < 2100 && (await ctx.graph.reports(null, year, 1)).totalCount > 0) return null;
      return { status: 'refused', text: SAY.badYear(year, this.now().getFullYear()) };
    }
    const have = (await ctx.graph.agencyReports(agency.id)).map((r) => r.year);
    if (have.includes(year)) return null;
    return { status: 'refused', text: SAY.noReport(agencyLabel(ctx, agency), year, have), answered: { ...d, badYears: [] } };
  }

  /** Several agencies or regions of one name → a numbered question. */
  private clarifyPlaces(d: Draft, ctx: AnswerContext): Outcome | null {
    const index = d.agencies.findIndex((ids) => ids.length > 1);
    if (index >= 0) {
      const options = d.agencies[index].slice(0, 9).map((id) => {
        const agency = ctx.agencies.get(id);
        const agencies = d.agencies.map((ids, i) => (i === index ? [id] : ids));
        return { label: agency ? agencyLabel(ctx, agency, true) : id, patch: { agencies } };
      });
      return { status: 'asked_back', text: '您指的是：', clarify: { draft: d, options } };
    }
    if (d.region.length > 1) {
      const options = d.region.slice(0, 9).map((code) => ({ label: describeRegion(ctx.regions, code), patch: { region: [code] } }));
      return { status: 'asked_back', text: '您指的是哪个地方：', clarify: { draft: d, options } };
    }
    return null;
  }

  /** The row (and column) of the table; asks back rather than guessing. */
  private async clarifyMetric(d: Draft, ctx: AnswerContext): Promise<Outcome | null> {
    // 「平潭公安局2022年行政处罚多少」 with no 2022 report: said, before asking which column
    const missing = await this.missingReport(d, ctx);
    if (missing) return missing;
    // 「平潭今年行政许可多少」 (no report of 2026 anywhere in 平潭): said before anything else; a question over the whole
    // country (「2020年哪个镇…」) pays that query only when it would otherwise be asked back
    const named = d.agencies.length === 0 && d.region.length === 1 ? await this.missingYearOfRegion(d, ctx) : null;
    if (named) return named;
    const asked = await this.clarifyRowAndColumn(d, ctx);
    if (asked?.status === 'asked_back' && d.agencies.length === 0 && d.region.length === 0) return (await this.missingYearOfRegion(d, ctx)) ?? asked;
    return asked;
  }

  private async clarifyRowAndColumn(d: Draft, ctx: AnswerContext): Promise<Outcome | null> {
    if (d.rows.length === 0) {
      const who = d.agencies.length > 0 ? '' : '（例如「2020年哪个镇政府采购金额最高」）';
      return { status: 'asked_back', text: `您想查哪一项数据？例如政府采购金额、收到的申请数、予以公开数、行政复议数${who}。`, suggestions: ['帮助'] };
    }
    const formats = await this.formatsInScope(d, ctx);
    const format = formats.length === 1 ? formats[0] : null;
    const inFormat = (rowKey: string) => [...(ctx.vocab.rows.get(rowKey)?.cols.values() ?? [])].some((m) => !format || m.formats.includes(format));
    if (format === '2021' && !d.sum && sameSet(d.rows, OTHER_HANDLING.named)) return this.otherHandling2021(d, ctx);
    if (d.rows.length > 1 && !d.sum) {
      // 「其他处理」 is one row in the 2019 form and another in the 2021 form: the report's form decides
      const fitting = d.rows.filter(inFormat);
      if (fitting.length === 1) d.rows = fitting;
      else {
        const options = d.rows.slice(0, 9).map((rowKey) => ({ label: ctx.vocab.rows.get(rowKey)?.rowLabel ?? rowKey, patch: { rows: [rowKey], colId: d.colId, sum: false, parts: [] } }));
        return { status: 'asked_back', text: '您想查的是哪一项：', clarify: { draft: d, options } };
      }
    }
    if (d.sum) {
      d.colId ??= 'total';
      return null;
    }
    const row = ctx.vocab.rows.get(d.rows[0]);
    if (!row) return { status: 'no_data', text: '没有这一项数据。' };
    const orgCols = [...row.cols.values()].filter((m) => ORG_COLUMNS.includes(colIdOf(m.key)));
    // 「法人或其他组织」 reads as its last column 「其他（组织）」 unless caught here
    // (「法人或其他组织下面“其他”那一栏」 names that column inside the group)
    const wholeGroup = !d.colId || (d.colId === 'other_org' && /法人或其他组织/.test(d.content) && !ORG_OTHER_COLUMN.test(d.content));
    if (d.colId && row.cols.has(d.colId) && !wholeGroup) return null;
    // 「法人提的申请一共几件」 of one report: the group's columns added up
    if (ORG_GROUP.test(d.content) && wholeGroup && orgCols.length > 1 && SUM_WORD.test(d.content) && d.agencies.length === 1 && d.years.length === 1) {
      return answerColumnSum(ctx, d, orgCols.map((m) => colIdOf(m.key)), '法人或其他组织');
    }
    if (ORG_GROUP.test(d.content) && wholeGroup && orgCols.length > 1) {
      // 「法人申请多少件」 names five columns, none of them 总计
      const options = orgCols.map((m) => ({ label: m.colLabel, patch: { colId: colIdOf(m.key) } }));
      return { status: 'asked_back', text: `「法人或其他组织」分${orgCols.length}列，您想查哪一列：`, clarify: { draft: d, options } };
    }
    // only where the row's 总计 would otherwise be answered silently
    if (d.strayCol && !d.colId && row.cols.has('total')) {
      const options = [...row.cols.values()].filter((m) => !format || m.formats.includes(format))
        .map((m) => ({ label: m.colLabel, patch: { colId: colIdOf(m.key), strayCol: null } }));
      return { status: 'asked_back', text: SAY.noSuchColumn(labelForms(row.rowLabel)[0] ?? row.rowLabel, d.strayCol), clarify: { draft: d, options } };
    }
    // words nothing read may name a column (「还没审结」, 「被撤销的」): asked, never answered as the row's 总计
    if (row.cols.has('total') && row.cols.size > 1 && mayNameColumn(d.unread ?? '', row)) {
      const options = [...row.cols.values()].filter((m) => !format || m.formats.includes(format))
        .map((m) => ({ label: m.colLabel, patch: { colId: colIdOf(m.key), unread: '' } }));
      return { status: 'asked_back', text: SAY.unreadColumn(d.unread ?? '', labelForms(row.rowLabel)[0] ?? row.rowLabel), clarify: { draft: d, options } };
    }
    if (row.cols.has('total')) {
      d.colId = 'total';
      return null;
    }
    const cols = [...row.cols.values()];
    // 「审批局19年和23年行政许可比较」 (a 2019 and a 2021 report): a column both templates print, when there is one
    const inAll = cols.filter((m) => formats.every((f) => m.formats.includes(f)));
    const inTemplate = formats.length > 0 && inAll.length > 0 ? inAll : cols;
    // 「多少钱」 fits the one money column, 「几个项目」 the one count of projects
    const byUnit = d.unit ? inTemplate.filter((m) => m.unit === d.unit) : [];
    const fittingCols = byUnit.length === 1 ? byUnit : inTemplate;
    if (fittingCols.length === 1) {
      d.colId = colIdOf(fittingCols[0].key);
      return null;
    }
    const options = (fittingCols.length > 0 ? fittingCols : cols).map((m) => ({ label: `${m.colLabel}（${m.formats.map((f) => `${f}年版`).join('、')}表格）`, patch: { colId: colIdOf(m.key) } }));
    return { status: 'asked_back', text: `「${row.rowLabel}」有几列，您想查哪一列：`, clarify: { draft: d, options } };
  }

  /**
   * 「其他处理」 of a 2021-form report is its group 三（六）: the three rows added up for one report's value (its item 3
   * alone would be a part given as the whole); ranked or compared, the rows are told apart by a question back.
   */
  private otherHandling2021(d: Draft, ctx: AnswerContext): Outcome | null {
    if (d.agencies.length === 1 && d.years.length <= 1 && (d.intent === null || d.intent === 'value')) {
      d.rows = [...OTHER_HANDLING.rows2021];
      d.sum = true;
      d.sumWord = OTHER_HANDLING.word;
      d.colId ??= 'total';
      return null;
    }
    const options = OTHER_HANDLING.rows2021.map((rowKey) => ({ label: ctx.vocab.rows.get(rowKey)?.rowLabel ?? rowKey, patch: { rows: [rowKey], colId: d.colId, sum: false, parts: [] } }));
    return { status: 'asked_back', text: `「${OTHER_HANDLING.word}」在2021年版表格分${options.length}项，您想查哪一项：`, clarify: { draft: d, options } };
  }

  /** One agency asked about for years it has no report of: 「没有这份报告」 with the years it has. */
  private async missingReport(d: Draft, ctx: AnswerContext): Promise<Outcome | null> {
    if (d.agencies.length !== 1 || d.agencies[0].length !== 1 || d.years.length === 0) return null;
    const agency = ctx.agencies.get(d.agencies[0][0]);
    if (!agency) return null;
    const have = (await ctx.graph.agencyReports(agency.id)).map((r) => r.year);
    const absent = d.years.filter((y) => !have.includes(y));
    // a comparison tells each missing year on its own line
    if (absent.length === 0 || absent.length < d.years.length) return null;
    return { status: 'no_data', text: SAY.noReport(agencyLabel(ctx, agency), absent[0], have), answered: d, suggestions: [`${agency.name}有哪几年的报告`] };
  }

  /** 「平潭今年行政许可多少」 (no report of 2026 anywhere in 平潭): said, before asking which column. */
  private async missingYearOfRegion(d: Draft, ctx: AnswerContext): Promise<Outcome | null> {
    if (d.region.length > 1 || d.years.length === 0) return null;
    const region = d.region[0] ?? null;
    for (const year of d.years) if ((await ctx.graph.reports(region, year, 1)).totalCount > 0) return null;
    const where = region ? describeRegion(ctx.regions, region) : '';
    return { status: 'no_data', text: `没有找到${where}${d.years.join('、')}年的年度报告。${await latestHint(ctx, region, d.years[0])}`, answered: d, suggestions: ['有哪些报告'] };
  }

  /** The templates of the reports the question is about (empty when undecided: no agency, several years of a region). */
  private async formatsInScope(d: Draft, ctx: AnswerContext): Promise<string[]> {
    if (d.agencies.length === 0 && d.years.length === 1) {
      // 「2022年哪个机关规章最多」: the reports of that year (and region) decide the template when they share one
      const { reports } = await ctx.graph.reports(d.region[0] ?? null, d.years[0], 100);
      return [...new Set(reports.map((r) => r.format).filter((f): f is string => f !== null))];
    }
    if (d.agencies.length !== 1 || d.agencies[0].length !== 1) return [];
    const reports = await ctx.graph.agencyReports(d.agencies[0][0]);
    const inScope = d.years.length > 0 ? reports.filter((r) => d.years.includes(r.year)) : reports;
    // every report in scope on one template: only that template's columns can be meant
    return [...new Set(inScope.map((r) => r.format).filter((f): f is string => f !== null))];
  }

  /** 「那个局」, 「哪个委」 of a region: its departments of that word with a report of every asked year, one or asked back. */
  private async pointedDepartment(d: Draft, ctx: AnswerContext): Promise<Draft | Outcome | null> {
    const word = POINTED_DEPARTMENT.exec(d.content)?.[1];
    // 「平潭哪个局收到申请最多」 ranks them
    if (!word || d.agencies.length > 0 || d.region.length !== 1 || d.intent === 'rank' || d.topN !== null) return null;
    const ids = await agenciesOfEveryYear(d.region[0], d.years, ctx);
    if (ids === null) return null;
    const departments = ids.filter((id) => {
      const agency = ctx.agencies.get(id);
      return agency?.kind === 'department' && agency.name.endsWith(word);
    });
    if (departments.length === 0) return null;
    const intent = intentOfNamedAgency(d);
    if (departments.length === 1) return { ...d, agencies: [departments], region: [], intent };
    const options = departments.slice(0, MAX_OPTIONS).map((id) => ({ label: agencyLabel(ctx, ctx.agencies.get(id)!, true), patch: { agencies: [[id]], region: [], intent } }));
    return { status: 'asked_back', text: `您指的是哪个${word}：`, clarify: { draft: d, options } };
  }

  /** Questions about one report as a whole: its checks, or its text when no table row was named. */
  private async resolveReportQuestion(d: Draft, ctx: AnswerContext): Promise<Outcome> {
    const agency = ctx.agencies.get(d.agencies[0]?.[0] ?? '');
    if (!agency) return { status: 'asked_back', text: '请说明是哪个机关的报告，例如「白土镇2020年报告有没有勾稽错误」。' };
    const picked = await this.pickReport(d, ctx, agency.id);
    if ('text' in picked) return picked;
    if (d.intent === 'checks') return answerChecks(ctx, d, picked.report, agency);
    if (d.intent === 'about' && d.topic) return answerAbout(ctx, d, picked.report, agency, d.topic);
    if (!isMeaningful(d.content)) {
      return { status: 'asked_back', text: `您想查${agencyLabel(ctx, agency)}${picked.report.year}年报告的哪一项？例如政府采购金额、收到的申请数、行政复议数。`, answered: d };
    }
    return answerQuote(ctx, { ...d, intent: 'quote', years: [picked.report.year] }, picked.report, agency);
  }

  /** The report of the asked year, the only report when no year is given, or a question back. */
  private async pickReport(d: Draft, ctx: AnswerContext, agencyId: string): Promise<{ report: ReportNode } | Outcome> {
    const reports = await ctx.graph.agencyReports(agencyId);
    const agency = ctx.agencies.get(agencyId);
    const name = agency ? agencyLabel(ctx, agency) : '';
    if (reports.length === 0) return { status: 'no_data', text: `没有这份报告：库里还没有${name}的年度报告。` };
    if (d.years.length > 0) {
      const report = reports.find((r) => r.year === d.years[0]);
      if (report) return { report };
      return { status: 'no_data', text: SAY.noReport(name, d.years[0], reports.map((r) => r.year)), answered: d };
    }
    if (reports.length === 1) return { report: reports[0] };
    // 「经发局的联系电话」: when every report gives the same phone and address, there is one answer (the newest cited)
    if (d.intent === 'about' && d.topic === 'contact' && (await sameContact(reports, ctx))) return { report: reports.reduce((a, b) => (b.year > a.year ? b : a)) };
    return this.yearQuestion(d, reports.map((r) => r.year));
  }

  private yearQuestion(d: Draft, years: number[]): Outcome {
    const options = [...new Set(years)].sort((a, b) => b - a).slice(0, 9).map((year) => ({ label: `${year}年`, patch: { years: [year] } }));
    return { status: 'asked_back', text: '您问的是哪一年：', clarify: { draft: d, options } };
  }

  private async resolveMetricQuestion(d: Draft, ctx: AnswerContext): Promise<Outcome> {
    const intent = d.intent ?? (d.agencies.length > 1 || d.years.length > 1 || d.yoy ? 'compare' : d.agencies.length === 1 ? 'value' : d.region.length === 1 ? 'each' : null);
    if (intent === null) {
      return (await this.whichAgency(d, ctx)) ?? { status: 'asked_back', text: '请说明是哪个乡镇（例如「白土镇2020年政府采购金额」），或者问排名（例如「2020年哪个镇政府采购金额最高」）。' };
    }
    const full = { ...d, intent };
    if (full.years.length === 0) {
      const years = await this.availableYears(full, ctx);
      if (years.length === 0) return { status: 'no_data', text: await this.noCommonYear(full, ctx) };
      if (years.length === 1 && intent !== 'sum' && intent !== 'avg') full.years = years;
      else if (intent !== 'sum' && intent !== 'avg') return this.yearQuestion(full, years);
    }
    // 「哪类申请人最多」, 「各类申请人分别多少」 of one report or of the reports in scope: the applicant columns
    if (full.applicants && (intent === 'rank' || intent === 'value' || intent === 'each') && full.years.length === 1 && full.agencies.length <= 1) return answerApplicants(ctx, full);
    // a ranking, list or total is of one year: 「2020年和2021年哪个镇…」 is asked back, never answered for the first
    if (SCOPE_INTENTS.includes(intent) && full.years.length > 1) return this.yearQuestion(full, full.years);
    switch (intent) {
      case 'value':
        if (full.agencies.length === 0) return (await this.whichAgency(full, ctx)) ?? { status: 'asked_back', text: SAY.whichAgency };
        return full.sum ? answerSum(ctx, full) : answerValue(ctx, full);
      case 'compare':
        if (full.agencies.length === 0) return { status: 'refused', text: SAY.compareWhat };
        return full.agencies.length < 2 && full.years.length < 2 && !full.yoy ? answerValue(ctx, full) : answerCompare(ctx, full);
      case 'rank': return full.level === 'province' ? answerProvinces(ctx, full) : answerRank(ctx, full);
      case 'each': return full.level === 'province' ? answerProvinces(ctx, full) : answerEach(ctx, full);
      case 'sum': return answerAggregate(ctx, full, 'sum');
      case 'avg': return answerAggregate(ctx, full, 'avg');
      default: return { status: 'answered', text: HELP_TEXT };
    }
  }

  /**
   * A question that names no agency, asked back with the agencies that fit: those whose name has the department word
   * the question uses (「财政金融局…」), else those with a report of the year asked (「2019年收到多少申请」). Null when
   * none or too many fit (the generic question back then).
   */
  private async whichAgency(d: Draft, ctx: AnswerContext): Promise<Outcome | null> {
    if (d.agencies.length > 0 || d.region.length > 0) return null;
    const word = DEPARTMENT_WORD.exec(d.content)?.[0];
    let ids: string[] = [];
    if (word) ids = fittingDepartmentWord(d.content, ctx.agencies)?.ids ?? [];
    else if (d.years.length === 1) ids = [...new Set((await ctx.graph.reports(null, d.years[0], 100)).reports.map((r) => r.agency.id))];
    if (ids.length === 0 || ids.length > MAX_OPTIONS) return null;
    const options = ids.map((id) => ({ label: agencyLabel(ctx, agencyOf(ctx, id)), patch: { agencies: [[id]] } }));
    return { status: 'asked_back', text: '您问的是哪个机关的报告：', clarify: { draft: d, options } };
  }

  /** 「白土镇和港口乡…对比」 with no year both have reports of: each agency's years, so the user can pick one. */
  private async noCommonYear(d: Draft, ctx: AnswerContext): Promise<string> {
    if (d.agencies.length < 2) return SAY.noReports;
    const parts: string[] = [];
    for (const ids of d.agencies) {
      const agency = ctx.agencies.get(ids[0]);
      const years = (await ctx.graph.agencyReports(ids[0])).map((r) => r.year);
      if (agency) parts.push(`${agencyLabel(ctx, agency)}${years.length > 0 ? `有${yearList(years)}的报告` : '还没有报告'}`);
    }
    return SAY.noCommonYear(parts.join('，'));
  }

  /** Years with reports: of the named agencies (all of them), else of the region scope. */
  private async availableYears(d: Draft, ctx: AnswerContext): Promise<number[]> {
    if (d.agencies.length > 0) {
      let common: number[] | null = null;
      for (const ids of d.agencies) {
        const years = (await ctx.graph.agencyReports(ids[0])).map((r) => r.year);
        common = common === null ? years : common.filter((y) => years.includes(y));
      }
      return common ?? [];
    }
    const { reports } = await ctx.graph.reports(d.region[0] ?? null, null, 100);
    return [...new Set(reports.map((r) => r.year))];
  }

  // ---------------------------------------------------------------- indexes

  private async currentIndexes(): Promise<Indexes> {
    const current = this.indexes;
    if (current && Date.now() - current.loadedAt < this.refreshMs) return (await this.agenciesChanged(current)) ? this.freshIndexes(current) : current;
    if (current) {
      // stale: answer with what we have, refresh in the background
      void this.reload().catch((e: Error) => this.logger.warn(`agency refresh failed: ${e.message}`));
      return current;
    }
    return this.reload();
  }

  /** True when the stored agencies are no longer those indexed (checked at most every agencyCheckMs). */
  private async agenciesChanged(current: Indexes): Promise<boolean> {
    if (Date.now() - this.agencyCheckedAt < this.agencyCheckMs || this.loading) return false;
    this.agencyCheckedAt = Date.now();
    const count = await new GraphApi(this.options.client).agencyCount().catch(() => current.agencyCount);
    return count !== current.agencyCount;
  }

  /** A reload the question waits for when it is quick; otherwise the question is answered from `current`. */
  private freshIndexes(current: Indexes): Promise<Indexes> {
    const reloading = this.reload();
    if (current.loadMs < QUICK_RELOAD_MS) return reloading;
    reloading.catch((e: Error) => this.logger.warn(`agency refresh failed: ${e.message}`));
    return Promise.resolve(current);
  }

  private reload(): Promise<Indexes> {
    if (!this.loading) {
      this.loading = this.load()
        .then((ix) => {
          this.indexes = ix;
          return ix;
        })
        .finally(() => {
          this.loading = null;
        });
    }
    return this.loading;
  }

  private async load(): Promise<Indexes> {
    const started = Date.now();
    const graph = new GraphApi(this.options.client);
    const { metrics, agencies: records } = await graph.vocabulary(regionIndex.provinceCodes());
    const vocab = new MetricVocabulary(metrics);
    const agencies = new AgencyIndex(records);
    const tableLabels = new Map(metrics.map((m) => [m.key.split('.')[0], m.tableLabel]));
    const counts = new Map<string, number>();
    for (const a of records) counts.set(a.name, (counts.get(a.name) ?? 0) + 1);
    const sharedNames = new Set([...counts].filter(([, n]) => n > 1).map(([name]) => name));
    const dict = new TermDictionary(vocab, agencies, regionIndex);
    this.logger.info(`bot vocabulary: ${vocab.size} metrics, ${agencies.size} agencies (${Date.now() - started} ms)`);
    const nearMetrics = new NearMetrics(vocab.terms.keys());
    return { vocab, tableLabels, agencies, sharedNames, dict, nearMetrics, loadedAt: Date.now(), loadMs: Date.now() - started, agencyCount: records.length };
  }
}


/** Township names of the country the index lacks, and names that look like one (「白士镇」) when none is known. */
const SCOPE_INTENTS: readonly string[] = ['rank', 'each', 'sum', 'avg'];

/** The applicant columns of 表三 that 「法人或其他组织」 spans. */
const ORG_COLUMNS = ['commercial', 'research', 'social_org', 'legal_service', 'other_org'];

function unknownNamesIn(text: string): string[] {
  const leftover = text.replace(LEVEL_WORDS, ' ');
  const known = townshipNamesIn(leftover);
  if (known.length > 0) return known;
  const m = /[\u3400-\u4dbf\u4e00-\u9fff\u3007]{1,6}?(?:镇|乡|街道)(?![\u3400-\u4dbf\u4e00-\u9fff\u3007])/.exec(leftover.replace(LEAD_WORDS, ' '));
  return m && !LEVEL_PIECES.test(m[0]) ? [m[0]] : [];
}

/** Reports compared for one contact (an agency's reports of the years a question back can list). */
const CONTACT_REPORTS = 9;

/** Whether an agency's reports print one phone and one address (else the year decides which). */
async function sameContact(reports: readonly ReportNode[], ctx: AnswerContext): Promise<boolean> {
  if (reports.length > CONTACT_REPORTS) return false;
  const infos = await Promise.all(reports.map((r) => ctx.graph.reportInfo(r.id)));
  return new Set(infos.map((i) => `${i?.contact?.phone ?? ''}|${i?.contact?.address ?? ''}`)).size === 1;
}

/** 「上海市政府」 unknown: the agencies of the same place that are in the data, so the user can ask one of them. */
function samePlaceAgencies(name: string, ctx: AnswerContext): string {
  const place = PLACE_PREFIX.exec(name)?.[0];
  if (!place) return '';
  const names = [...new Set([...ctx.agencies.byId.values()].filter((a) => a.name.startsWith(place)).map((a) => a.name))];
  if (names.length === 0) return '';
  const shown = names.slice(0, SAME_PLACE_LISTED);
  return `库里${place}的报告有：${shown.join('、')}${names.length > shown.length ? `等${names.length}个机关` : ''}。`;
}

/** The place a name starts with (「上海市」 of 「上海市政府」), as far as its first level word. */
const PLACE_PREFIX = /^[\u4e00-\u9fff]{2,8}?(?:省|自治区|市|自治州|州|盟|县|区|旗)/;
const SAME_PLACE_LISTED = 5;

/** 「一共」, 「合计」: the parts of a group added up. */
const SUM_WORD = /一共|总共|合计|加起来|共计|总计|总数/;

/** The column 其他 named inside the applicant group 法人或其他组织. */
const ORG_OTHER_COLUMN = /法人或其他组织(?:下面|下边|下的|里面|里边|里的|中的|当中|里|中|的)[^其]{0,6}其他/;

/** Choices a question back lists at most (one digit to reply). */
const MAX_OPTIONS = 9;

/** The agencies a region's name stands for when its departments also report. */
const HEAD_KINDS = new Set(['government', 'zone']);

/** Reports of a region read to find its agencies (a region with more reports is not one agency's). */
const REGION_AGENCIES_READ = 50;

/** The agencies of the region with a report of every year (null: a year has more reports than are read). */
async function agenciesOfEveryYear(region: string, years: readonly (number | null)[], ctx: AnswerContext): Promise<string[] | null> {
  let ids: string[] | null = null;
  for (const year of years) {
    const { totalCount, reports } = await ctx.graph.reports(region, year, REGION_AGENCIES_READ);
    if (totalCount > reports.length) return null;
    const have = [...new Set(reports.map((r) => r.agency.id))];
    ids = ids === null ? have : ids.filter((id) => have.includes(id));
  }
  return ids ?? [];
}

/**
 * Questions only one agency's reports can answer, asked of a region: a comparison of years, a sum of rows (「行政诉讼
 * 一共」), a share or ratio. A ranking or list of the region stays a question about its agencies.
 */
function asksOfOneAgency(d: Draft): boolean {
  if (d.agencies.length > 0 || d.region.length !== 1) return false;
  const oneReport = d.intent === null || d.intent === 'value' || d.intent === 'sum' || d.intent === 'each';
  // 「平潭2022年联系电话」, 「平潭2022年报告有没有勾稽错误」: what one report says
  const aboutReport = d.topic !== null || d.intent === 'checks';
  return (d.intent === 'compare' && (d.years.length > 1 || d.yoy)) || (d.sum && oneReport) || (d.ratio !== null && oneReport) || aboutReport;
}

/**
 * A value of given years asked of a region with no level word (「平潭2021年…」, 「平潭2023年和2024年…分别」), not 「各乡镇」
 * or a ranking: the region's own report, when it has one.
 */
function asksOfRegionItself(d: Draft): boolean {
  if (d.agencies.length > 0 || d.region.length !== 1 || d.level !== null || d.years.length === 0) return false;
  // 「平潭前年复议后起诉一共几件」: 一共 counts the cases of the report; 「全区」, 「各单位」 ask for the region's sum
  const ownSum = d.intent === 'sum' && !REGION_WIDE.test(d.content);
  return (d.intent === null || d.intent === 'value' || d.intent === 'each' || ownSum) && d.rows.length > 0;
}

/** Words that make a sum one over every agency of the region. */
const REGION_WIDE = /全(?:省|市|县|区|州|旗)|所有|全部|各单位|各部门|各机关|各地/;

/** A question back about one value of a two-valued ratio: the reply completes that value and keeps the other. */
function partQuestion(d: Draft, parts: MetricPart[], i: number, asked: Outcome): Outcome {
  const clarify = asked.clarify;
  if (!clarify) return asked;
  const options = clarify.options.map((o) => ({
    label: o.label,
    patch: { parts: parts.map((p, j) => (j === i ? { ...p, rows: o.patch.rows ?? clarify.draft.rows, colId: o.patch.colId !== undefined ? o.patch.colId : clarify.draft.colId } : p)) },
  }));
  return { ...asked, clarify: { draft: d, options } };
}

function onlyRegion(d: Draft): boolean {
  return d.region.length > 0 && d.agencies.length === 0 && d.rows.length === 0 && d.years.length === 0 && d.intent === null;
}

function hasHelp(parsed: Parsed): boolean {
  return /帮助|help|菜单|怎么用|能问|你好|您好|\?$/i.test(parsed.text) || parsed.text.length === 0;
}

function sameSet(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((x) => b.includes(x));
}

function colIdOf(key: string): string {
  return key.slice(key.lastIndexOf('.') + 1);
}

/** The graph unreachable, or answering that its database failed (masked as INTERNAL_SERVER_ERROR / QUERY_TIMEOUT). */
function graphDown(e: unknown): boolean {
  if (e instanceof ServiceUnavailableError) return true;
  if (!(e instanceof GraphQLRequestError)) return false;
  return e.errors.some((x) => DOWN_CODES.has(String((x as { extensions?: { code?: unknown } }).extensions?.code ?? '')));
}

const DOWN_CODES = new Set<string>([ErrorCode.INTERNAL_SERVER_ERROR, ErrorCode.QUERY_TIMEOUT]);

function plain(status: AskStatus, text: string): BotAnswer {
  return { text, status, operation: null, variables: null, cells: [], suggestions: [] };
}

/**
 * Whether words nothing read could name one of the row's columns instead of its 总计: on 表四 any such words
 * (「被撤销」, 「还在打官司」: its columns are outcomes), on 表三 words that name an applicant (「律师」, 「老百姓」, 「公司」);
 * never a piece of the row's own printed label (「本机关」 of 「本机关不掌握相关政府信息」).
 */
function mayNameColumn(unread: string, row: { table: string; rowLabel: string }): boolean {
  if (!unread || row.rowLabel.includes(unread)) return false;
  if (row.table === 'appeals') return true;
  return row.table === 'requests' && APPLICANT_LIKE.test(unread);
}
