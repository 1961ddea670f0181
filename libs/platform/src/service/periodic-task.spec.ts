import { PeriodicTask } from './periodic-task';

describe('a periodic task', () => {
  const quiet = { warn: jest.fn() };

  it('never runs two passes at once: a tick during a pass joins it', async () => {
    let release: () => void = () => undefined;
    const pass = jest.fn(() => new Promise<void>((resolve) => (release = resolve)));
    const task = new PeriodicTask('test pass', pass, quiet);
    const first = task.runOnce();
    const second = task.runOnce();
    expect(pass).toHaveBeenCalledTimes(1);
    release();
    await Promise.all([first, second]);
    const third = task.runOnce();
    expect(pass).toHaveBeenCalledTimes(2);
    release();
    await third;
  });

  it('logs a failed pass with its name and runs again on the next tick', async () => {
    const logger = { warn: jest.fn() };
    const pass = jest.fn().mockRejectedValueOnce(new Error('数据库连接中断')).mockResolvedValue(undefined);
    const task = new PeriodicTask('Deadline watch', pass, logger);
    await task.runOnce();
    expect(logger.warn).toHaveBeenCalledWith('Deadline watch failed: 数据库连接中断');
    await task.runOnce();
    expect(pass).toHaveBeenCalledTimes(2);
  });

  it('stops after the pass in flight, and an interval of 0 never starts', async () => {
    jest.useFakeTimers();
    try {
      let finished = false;
      const pass = jest.fn(async () => {
        await Promise.resolve();
        finished = true;
      });
      const off = new PeriodicTask('off', pass, quiet);
      off.start(0);
      jest.advanceTimersByTime(10_000);
      expect(pass).not.toHaveBeenCalled();

      const on = new PeriodicTask('on', pass, quiet);
      on.start(1_000);
      jest.advanceTimersByTime(1_000);
      expect(pass).toHaveBeenCalledTimes(1);
      await on.stop();
      expect(finished).toBe(true);
      jest.advanceTimersByTime(5_000);
      expect(pass).toHaveBeenCalledTimes(1);
    } finally {
      jest.useRealTimers();
    }
  });
});
