import pino, { type Logger } from 'pino';
import { ConfigError, loadConfig, type Config } from './config';

/** The configuration, or exit code 2 with a message naming each bad variable. */
export function configOrExit(): Config {
  try {
    return loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(error.message);
      process.exit(2);
    }
    throw error;
  }
}

/** JSON logs; pretty on a terminal. */
export function createLogger(config: Config): Logger {
  return pino({
    level: config.LOG_LEVEL,
    transport: process.stdout.isTTY ? { target: 'pino-pretty', options: { translateTime: 'SYS:HH:MM:ss' } } : undefined,
  });
}

/** On SIGINT or SIGTERM runs `stop` once, then exits 0; exits 1 when stopping takes longer than 15 s. */
/** On SIGINT or SIGTERM: `stop`, then exit; forced out after `forceAfterMs` if stopping hangs. */
export function stopOnSignals(logger: Logger, forceAfterMs: number, stop: () => Promise<void>): void {
  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'shutting down');
    setTimeout(() => process.exit(1), forceAfterMs).unref();
    await stop();
    process.exit(0);
  };
  process.on('SIGINT', () => void shutdown('SIGINT'));
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
}
