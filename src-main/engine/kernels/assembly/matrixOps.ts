// @ts-nocheck -- AssemblyScript source (compiled by asc, not tsc): f32/v128 builtins are asc-only.

// dst[cols, rows] = src[rows, cols]ᵀ
export function transpose(rows: i32, cols: i32, src: usize, dst: usize): void {
  for (let r = 0; r < rows; r++) {
    for (let c = 0; c < cols; c++) {
      store<f32>(
        dst + ((<usize>(c * rows + r)) << 2),
        load<f32>(src + ((<usize>(r * cols + c)) << 2)),
      );
    }
  }
}

// Column sums of a [rows, cols] matrix (bias gradient); cols % 4 == 0.
export function colSums(rows: i32, cols: i32, src: usize, dst: usize): void {
  for (let c = 0; c < cols; c += 4) v128.store(dst + ((<usize>c) << 2), f32x4.splat(0));
  for (let r = 0; r < rows; r++) {
    const row = src + ((<usize>(r * cols)) << 2);
    for (let c = 0; c < cols; c += 4) {
      const off = (<usize>c) << 2;
      v128.store(dst + off, f32x4.add(v128.load(dst + off), v128.load(row + off)));
    }
  }
}
