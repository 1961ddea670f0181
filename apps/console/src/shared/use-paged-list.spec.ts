import { describe, expect, it } from 'vitest';
import { ApiError } from '@/api/api-error';
import { usePagedList } from './use-paged-list';

describe('a paged list', () => {
  it('reads the page asked for and goes back to the first one for new filters', async () => {
    const asked: Array<[number, number]> = [];
    const list = usePagedList(async (page, pageSize) => {
      asked.push([page, pageSize]);
      return { items: [`第${page}页`], total: 41, page, pageSize };
    });
    list.page.value = 3;
    await list.load();
    expect({ rows: list.rows.value, total: list.total.value, loading: list.loading.value }).toEqual({
      rows: ['第3页'],
      total: 41,
      loading: false,
    });
    list.search();
    await Promise.resolve();
    expect(asked).toEqual([
      [3, 20],
      [1, 20],
    ]);
  });

  it("shows the service's refusal in Chinese instead of the rows", async () => {
    const list = usePagedList<string>(async () => {
      throw new ApiError(400, 'VALIDATION_FAILED', '提交的信息有误，请按提示修改');
    });
    await list.load();
    expect({ problem: list.problem.value, loading: list.loading.value }).toEqual({
      problem: '提交的信息有误，请按提示修改',
      loading: false,
    });
  });
});
