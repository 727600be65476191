/**
 * The baseline beside the lifecycle bench: bpmn-engine 25 running the same process shape in memory
 * (accept → three departments in parallel → join → decide), every user task signalled as soon as it
 * waits. Nothing is stored and nothing rendered: what an in-memory engine costs per instance.
 */
import { EventEmitter } from 'node:events';
import { performance } from 'node:perf_hooks';
import { Engine } from 'bpmn-engine';

export const LIFECYCLE_BPMN = `<?xml version="1.0" encoding="UTF-8"?>
<definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL" id="lifecycle" targetNamespace="http://onewindow.dev/bench">
  <process id="case" isExecutable="true">
    <startEvent id="submitted" />
    <sequenceFlow id="f1" sourceRef="submitted" targetRef="accept" />
    <userTask id="accept" name="受理" />
    <sequenceFlow id="f2" sourceRef="accept" targetRef="split" />
    <parallelGateway id="split" />
    <sequenceFlow id="f3" sourceRef="split" targetRef="reviewA" />
    <sequenceFlow id="f4" sourceRef="split" targetRef="reviewB" />
    <sequenceFlow id="f5" sourceRef="split" targetRef="reviewC" />
    <userTask id="reviewA" name="审查A" />
    <userTask id="reviewB" name="审查B" />
    <userTask id="reviewC" name="审查C" />
    <sequenceFlow id="f6" sourceRef="reviewA" targetRef="join" />
    <sequenceFlow id="f7" sourceRef="reviewB" targetRef="join" />
    <sequenceFlow id="f8" sourceRef="reviewC" targetRef="join" />
    <parallelGateway id="join" />
    <sequenceFlow id="f9" sourceRef="join" targetRef="decide" />
    <userTask id="decide" name="决定" />
    <sequenceFlow id="f10" sourceRef="decide" targetRef="completed" />
    <endEvent id="completed" />
  </process>
</definitions>`;

interface WaitingApi {
  signal(message?: unknown): void;
}

/** One instance from start to end; resolves with the user tasks it signalled (5 expected). */
export async function runInstance(i: number): Promise<number> {
  const engine = new Engine({ name: `case-${i}`, source: LIFECYCLE_BPMN });
  const listener = new EventEmitter();
  let signalled = 0;
  listener.on('wait', (api: WaitingApi) => {
    signalled++;
    api.signal({ id: 'done' });
  });
  const ended = new Promise<void>((resolve, reject) => {
    engine.once('end', () => resolve());
    engine.once('error', reject);
  });
  await engine.execute({ listener });
  await ended;
  return signalled;
}

/** Instances per second over `seconds`, `concurrency` in flight. */
export async function engineRate(seconds: number, concurrency = 16): Promise<number> {
  for (let i = 0; i < 50; i++) await runInstance(i); // warm-up
  let done = 0;
  const end = performance.now() + seconds * 1000;
  const start = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async (_, w) => {
      for (let i = w; performance.now() < end; i += concurrency) {
        const n = await runInstance(i);
        if (n !== 5) throw new Error(`an instance signalled ${n} user tasks, not 5`);
        done++;
      }
    }),
  );
  return done / ((performance.now() - start) / 1000);
}
