import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Args, Ctx, FieldResolver, ID, Info, Query, Resolver, Root } from 'type-graphql';
import { AGENCY_COLUMNS, projectionAt } from './lookahead';
import type { Agency } from '../entities';
import { agencyPage, countAgencies, type AgencyFilter } from '../db/queries';
import { AgenciesArgs, AgencyConnection, AgencyType, RegionType, ReportType } from '../schema/types';
import type { NianbaoContext } from './context';
import { regionPrefix } from './filters';
import { memo, pageOf, toConnection } from './pagination';

@Resolver(() => AgencyType)
export class AgencyResolver {
  @Query(() => AgencyType, { nullable: true })
  agency(@Arg('id', () => ID) id: string, @Ctx() ctx: NianbaoContext) {
    return ctx.loaders.agency.load(id);
  }

  @Query(() => AgencyConnection, { description: 'Agencies by name (substring of the short or full name) and/or region.' })
  async agencies(
    @Args(() => AgenciesArgs) { search, regionCode, ...paging }: AgenciesArgs,
    @Ctx() ctx: NianbaoContext,
    @Info() info: GraphQLResolveInfo,
  ): Promise<AgencyConnection> {
    const where: AgencyFilter = { search: search?.trim() || undefined, regionPrefix: regionPrefix(regionCode) };
    const count = memo(() => countAgencies(ctx.dataSource, where));
    const page = await pageOf(paging, count);
    // Only the columns the selection reads; whole entities also prime the loader.
    const columns = projectionAt(info, ['edges', 'node'], AGENCY_COLUMNS, ['id']);
    const rows = await agencyPage(ctx.dataSource, where, { limit: page.fetch, offset: page.offset, columns });
    if (!columns) for (const a of rows) ctx.loaders.agency.prime(a.id, a);
    return toConnection(AgencyConnection, rows, page, count);
  }

  @FieldResolver(() => RegionType, { nullable: true })
  region(@Root() agency: Agency, @Ctx() ctx: NianbaoContext) {
    return agency.regionCode ? ctx.loaders.region.load(agency.regionCode) : null;
  }

  @FieldResolver(() => [ReportType], { description: 'The current report of each year, newest first.' })
  reports(@Root() agency: Agency, @Ctx() ctx: NianbaoContext) {
    return ctx.loaders.reportsOfAgency.load(agency.id);
  }
}
