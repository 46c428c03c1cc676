// The scenario engine's public surface: pure functions over plain data, safe to call from main,
// the renderer or a web worker (inputs and outputs structured-clone cleanly).
export * from './schema';
export { addMonths, assumptionValues, horizonMonths, repairsWithinBudget, runDeterministic } from './engine';
export { rangeOf, runMonteCarlo } from './monte-carlo';
export { goalSeek, seekRange, tornado } from './sensitivity';
export { capacityPlan, perRoutedItem } from './capacity';
export { applyOverrides, parseGoalArguments, parseSetArguments, scenarioIssues, ScenarioInputError, GOAL_TARGET_NAMES, OVERRIDE_KEYS_HELP } from './overrides';
export { calibrateScenario, type CalibrationInput, type TeamData } from './calibrate';
export { mulberry32 } from './random';
