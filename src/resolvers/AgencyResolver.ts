import { Arg, Args, Ctx, FieldResolver, ID, Query, Resolver, Root } from 'type-graphql';
import { Agency } from '../entities';
import { AgenciesArgs, AgencyConnection, AgencyType, RegionType, ReportType } from '../schema/types';
import type { NianbaoContext } from './context';
import { likeEscape, whereRegion } from './filters';
import { pageOf, toConnection } from './pagination';

@Resolver(() => AgencyType)
export class AgencyResolver {
  @Query(() => AgencyType, { nullable: true })
  agency(@Arg('id', () => ID) id: string, @Ctx() ctx: NianbaoContext) {
    return ctx.loaders.agency.load(id);
  }

  @Query(() => AgencyConnection, { description: 'Agencies by name (substring of the short or full name) and/or region.' })
  async agencies(
    @Args(() => AgenciesArgs) { search, regionCode, first, after }: AgenciesArgs,
    @Ctx() ctx: NianbaoContext,
  ): Promise<AgencyConnection> {
    const page = pageOf(first, after);
    const qb = ctx.dataSource.getRepository(Agency).createQueryBuilder('a');
    const text = search?.trim();
    if (text) {
      qb.andWhere("(a.name ILIKE :search ESCAPE '\\' OR a.full_name ILIKE :search ESCAPE '\\')", { search: `%${likeEscape(text)}%` });
    }
    whereRegion(qb, 'a.region_code', regionCode);
    const rows = await qb.clone()
      .orderBy('a.region_code', 'ASC', 'NULLS LAST').addOrderBy('a.name', 'ASC').addOrderBy('a.id', 'ASC')
      .offset(page.offset).limit(page.limit + 1).getMany();
    for (const a of rows) ctx.loaders.agency.prime(a.id, a);
    return toConnection(AgencyConnection, rows, page, () => qb.getCount());
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
