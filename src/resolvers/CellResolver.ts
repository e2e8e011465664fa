import type { GraphQLResolveInfo } from 'graphql';
import { Args, Ctx, FieldResolver, Info, Query, Resolver, Root } from 'type-graphql';
import { Agency, Cell, Report } from '../entities';
import { fieldsAt } from './lookahead';
import { metric } from '../parser/catalog';
import { CellConnection, CellOrder, CellsArgs, CellType, MetricType, ReportType } from '../schema/types';
import type { NianbaoContext } from './context';
import { isUuid } from './errors';
import { assertKnownKey, assertYear, whereRegion } from './filters';
import { toMetric } from './MetricResolver';
import { keyOfCursor, pageOf, toConnection } from './pagination';
import { poolOf, readerOf, Where } from '../db/reader';

@Resolver(() => CellType)
export class CellResolver {
  @Query(() => CellConnection, { description: 'One cell key across reports, for rankings (blank cells last).' })
  async cells(
    @Args(() => CellsArgs) { filter, orderBy, first, after }: CellsArgs,
    @Ctx() ctx: NianbaoContext,
    @Info() info: GraphQLResolveInfo,
  ): Promise<CellConnection> {
    const page = pageOf(first, after);
    assertKnownKey(filter.key);
    assertYear(filter.year);
    const where = new Where().add('c.key = ?', filter.key);
    if (filter.year != null) where.add('c.year = ?', filter.year);
    whereRegion(where, 'c.region_code', filter.regionCode);
    if (filter.agencyId) where.add('c.agency_id = ?', isUuid(filter.agencyId) ? filter.agencyId : null);
    const direction = orderBy === CellOrder.VALUE_ASC ? 'ASC' : 'DESC';
    const window = where.clone();
    const afterKey = keyOfCursor(page, isCellKey);
    if (afterKey) whereAfterCell(window, direction, afterKey);
    const cells = await readCellPage(ctx, window, {
      direction, limit: page.limit + 1, offset: afterKey ? 0 : page.offset,
      withReport: fieldsAt(info, ['edges', 'node', 'report']).length > 0,
      withAgency: fieldsAt(info, ['edges', 'node', 'report', 'agency']).length > 0,
    });
    const pool = poolOf(ctx.dataSource);
    const count = async () => (await pool.query(`SELECT count(*)::int AS n FROM cells c ${where}`, where.values)).rows[0].n as number;
    return toConnection(CellConnection, cells, page, count, (c) => [c.value, c.id]);
  }

  @FieldResolver(() => String, { description: 'Chinese label, e.g. 政府集中采购 · 采购总金额.' })
  label(@Root() cell: Cell): string {
    return metric(cell.key)?.label ?? cell.key;
  }

  @FieldResolver(() => MetricType, { nullable: true, description: 'The catalog entry of this key.' })
  metric(@Root() cell: Cell): MetricType | null {
    const def = metric(cell.key);
    return def ? toMetric(def) : null;
  }

  @FieldResolver(() => ReportType)
  report(@Root() cell: Cell, @Ctx() ctx: NianbaoContext) {
    return ctx.loaders.report.load(cell.reportId);
  }
}

interface CellPage {
  direction: 'ASC' | 'DESC';
  limit: number;
  offset: number;
  /** Each cell's report (and its agency) was selected: read in the same statement and primed into the loaders. */
  withReport: boolean;
  withAgency: boolean;
}

/**
 * One page of a ranking in one statement. Late row lookup: the order and the window come from the index alone
 * (key, year, region → value, id); only the page's rows are read from the table.
 */
async function readCellPage(ctx: NianbaoContext, window: Where, o: CellPage): Promise<Cell[]> {
  const read = { cell: readerOf(ctx.dataSource, Cell), report: readerOf(ctx.dataSource, Report), agency: readerOf(ctx.dataSource, Agency) };
  const withAgency = o.withReport && o.withAgency;
  const columns = [
    read.cell.columns('c'),
    ...(o.withReport ? [read.report.columns('r', 'report.')] : []),
    ...(withAgency ? [read.agency.columns('a', 'agency.')] : []),
  ];
  const { rows } = await poolOf(ctx.dataSource).query(
    `SELECT ${columns.join(', ')}
       FROM (SELECT c.id, c.value FROM cells c ${window} ORDER BY c.value ${o.direction} NULLS LAST, c.id ASC
              LIMIT ${window.param(o.limit)} OFFSET ${window.param(o.offset)}) w
       JOIN cells c ON c.id = w.id
       ${o.withReport ? 'JOIN reports r ON r.id = c.report_id' : ''} ${withAgency ? 'JOIN agencies a ON a.id = r.agency_id' : ''}
      ORDER BY w.value ${o.direction} NULLS LAST, w.id ASC`,
    window.values,
  );
  return rows.map((row) => {
    const report = o.withReport ? read.report.take(row, 'report.') : null;
    const agency = withAgency ? read.agency.take(row, 'agency.') : null;
    if (report) ctx.loaders.report.prime(report.id, report);
    if (agency) ctx.loaders.agency.prime(agency.id, agency);
    return read.cell.hydrate(row);
  });
}

type CellKey = [number | null, string];

function isCellKey(key: unknown[]): key is CellKey {
  return key.length === 2 && (key[0] === null || typeof key[0] === 'number') && typeof key[1] === 'string' && /^\d{1,19}$/.test(key[1]);
}

/** Rows after (value, id) in `value <direction> NULLS LAST, id ASC` order (keyset paging). */
function whereAfterCell(where: Where, direction: 'ASC' | 'DESC', [value, id]: CellKey): void {
  if (value === null) {
    where.add('(c.value IS NULL AND c.id > ?)', id);
    return;
  }
  const beyond = direction === 'DESC' ? '<' : '>';
  where.add(`(c.value ${beyond} ? OR c.value IS NULL OR (c.value = ? AND c.id > ?))`, value, value, id);
}
