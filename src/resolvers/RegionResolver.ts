import { Arg, Ctx, FieldResolver, Query, Resolver, Root } from 'type-graphql';
import { RegionType } from '../schema/types';
import type { NianbaoContext } from './context';
import { normalizeRegionCode, pathCodes, type DivisionRef } from './regions';

@Resolver(() => RegionType)
export class RegionResolver {
  @Query(() => RegionType, {
    nullable: true,
    description: 'A division by code: 36, 3609, 360981, 360981100; GB/T 2260 six-digit codes such as 360900 are accepted.',
  })
  region(@Arg('code') code: string, @Ctx() ctx: NianbaoContext) {
    return ctx.loaders.region.load(normalizeRegionCode(code));
  }

  @FieldResolver(() => RegionType, { nullable: true })
  parent(@Root() region: DivisionRef, @Ctx() ctx: NianbaoContext) {
    return region.parentCode ? ctx.loaders.region.load(region.parentCode) : null;
  }

  @FieldResolver(() => [RegionType], { description: 'From the province down to this region (itself last).' })
  async path(@Root() region: DivisionRef, @Ctx() ctx: NianbaoContext) {
    const found = await ctx.loaders.region.loadMany(pathCodes(region.code));
    return found.filter((r): r is DivisionRef => r !== null && !(r instanceof Error));
  }
}
