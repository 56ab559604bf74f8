/**
 * What the pipeline needs from the Worker environment, built once per env object (i.e. per isolate
 * and deployment): the translator chain and the OCR model source. Invalid translation settings fail
 * here with a message naming the variable, which the error handler turns into a 503.
 */
import { assetModelSource, type ModelSource } from '../pipeline/ocr/models';
import { createTranslator, type Translator } from '../translate';

interface PipelineDependencies {
  translator: Translator;
  models: ModelSource;
}

const built = new WeakMap<object, PipelineDependencies>();

export function pipelineDependencies(env: Env): PipelineDependencies {
  let deps = built.get(env);
  if (!deps) {
    deps = { translator: createTranslator(env), models: assetModelSource(env.ASSETS) };
    built.set(env, deps);
  }
  return deps;
}
