/** One training example: its bag of features and its label. */
export interface FeatureExample<Label extends string> {
  features: readonly string[];
  label: Label;
}

/** A trained multinomial naive Bayes model. */
export interface NaiveBayes<Label extends string> {
  readonly labels: readonly Label[];
  /** log P(label) + Σ log P(feature | label) for every label; features never seen in training are skipped. */
  logLikelihoods(features: readonly string[]): Map<Label, number>;
}

/**
 * Multinomial naive Bayes with additive (Lidstone) smoothing `alpha`. Chosen over a linear model
 * because it trains in one counting pass (milliseconds at start-up) and matched it on the held-out set.
 */
export function trainNaiveBayes<Label extends string>(
  examples: readonly FeatureExample<Label>[],
  alpha: number,
): NaiveBayes<Label> {
  const labels = [...new Set(examples.map((e) => e.label))];
  const vocabulary = new Set<string>();
  const counts = new Map<Label, Map<string, number>>(labels.map((l) => [l, new Map()]));
  const totals = new Map<Label, number>(labels.map((l) => [l, 0]));
  const documents = new Map<Label, number>(labels.map((l) => [l, 0]));

  for (const { features, label } of examples) {
    const labelCounts = counts.get(label) as Map<string, number>;
    for (const feature of features) {
      vocabulary.add(feature);
      labelCounts.set(feature, (labelCounts.get(feature) ?? 0) + 1);
    }
    totals.set(label, (totals.get(label) ?? 0) + features.length);
    documents.set(label, (documents.get(label) ?? 0) + 1);
  }

  const logPrior = new Map(labels.map((l) => [l, Math.log((documents.get(l) ?? 0) / examples.length)]));
  const logDenominator = new Map(labels.map((l) => [l, Math.log((totals.get(l) ?? 0) + alpha * vocabulary.size)]));

  return {
    labels,
    logLikelihoods(features) {
      const known = features.filter((f) => vocabulary.has(f));
      return new Map(
        labels.map((label) => {
          const labelCounts = counts.get(label) as Map<string, number>;
          const denominator = logDenominator.get(label) ?? 0;
          let sum = logPrior.get(label) ?? 0;
          for (const feature of known) sum += Math.log((labelCounts.get(feature) ?? 0) + alpha) - denominator;
          return [label, sum];
        }),
      );
    },
  };
}
