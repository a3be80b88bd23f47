// Runs the three component models on one case; shared by training (validation, test) and diagnosis.
import { temperaments } from '@unani/contracts';
import type { PatientContext } from '../types.ts';
import { ABSENT, AGE_SCALE_YEARS, type FeatureSpace, PRESENT } from './features.ts';
import { type KnowledgeEvidence, type KnowledgeModel, knowledgeLogScores, softmaxInPlace } from './knowledgeModel.ts';
import { type Network, predictNetwork } from './net/network.ts';
import { type DecisionTree, leafProbabilities, type PathStep, type SparseRow, walkTree } from './tree/cart.ts';

export interface ComponentParts {
  space: FeatureSpace;
  knowledgeModel: KnowledgeModel;
  tree: DecisionTree;
  network: Network;
}

export interface ComponentOutput {
  knowledge: Float64Array;
  tree: Float64Array;
  network: Float64Array;
  treePath: PathStep[];
}

/** The non-zero input columns of a case; the tree leaves age out (sampled cases carry none to learn from). */
export function sparseRow(
  space: FeatureSpace,
  present: readonly number[],
  absent: readonly number[],
  context: PatientContext,
  withAge: boolean,
): SparseRow {
  const columns: number[] = [...present, ...absent];
  const values: number[] = [...present.map(() => PRESENT), ...absent.map(() => ABSENT)];
  if (context.temperament) {
    columns.push(space.temperamentOffset + temperaments.indexOf(context.temperament));
    values.push(1);
  }
  if (withAge && context.ageYears !== undefined) {
    columns.push(space.ageColumn);
    values.push(context.ageYears / AGE_SCALE_YEARS);
  }
  return { columns, values };
}

/** Class probabilities from each component for one case. */
export function runComponents(
  parts: ComponentParts,
  evidence: KnowledgeEvidence,
  context: PatientContext,
): ComponentOutput {
  const D = parts.knowledgeModel.diseaseCount;
  const knowledge = softmaxInPlace(
    knowledgeLogScores(parts.knowledgeModel, { ...evidence, temperament: context.temperament }),
  );
  const treeRow = sparseRow(parts.space, evidence.present, evidence.absent, context, false);
  const lookup = new Map(treeRow.columns.map((c, k) => [c, treeRow.values[k] as number]));
  const { leaf, path } = walkTree(parts.tree, (f) => lookup.get(f) ?? 0);
  const tree = leafProbabilities(parts.tree, leaf, new Float64Array(D));
  const netRow = sparseRow(parts.space, evidence.present, evidence.absent, context, true);
  const network = predictNetwork(parts.network, netRow.columns, netRow.values, new Float64Array(D));
  return { knowledge, tree, network, treePath: path };
}
