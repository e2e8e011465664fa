import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parseReport } from '../../src/parser';
import { findContact } from '../../src/parser/metadata';

const REAL = path.join(__dirname, '..', 'fixtures', 'real', 'reports');

describe('contact details as reports print them (phone, email)', () => {
  it.each([
    ['邮编：350400；电话/传真：0591-23165370；电子邮箱：pzxxgkb@163.com。', '0591-23165370'],
    ['邮编：350400，电话：0591-23108001，传真：0591-23108001。', '0591-23108001'],
    ['联系电话（传真）：0527-83588123', '0527-83588123'],
    ['电话（传真）：0527—83588124。', '0527-83588124'],
    ['传真/电话：021-23111111', '021-23111111'],
    ['联系方式：13912345678', '13912345678'],
    ['邮 编：350400；电 话：0591-23163551；传真：0591-23100206', '0591-23163551'],
  ])('%s → %s', (text, phone) => {
    expect(findContact(text).phone).toBe(phone);
  });

  it.each([
    ['电话/传真：0591-23165370；电子邮箱：pzxxgkb@163.com。', 'pzxxgkb@163.com'],
    ['邮箱: gk_office@sh.gov.cn）', 'gk_office@sh.gov.cn'],
    ['E-mail：xxgk@shuyang.gov.cn', 'xxgk@shuyang.gov.cn'],
    ['传真：0591-23157117，电子邮箱：jfjzhc＠163.com）。', 'jfjzhc@163.com'],
  ])('%s → email %s', (text, email) => {
    expect(findContact(text).email).toBe(email);
  });

  it.each([
    ['地址：平潭综合实验区国\n昌路1号中原安置小区；邮编：350400', '平潭综合实验区国昌路1号中原安置小区'],
    ['地址：平潭综合实验区国昌路1号中原安置小区；邮编：350400', '平潭综合实验区国昌路1号中原安置小区'],
    // the next line is another label, not the rest of the address
    ['地址：上海市人民大道200号\n邮编：200003', '上海市人民大道200号'],
  ])('an address broken by a PDF line: %s', (text, address) => {
    expect(findContact(text).address).toBe(address);
  });

  it.each([
    ['可在上海市人民政府门户网站（www.shanghai.gov.cn）下载。', 'www.shanghai.gov.cn'],
    ['可在市科委网站（https://stcsm.sh.gov.cn）下载。', 'https://stcsm.sh.gov.cn'],
  ])('a website: %s', (text, site) => {
    expect(findContact(text).website).toBe(site);
  });

  it('a hotline count in the prose is not a phone number', () => {
    expect(findContact('通过热线电话、家园985后台以及网络直播间的方式解答群众问题，其中热线电话11通').phone).toBeUndefined();
  });

  it('a real report that writes 「电话/传真」 gives its phone with its address and postcode', async () => {
    const file = 'pingtan-2021.txt';
    const report = await parseReport({ fileName: file, content: readFileSync(path.join(REAL, file)) });
    expect(report.contact).toMatchObject({ postcode: '350400', phone: '0591-23165370' });
    expect(report.contact.address).toContain('北厝金井湾片区管委会大楼主楼14层');
  });

  it('a real report that gives an email has it', async () => {
    const file = 'pingtan-2019.html';
    const report = await parseReport({ fileName: file, content: readFileSync(path.join(REAL, file)) });
    expect(report.contact).toMatchObject({ email: 'pzxxgkb@163.com' });
  });
});
