# R's side of bench/collectionBench.ts: forecast::ets and forecast::auto.arima (default settings)
# on every series of a long-format collection, h steps past the end of each series, over
# `cores` processes (parallel::mclapply). Writes id,step,ets,arima and prints the wall seconds and
# the CPU seconds (this process and its children).
# Usage: Rscript bench/collectionBench.R <in.csv> <h> <m> <cores> <out.csv>
suppressPackageStartupMessages(library(forecast))
args <- commandArgs(trailingOnly = TRUE)
file <- args[1]; h <- as.integer(args[2]); m <- as.integer(args[3])
cores <- as.integer(args[4]); out <- args[5]
d <- read.csv(file, stringsAsFactors = FALSE)
# Rows are in time order within each id in these files (M1 keeps calendar years 1, 2, … that
# would not sort as text), so the file order is kept.
ids <- unique(d$id)
t0 <- proc.time()
res <- parallel::mclapply(ids, function(id) {
  y <- ts(d$value[d$id == id], frequency = m)
  fe <- tryCatch(as.numeric(forecast(ets(y), h = h)$mean), error = function(e) rep(NA, h))
  fa <- tryCatch(as.numeric(forecast(auto.arima(y), h = h)$mean), error = function(e) rep(NA, h))
  data.frame(id = id, step = seq_len(h), ets = fe, arima = fa)
}, mc.cores = cores)
t1 <- proc.time() - t0
cpu <- sum(t1[c("user.self", "sys.self", "user.child", "sys.child")], na.rm = TRUE)
write.csv(do.call(rbind, res), out, row.names = FALSE)
cat(sprintf("%.2f %.2f\n", t1[["elapsed"]], cpu))
