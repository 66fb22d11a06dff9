export { hashFile, type FileHash } from './hashFile';
export { ProjectFileError, type ProjectErrorCode } from './projectErrors';
export {
  checkDataset,
  openProject,
  readProjectFile,
  saveProject,
  serialiseProject,
  type OpenProjectResult,
  type SaveProjectResult,
} from './projectFile';
export { projectModelsDir, runModelDir } from './projectModels';
export { clearRecovery, readRecovery, recoveryPath, writeRecovery } from './recovery';
