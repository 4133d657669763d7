// The analysis worker: validates or exports the designs the page sends, off the page's thread.
import { runJob, type AnalysisRequest } from './protocol.ts';

const scope = self as unknown as {
  postMessage(message: unknown): void;
  addEventListener(type: 'message', fn: (e: MessageEvent<AnalysisRequest>) => void): void;
};
scope.addEventListener('message', (e) => scope.postMessage(runJob(e.data)));
