# Reference numbers for the classical baselines (src-main/engine/baselines/): R's forecast package
# (Debian r-cran-forecast 8.20) on the sample datasets and a fixed subset of M1 training parts.
#
#   Rscript scripts/reference/classical.R [shared-datasets-dir]
#
# Writes src-main/engine/baselines/fixtures/classical-fixed.json (fixed parameters: ETS with given
# smoothing parameters and initial states, Arima with fixed coefficients, Nelder-Mead on a test
# function) and classical-auto.json (automatic selection: ets(), thetaf(), auto.arima()). The
# fixtures carry the input series, so the tests never need R or the shared data.
suppressMessages({
  library(forecast)
  library(jsonlite)
})
args <- commandArgs(trailingOnly = TRUE)
shared <- if (length(args) >= 1) args[[1]] else file.path("..", "shared", "datasets")
out_dir <- file.path("src-main", "engine", "baselines", "fixtures")
dir.create(out_dir, showWarnings = FALSE, recursive = TRUE)

read_series <- function(file, frequency) {
  d <- read.csv(file.path(shared, file))
  v <- d[[2]]
  v <- v[!is.na(v)]
  ts(v, frequency = frequency)
}
datasets <- list(
  AirPassengers = list(file = "AirPassengers.csv", m = 12),
  UKgas = list(file = "UKgas.csv", m = 4),
  USAccDeaths = list(file = "USAccDeaths.csv", m = 12),
  co2 = list(file = "co2.csv", m = 12),
  ldeaths = list(file = "ldeaths.csv", m = 12),
  Nile = list(file = "Nile.csv", m = 1),
  lynx = list(file = "lynx.csv", m = 1),
  LakeHuron = list(file = "LakeHuron.csv", m = 1),
  WWWusage = list(file = "WWWusage.csv", m = 1)
)
series <- lapply(datasets, function(d) read_series(d$file, d$m))
default_h <- function(m) if (m > 1) 2 * m else 10
bands <- function(f) {
  list(
    lower80 = as.numeric(f$lower[, 1]), upper80 = as.numeric(f$upper[, 1]),
    lower95 = as.numeric(f$lower[, 2]), upper95 = as.numeric(f$upper[, 2])
  )
}

# ---- Fixed parameters ------------------------------------------------------------------------
ets_specs <- c("ANN", "AAN", "AAdN", "ANA", "AAA", "AAdA", "MNN", "MAN", "MAdN", "MNA", "MAA", "MAdA", "MNM", "MAM", "MAdM", "MMN", "MMdN", "MMM", "MMdM")
ets_fixed <- list()
for (name in c("AirPassengers", "UKgas", "Nile", "WWWusage")) {
  y <- series[[name]]
  m <- frequency(y)
  for (spec in ets_specs) {
    seasonal <- substr(spec, nchar(spec), nchar(spec)) != "N"
    if (seasonal && m == 1) next
    damped <- grepl("d", spec)
    model <- sub("d", "", spec)
    fit <- tryCatch(ets(y, model = model, damped = damped), error = function(e) NULL)
    if (is.null(fit)) next
    # Round the fitted values to give "given" parameters and initial states, then refit with them.
    for (p in intersect(c("alpha", "beta", "gamma", "phi"), names(fit$par))) fit$par[p] <- round(fit$par[p], 4)
    fit$initstate <- signif(fit$initstate, 6)
    fixed <- ets(y, model = fit, use.initial.values = TRUE)
    # Multiplicative trend: R simulates the intervals, so only the point forecasts are compared.
    mult_trend <- substr(model, 2, 2) == "M"
    f <- forecast(fixed, h = default_h(m), PI = !mult_trend)
    ets_fixed[[length(ets_fixed) + 1]] <- c(list(
      series = name, m = m, spec = spec, error = substr(model, 1, 1), trend = substr(model, 2, 2),
      season = substr(model, 3, 3), damped = damped,
      alpha = unname(fixed$par["alpha"]),
      beta = if ("beta" %in% names(fixed$par)) unname(fixed$par["beta"]) else 0,
      gamma = if ("gamma" %in% names(fixed$par)) unname(fixed$par["gamma"]) else 0,
      phi = if ("phi" %in% names(fixed$par)) unname(fixed$par["phi"]) else 1,
      initstate = I(as.numeric(fixed$initstate)), sigma2 = fixed$sigma2, loglik = fixed$loglik,
      fitted = as.numeric(fitted(fixed)), mean = as.numeric(f$mean)
    ), if (mult_trend) list() else bands(f))
  }
}

