export * from './transformSteps';
export * from './inverseTransforms';
