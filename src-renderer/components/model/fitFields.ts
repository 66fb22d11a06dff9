// The Model form's drop-down settings with each value's label (every value of the contract's enum
// has one), and the test id every fit setting's input carries: fit-val-fraction for valFraction.
import type { FitSettings } from '../../../src-main/shared/schemas/model';

export type FitChoiceField = 'scaler' | 'cell' | 'activation' | 'optimizer' | 'loss';

export const FIT_CHOICES: {
  readonly [F in FitChoiceField]: Readonly<Record<Required<FitSettings>[F], string>>;
} = {
  scaler: {
    none: 'None',
    minmax: 'Min-max',
    standard: 'Standard (z-score)',
    robust: 'Robust (median, IQR)',
  },
  cell: { lstm: 'LSTM', gru: 'GRU', rnn: 'Simple RNN' },
  activation: { tanh: 'tanh', relu: 'ReLU' },
  optimizer: { adam: 'Adam', rmsprop: 'RMSprop', sgd: 'SGD' },
  loss: { mse: 'MSE', mae: 'MAE' },
};

export function fitTestId(field: keyof FitSettings): string {
  return `fit-${field.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}`;
}
