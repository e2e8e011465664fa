import { peerQueries, type PeerQuery } from '../../bench/peer/queries';
import { createRng } from '../../bench/prng';
import type { Targets } from '../../bench/targets';

// The peer comparison (issue 15) calls two answers equal when their canonical forms are: these fixtures are the shapes
// both servers return (nianbao's API, PostGraphile's generated one), so a change of either shape or of the
// canonicalisation shows here; the bench itself compares real answers from both servers on one database.

const REPORT_ID = '8f6c1f1e-0000-4000-8000-000000000001';
const AGENCY_ID = '8f6c1f1e-0000-4000-8000-0000000000a1';
const targets: Targets = {
  reports: [{ id: REPORT_ID, agencyId: AGENCY_ID, year: 2021, format: '2021' }],
  years: [2021],
  provinces: ['13'],
};
const queries = new Map(peerQueries(targets).map((q) => [q.name, q]));
const q = (name: string): PeerQuery => queries.get(name as PeerQuery['name'])!;
const agency = { id: AGENCY_ID, name: '张贵庄街道', fullName: '东丽区张贵庄街道办事处', regionCode: '120110001' };

describe('peer queries', () => {
  it('sends the same drawn parameters to both servers', () => {
    for (const query of queries.values()) {
      const p = query.params(createRng('same'));
      expect(query.params(createRng('same'))).toEqual(p);
      expect(query.nianbao(p).variables).toMatchObject(p);
      expect(query.peer(p).variables).toEqual(p);
    }
  });

  it('reads a lookup answer of either server to the same form (numeric strings as numbers)', () => {
    const node = { id: REPORT_ID, title: '张贵庄街道2021年报告', year: 2021, format: '2021', missingCells: ['a.b.c'] };
    const nianbao = q('lookup').canonNianbao({ reports: { edges: [{ node: { ...node, cell: { key: 'requests.new.total', raw: '37', value: 37, unit: '件' } } }] } });
    const peer = q('lookup').canonPeer({ allReports: { nodes: [{ ...node, cellsByReportId: { nodes: [{ key: 'requests.new.total', raw: '37', value: '37', unit: '件' }] } }] } });
    expect(peer).toEqual(nianbao);
    expect(nianbao).toMatchObject({ id: REPORT_ID, cell: { value: 37 } });
    const other = q('lookup').canonPeer({ allReports: { nodes: [{ ...node, cellsByReportId: { nodes: [{ key: 'requests.new.total', raw: '38', value: '38', unit: '件' }] } }] } });
    expect(other).not.toEqual(nianbao);
  });

  it('compares a full report without nianbao\'s derived cross-year checks, in any row order', () => {
    const base = { id: REPORT_ID, title: 'T', year: 2021, format: '2021', publishedAt: '2022-01-10', missingCells: [] };
    const contact = { address: '中山路29号', postcode: '455787', phone: '0850-2771771', website: null };
    const region = { code: '120110001', name: '张贵庄街道', level: 'township' };
    const sections = [{ kind: 'overview', ordinal: 1, title: '一、总体情况', text: '甲' }, { kind: 'active', ordinal: 2, title: '二、主动公开', text: '乙' }];
    const check = { rule: 'requests.balance', scope: 'natural_person', description: 'd', keys: ['k1', 'k2'], passed: true };
    const cells = [
      { key: 'active.regulations.issued', raw: '3', unit: '件', line: 20 },
      { key: 'requests.new.total', raw: '41', unit: '件', line: 61 },
    ];
    const nianbao = q('report').canonNianbao({
      report: {
        ...base, agency, region, contact, sections,
        cells: cells.map((c) => ({ ...c, table: c.key.split('.')[0], row: c.key.split('.')[1], col: c.key.split('.')[2], value: Number(c.raw) })),
        checks: [{ ...check, left: 4, right: 4 }, { rule: 'years.carried', scope: 'total', description: 'x', keys: [], passed: true, left: 2, right: 2 }],
      },
    });
    const peer = q('report').canonPeer({
      reportById: {
        ...base, contact: { phone: contact.phone, address: contact.address, postcode: contact.postcode },
        agencyByAgencyId: agency, regionByRegionCode: region,
        sectionsByReportId: { nodes: [...sections].reverse() },
        cellsByReportId: { nodes: [...cells].reverse().map((c) => ({ ...c, tableId: c.key.split('.')[0], rowId: c.key.split('.')[1], colId: c.key.split('.')[2], value: c.raw })) },
        checksByReportId: { nodes: [{ ...check, left: '4', right: '4' }] },
      },
    });
    expect(peer).toEqual(nianbao);
    expect((nianbao as { cells: unknown[] }).cells).toHaveLength(2);
  });

  it('reads rankings in order and province groups in any order', () => {
    const row = (id: string, value: number) => ({ key: 'requests.new.total', raw: String(value), value, unit: '件', year: 2021, report: { id, title: id, year: 2021, agency } });
    const nianbao = q('ranking').canonNianbao({ cells: { totalCount: 1000, edges: [{ node: row('r1', 58) }, { node: row('r2', 51) }] } });
    const peerRow = (id: string, value: number) => {
      const { report, ...cell } = row(id, value);
      return { ...cell, value: String(value), reportByReportId: { id: report.id, title: report.title, year: report.year, agencyByAgencyId: agency } };
    };
    expect(q('ranking').canonPeer({ allCells: { totalCount: 1000, nodes: [peerRow('r1', 58), peerRow('r2', 51)] } })).toEqual(nianbao);
    expect(q('ranking').canonPeer({ allCells: { totalCount: 1000, nodes: [peerRow('r2', 51), peerRow('r1', 58)] } })).not.toEqual(nianbao);

    const groups = q('aggregate').canonNianbao({ aggregate: [{ group: '13', count: 57, sum: 239 }, { group: '34', count: 41, sum: 202 }] });
    const peerGroups = q('aggregate').canonPeer({
      allNianbaoPeerProvinceCells: { groupedAggregates: [{ keys: ['34'], sum: { value: '202', counted: '41' } }, { keys: ['13'], sum: { value: '239', counted: '57' } }] },
    });
    expect(peerGroups).toEqual(groups);
  });
});