# Arima with fixed coefficients (R's sign convention: MA terms enter with +).
arima_cases <- list(
  list(series = "AirPassengers", log = TRUE, order = c(0, 1, 1), seasonal = c(2, 1, 1), fixed = c(-0.413588, -0.137324, -0.0230763, -0.45702), mean = FALSE, drift = FALSE),
  list(series = "co2", log = FALSE, order = c(1, 1, 1), seasonal = c(1, 1, 2), fixed = c(0.256306, -0.584202, -0.574545, -0.237253, -0.533129), mean = FALSE, drift = FALSE),
  list(series = "ldeaths", log = FALSE, order = c(2, 0, 0), seasonal = c(1, 1, 1), fixed = c(0.263236, -0.341805, -0.307697, -0.999983), mean = FALSE, drift = FALSE),
  list(series = "USAccDeaths", log = FALSE, order = c(0, 1, 1), seasonal = c(0, 1, 1), fixed = c(-0.43, -0.94), mean = FALSE, drift = FALSE),
  list(series = "LakeHuron", log = FALSE, order = c(2, 0, 1), seasonal = c(0, 0, 0), fixed = c(1.0, -0.25, 0.1, 579), mean = TRUE, drift = FALSE),
  list(series = "WWWusage", log = FALSE, order = c(1, 1, 1), seasonal = c(0, 0, 0), fixed = c(0.65, 0.5, 0.8), mean = FALSE, drift = TRUE),
  list(series = "UKgas", log = TRUE, order = c(1, 0, 0), seasonal = c(1, 0, 0), fixed = c(0.5, 0.9, 6, 0.01), mean = TRUE, drift = TRUE)
)
arima_fixed <- lapply(arima_cases, function(cs) {
  y <- series[[cs$series]]
  if (cs$log) y <- log(y)
  m <- frequency(y)
  fitFixed <- function(x) {
    Arima(x, order = cs$order, seasonal = list(order = cs$seasonal, period = m),
      include.mean = cs$mean, include.drift = cs$drift, fixed = cs$fixed, method = "ML")
  }
  fit <- fitFixed(y)
  h <- default_h(m)
  p <- forecast(fit, h = h, level = c(80, 95))
  n <- length(y)
  origins <- round(seq(n - 30, n - 1, length.out = 8))
  one_step <- sapply(origins, function(k) {
    fk <- fitFixed(ts(y[1:k], frequency = m, start = start(y)))
    as.numeric(forecast(fk, h = 1)$mean)
  })
  list(
    series = cs$series, log = cs$log, m = m,
    order = c(cs$order, cs$seasonal), fixed = cs$fixed, includeMean = cs$mean, includeDrift = cs$drift,
    y = as.numeric(y), mean = as.numeric(p$mean), sigma2 = fit$sigma2,
    origins = origins, oneStep = one_step, bands = bands(p)
  )
})

# Nelder-Mead as optim() runs it, on Rosenbrock's function from R's ?optim example.
fr <- function(x) 100 * (x[2] - x[1] * x[1])^2 + (1 - x[1])^2
nm <- optim(c(-1.2, 1), fr, method = "Nelder-Mead")
nm_tight <- optim(c(-1.2, 1, 0.5), function(x) fr(x[1:2]) + (x[3] - 2)^2, method = "Nelder-Mead",
  control = list(reltol = sqrt(.Machine$double.eps), maxit = 2000))

