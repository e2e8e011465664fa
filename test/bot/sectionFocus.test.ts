import { askedFocus, focusedText } from '../../src/bot/sectionFocus';

const FIVE = [
  '五、存在的主要问题及改进情况',
  '（一）存在的主要问题',
  '一是公开的深度不够；二是解读形式单一。',
  '（二）改进措施',
  '一是加强培训；二是完善制度。',
].join('\n');

describe('section 五: the part a question asks for', () => {
  it('reads what the question asks of the section', () => {
    expect(askedFocus('存在什么问题')).toBe('problems');
    expect(askedFocus('下一步有什么改进措施')).toBe('improvement');
    expect(askedFocus('存在的问题和改进措施')).toBeNull();
  });

  it('quotes the problems part for a question about problems, the improvement part for one about improvement', () => {
    const text = FIVE.split('\n').slice(1).join('\n');
    expect(focusedText('五、存在的主要问题及改进情况', text, '存在什么问题')).toBe('（一）存在的主要问题\n一是公开的深度不够；二是解读形式单一。');
    expect(focusedText('五、存在的主要问题及改进情况', text, '改进措施')).toBe('（二）改进措施\n一是加强培训；二是完善制度。');
  });

  it('keeps the whole section when the question names both, or the section has no parts', () => {
    const text = FIVE.split('\n').slice(1).join('\n');
    expect(focusedText('五、存在的主要问题及改进情况', text, '问题和改进')).toBe(text);
    expect(focusedText('五、存在的主要问题及改进情况', '一是公开不够。下一步将加强培训。', '存在什么问题')).toBe('一是公开不够。下一步将加强培训。');
  });

  it('takes a sub-heading title as the first part (a lost 五 heading; the answer names it already)', () => {
    const text = '针对上年问题，采取如下措施。\n（二）本年存在的主要问题\n一是信息分散。';
    expect(focusedText('（一）上年存在问题的改进情况', text, '存在什么问题')).toBe('（二）本年存在的主要问题\n一是信息分散。');
    expect(focusedText('（一）上年存在问题的改进情况', text, '改进情况')).toBe('针对上年问题，采取如下措施。');
  });
});
