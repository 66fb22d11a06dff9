#!/usr/bin/env Rscript
# Box-Cox lambda by Guerrero's method, as forecast::BoxCox.lambda(x, method = "guerrero")
# (default bounds -1, 2), for the Series Studio fixture of issue 15. Run by hand:
#
#   Rscript scripts/reference/guerrero_lambda.R
#
# Writes src-main/engine/stats/fixtures/guerrero-lambda.json. Each series is a numeric column of a
# CSV in ../shared/datasets/ and its logged version, missing values dropped (as the app does), as a
# ts whose frequency is the seasonal period Series Studio detects for that file (EuStockMarkets:
# business-daily, period 5, where R's own copy has 260). Only strictly positive series are kept.
suppressPackageStartupMessages(library(forecast))

args <- commandArgs(trailingOnly = FALSE)
script <- sub("^--file=", "", args[grep("^--file=", args)])
repo <- normalizePath(file.path(dirname(script), "..", ".."))
datasets <- normalizePath(file.path(repo, "..", "shared", "datasets"))
out <- file.path(repo, "src-main", "engine", "stats", "fixtures", "guerrero-lambda.json")

periods <- c(
  AirPassengers.csv = 12, EuStockMarkets.csv = 5, LakeHuron.csv = 1, Nile.csv = 1,
  UKgas.csv = 4, USAccDeaths.csv = 12, WWWusage.csv = 1, co2.csv = 12, ldeaths.csv = 12,
  lynx.csv = 1, presidents.csv = 4
)

num <- function(v) sprintf("%.17g", v)
entries <- character(0)
for (file in names(periods)) {
  data <- read.csv(file.path(datasets, file), check.names = FALSE)
  for (column in names(data)[-1]) {
    values <- as.numeric(data[[column]])
    for (variant in c("", "log")) {
      x <- values
      if (variant == "log") x <- log(x)
      x <- x[is.finite(x)]
      if (any(x <= 0)) next
      lambda <- BoxCox.lambda(ts(x, frequency = periods[[file]]), method = "guerrero")
      key <- paste0(file, ":", column, if (variant == "") "" else "|log")
      entries <- c(entries, sprintf(
        '  "%s": {"period": %d, "n": %d, "lambda": %s}',
        key, as.integer(periods[[file]]), length(x), num(lambda)
      ))
    }
  }
}
meta <- sprintf(
  '"generator": "scripts/reference/guerrero_lambda.R", "versions": {"R": "%s", "forecast": "%s"}',
  paste(R.version$major, R.version$minor, sep = "."), as.character(packageVersion("forecast"))
)
writeLines(c("{", paste0(" ", meta, ","), ' "series": {', paste(entries, collapse = ",\n"), " }", "}"), out)
cat("wrote", out, ":", length(entries), "series\n")
