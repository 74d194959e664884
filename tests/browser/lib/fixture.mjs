// One real server and one browser for a test file, started before its tests and stopped after.
import { after, before } from 'node:test';
import { launchBrowser } from './browser.mjs';
import { startServer } from './server.mjs';

// `ready` settles once both run, for a file's own before() that needs them.
export function serverAndBrowser(options) {
  let settle;
  const env = { server: null, browser: null };
  env.ready = new Promise((resolve, reject) => { settle = { resolve, reject }; });
  env.ready.catch(() => {});  // reported by the hook itself; waiters see the rejection
  before(async () => {
    try {
      env.server = await startServer(options);
      env.browser = await launchBrowser();
      settle.resolve();
    } catch (e) {
      settle.reject(e);
      throw e;
    }
  });
  after(async () => {
    await env.browser?.close();
    await env.server?.stop();
  });
  return env;
}
