/** The one error catalog: every code of domain/errors.ts has its answer (status, wire code, sentence from the parameters). */
import { describe, it, expect } from 'vitest';
import { AppError, FILE_PROBLEM_CODES, invalidInput } from '../../server/domain/errors.js';
import { problemOf } from '../../server/http/errors.js';
import { LeadMissingError, RoutingStateError, SpaceConflictError } from '../../server/db/routing.repo.js';
import { InvalidEdit, UnknownConversation } from '../../server/chat/chat.service.js';
import { FileProblem } from '../../server/io/table.js';

describe('the error catalog', () => {
  it.each([
    [
      invalidInput([
        { path: 'summary', message: 'x' },
        { path: 'summary', message: 'y' },
      ]),
      400,
      'invalid_request',
      '请求参数有误 / invalid request: summary',
    ],
    [new AppError('plan_too_large', { count: 10001, max: 10000 }), 400, 'invalid_request', 'invalid request: leadIds'],
    [new LeadMissingError('ld-1'), 404, 'not_found', '未找到 项目 ld-1 / not found: 项目 ld-1'],
    [new AppError('park_not_found', { parkId: 'p-1' }), 404, 'not_found', '未找到 园区 p-1'],
    [new AppError('job_not_found', { jobId: 'j-1' }), 404, 'not_found', '未找到 任务 j-1'],
    [new UnknownConversation('c-1'), 404, 'not_found', '未找到 会话 c-1'],
    [new SpaceConflictError('s-1', 'ld-2', 'ld-1', 'reserved'), 409, 'conflict', '空间 s-1 已被项目 ld-1 预留，本次流转未提交'],
    [new SpaceConflictError('s-1', 'ld-2', 'ld-1', 'occupied'), 409, 'conflict', '空间 s-1 已被项目 ld-1 使用'],
    [new SpaceConflictError('s-1', 'ld-2', null, null), 409, 'conflict', '空间 s-1 不存在'],
    [
      new RoutingStateError('ld-1', null, 'accept'),
      409,
      'conflict',
      '项目 ld-1 当前流转状态为「未流转」，不能接收 / cannot accept a routing in state none',
    ],
    [new RoutingStateError('ld-1', 'accepted', 'reject'), 409, 'conflict', '当前流转状态为「已接收」，不能退回'],
    [
      new AppError('job_not_done', { jobId: 'j', status: 'running', processed: 3, total: 10 }),
      409,
      'job_not_done',
      '任务尚未完成（已处理 3 / 10 行），完成后再下载',
    ],
    [new AppError('job_not_done', { jobId: 'j', status: 'failed' }), 409, 'job_not_done', '任务失败：未知原因'],
    [new AppError('forbidden', { action: 'routing.commit', actor: '某人' }), 403, 'forbidden', 'routing.commit'],
    [new FileProblem('empty', '文件为空'), 400, 'invalid_request', '文件为空'],
  ])('%s → %i %s', (e, status, code, message) => {
    const p = problemOf(e);
    expect(p).toMatchObject({ status, code });
    expect(p.message).toContain(message);
  });

  it('names the field of a unit conflict, and of every unknown lead', () => {
    expect(problemOf(new SpaceConflictError('s-1', 'ld-2', 'ld-1', 'reserved').at('assignments.1.spaceId')).issues).toEqual([
      { path: 'assignments.1.spaceId', message: '空间 s-1 已被项目 ld-1 预留（项目 ld-2）' },
    ]);
    expect(problemOf(new SpaceConflictError('s-1', 'ld-2', 'ld-1', 'reserved')).issues?.[0]?.path).toBe('leadIds');
    expect(problemOf(new InvalidEdit([{ path: 'edit.floorAreaM2', message: 'x' }])).issues).toEqual([
      { path: 'edit.floorAreaM2', message: 'x' },
    ]);
  });

  it.each(FILE_PROBLEM_CODES)("answers the file problem %s with 400 on the field file, in the reader's words", (code) => {
    const e = new FileProblem(code, `问题 ${code}`);
    expect(e.code).toBe(code);
    expect(problemOf(e)).toMatchObject({
      status: 400,
      code: 'invalid_request',
      message: `问题 ${code}`,
      issues: [{ path: 'file', message: `问题 ${code}` }],
    });
  });
});
