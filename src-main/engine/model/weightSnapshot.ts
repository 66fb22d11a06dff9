// Copies of a model's weights for "restore best weights". Clones share storage with the current
// variable values, and assigning a variable later gives it new storage, so a clone is a cheap,
// stable snapshot; it must be disposed when replaced.
import * as tf from '@tensorflow/tfjs';

export class WeightSnapshot {
  private tensors: tf.Tensor[] | null = null;

  take(model: tf.LayersModel): void {
    this.dispose();
    this.tensors = model.getWeights().map((w) => w.clone());
  }

  restore(model: tf.LayersModel): boolean {
    if (!this.tensors) return false;
    model.setWeights(this.tensors);
    return true;
  }

  dispose(): void {
    if (this.tensors) tf.dispose(this.tensors);
    this.tensors = null;
  }
}
