// The engine's tests take the shared fixture of a plain comma-separated file's parse options.
export { parseOptionsFixture } from '../../shared/testing/parseOptions.testkit';
