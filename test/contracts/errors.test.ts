import { ErrorCode, isClientVisible } from '../../src/contracts/errors';

describe('error codes', () => {
  it('shows the messages written for the client', () => {
    expect(isClientVisible(ErrorCode.BAD_USER_INPUT)).toBe(true);
    expect(isClientVisible('GRAPHQL_VALIDATION_FAILED')).toBe(true);
    expect(isClientVisible(ErrorCode.QUERY_TOO_COMPLEX)).toBe(true);
  });

  it('masks internal codes, unknown codes and non-strings', () => {
    expect(isClientVisible(ErrorCode.INTERNAL_SERVER_ERROR)).toBe(false);
    expect(isClientVisible(ErrorCode.QUERY_TIMEOUT)).toBe(false);
    expect(isClientVisible('SOMETHING_ELSE')).toBe(false);
    expect(isClientVisible(undefined)).toBe(false);
    expect(isClientVisible({ code: 'BAD_USER_INPUT' })).toBe(false);
  });
});