fixed_json <- list(
  generatedBy = paste("scripts/reference/classical.R,", R.version.string, ", forecast", packageVersion("forecast")),
  series = lapply(series, as.numeric),
  frequency = lapply(series, frequency),
  ets = ets_fixed, arima = arima_fixed,
  nelderMead = list(
    list(start = c(-1.2, 1), par = nm$par, value = nm$value, evaluations = unname(nm$counts[1]), maxit = 500, reltol = sqrt(.Machine$double.eps)),
    list(start = c(-1.2, 1, 0.5), par = nm_tight$par, value = nm_tight$value, evaluations = unname(nm_tight$counts[1]), maxit = 2000, reltol = sqrt(.Machine$double.eps))
  )
)
writeLines(toJSON(fixed_json, auto_unbox = TRUE, digits = NA), file.path(out_dir, "classical-fixed.json"))

# ---- Automatic selection ---------------------------------------------------------------------
auto_case <- function(id, y, h) {
  t0 <- proc.time()[["elapsed"]]
  e <- ets(y)
  t_ets <- proc.time()[["elapsed"]] - t0
  fe <- forecast(e, h = h)
  emt <- ets(y, allow.multiplicative.trend = TRUE)
  femt <- forecast(emt, h = h, PI = FALSE)
  th <- thetaf(y, h = h)
  t1 <- proc.time()[["elapsed"]]
  a <- auto.arima(y)
  t_arima <- proc.time()[["elapsed"]] - t1
  fa <- forecast(a, h = h)
  list(
    id = id, m = frequency(y), h = h, y = as.numeric(y),
    ets = c(list(
      method = e$method, aicc = e$aicc,
      alpha = unname(e$par["alpha"]),
      beta = if ("beta" %in% names(e$par)) unname(e$par["beta"]) else 0,
      gamma = if ("gamma" %in% names(e$par)) unname(e$par["gamma"]) else 0,
      phi = if ("phi" %in% names(e$par)) unname(e$par["phi"]) else 1,
      mean = as.numeric(fe$mean), seconds = t_ets
    ), bands(fe)),
    etsMultiplicativeTrend = list(method = emt$method, aicc = emt$aicc, mean = as.numeric(femt$mean)),
    theta = c(list(alpha = unname(th$model$alpha), drift = unname(th$model$drift), mean = as.numeric(th$mean)), bands(th)),
    arima = list(method = as.character(a), mean = as.numeric(fa$mean), seconds = t_arima)
  )
}
auto_cases <- list()
for (name in names(series)) auto_cases[[length(auto_cases) + 1]] <- auto_case(name, series[[name]], default_h(frequency(series[[name]])))

m1_ref <- fromJSON(file.path(shared, "m1", "m1-reference.json"), simplifyVector = FALSE)
m1_subset <- c()
for (period in c("yearly", "quarterly", "monthly")) {
  d <- read.csv(file.path(shared, "m1", paste0("m1-", period, ".csv")), stringsAsFactors = FALSE)
  ids <- unique(d$id)
  # A fixed subset: 20 series evenly spaced through each file.
  pick <- ids[unique(round(seq(1, length(ids), length.out = 20)))]
  for (id in pick) {
    ref <- m1_ref[[id]]
    y <- ts(d$value[d$id == id], frequency = ref$m)
    cs <- auto_case(id, y, ref$h)
    cs$period <- period
    cs$test <- unlist(ref$test)
    auto_cases[[length(auto_cases) + 1]] <- cs
    m1_subset <- c(m1_subset, id)
  }
}
auto_json <- list(
  generatedBy = paste("scripts/reference/classical.R,", R.version.string, ", forecast", packageVersion("forecast")),
  m1Subset = m1_subset,
  cases = auto_cases
)
writeLines(toJSON(auto_json, auto_unbox = TRUE, digits = NA), file.path(out_dir, "classical-auto.json"))
cat("wrote", length(ets_fixed), "ETS and", length(arima_fixed), "Arima fixed cases,", length(auto_cases), "automatic cases\n")
