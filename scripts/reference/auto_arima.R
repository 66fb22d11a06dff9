# Reference numbers for the auto-ARIMA search (src-main/engine/baselines/autoArima.ts): R's
# forecast::auto.arima (Debian r-cran-forecast 8.20) with its defaults, step by step.
#
#   Rscript scripts/reference/auto_arima.R [shared-datasets-dir]
#
# Writes src-main/engine/baselines/fixtures/auto-arima.json: for each series its values, seasonal
# period, STL seasonal strength (seas.heuristic), nsdiffs and ndiffs, the chosen model (orders,
# constant, coefficients in R's signs, log-likelihood, AICc, σ²), the one-step forecasts of a test
# part from the model fitted on the rows before it (coefficients fixed), and the h-step forecast.
# The cases: the R sample datasets' training parts (the rows before their last fifth, as the
# studio's default split) and fixed M1 and tourism subsets (10 series evenly spaced per period).
suppressMessages({
  library(forecast)
  library(jsonlite)
})
args <- commandArgs(trailingOnly = TRUE)
shared <- if (length(args) >= 1) args[[1]] else file.path("..", "shared", "datasets")
out <- file.path("src-main", "engine", "baselines", "fixtures", "auto-arima.json")

case_of <- function(id, x, m, test = numeric(0), h = 0) {
  y <- ts(x, frequency = m)
  fit <- auto.arima(y)
  arma <- fit$arma # p, q, P, Q, s, d, D
  constant <- any(names(fit$coef) %in% c("intercept", "drift"))
  one_step <- if (length(test) > 0) {
    all <- ts(c(x, test), frequency = m)
    as.numeric(fitted(Arima(all, model = fit)))[(length(x) + 1):(length(x) + length(test))]
  } else numeric(0)
  # The log-likelihood at R's coefficients with a near-exact diffuse prior (κ = 1e9 instead of
  # arima's 1e6): the exact likelihood of the differenced series that autoArima.ts computes.
  xreg <- if ("drift" %in% names(fit$coef)) cbind(drift = seq_along(x)) else NULL
  exact <- stats::arima(y, order = arma[c(1, 6, 2)], seasonal = list(order = arma[c(3, 7, 4)], period = m),
    xreg = xreg, include.mean = "intercept" %in% names(fit$coef), fixed = unname(fit$coef),
    transform.pars = FALSE, kappa = 1e9)
  list(
    id = id, m = m, y = I(as.numeric(x)), test = I(as.numeric(test)),
    strength = if (m > 1 && length(x) > 2 * m) forecast:::seas.heuristic(y) else NULL,
    nsdiffs = if (m > 1 && length(x) > 2 * m) nsdiffs(y) else 0,
    ndiffs = ndiffs(if (m > 1 && length(x) > 2 * m && nsdiffs(y) > 0) diff(y, lag = m) else y),
    label = as.character(fit),
    order = I(c(arma[1], arma[6], arma[2], arma[3], arma[7], arma[4])),
    constant = constant,
    coef = I(unname(fit$coef)),
    loglik = fit$loglik, loglikKappa1e9 = exact$loglik, aicc = fit$aicc, sigma2 = fit$sigma2,
    oneStep = I(one_step),
    forecast = I(if (h > 0) as.numeric(forecast(fit, h = h)$mean) else numeric(0))
  )
}

cases <- list()
samples <- list(
  AirPassengers = 12, UKgas = 4, USAccDeaths = 12, co2 = 12, ldeaths = 12,
  Nile = 1, lynx = 1, LakeHuron = 1, WWWusage = 1
)
for (name in names(samples)) {
  v <- read.csv(file.path(shared, paste0(name, ".csv")))[[2]]
  n <- length(v)
  train_n <- n - round(n / 5)
  cases[[length(cases) + 1]] <- case_of(name, v[1:train_n], samples[[name]], v[(train_n + 1):n])
}
for (collection in c("m1", "tourism")) {
  ref <- fromJSON(file.path(shared, collection, paste0(collection, "-reference.json")), simplifyVector = FALSE)
  for (period in c("yearly", "quarterly", "monthly")) {
    d <- read.csv(file.path(shared, collection, paste0(collection, "-", period, ".csv")), stringsAsFactors = FALSE)
    ids <- unique(d$id)
    pick <- ids[unique(round(seq(3, length(ids) - 2, length.out = 10)))]
    for (id in pick) {
      r <- ref[[id]]
      cs <- case_of(id, d$value[d$id == id], r$m, h = r$h)
      cs$period <- period
      cs$collection <- collection
      cases[[length(cases) + 1]] <- cs
    }
  }
}
# R's optim(method = "BFGS") with finite-difference gradients, for optimBfgs.ts.
rosenbrock <- function(p) 100 * (p[2] - p[1]^2)^2 + (1 - p[1])^2
bfgs <- function(start, fn, parscale = rep(1, length(start))) {
  o <- optim(start, fn, method = "BFGS", hessian = TRUE, control = list(parscale = parscale))
  list(start = I(start), parscale = I(parscale), par = I(o$par), value = o$value,
       counts = I(unname(o$counts)), convergence = o$convergence, hessian = I(as.numeric(o$hessian)))
}
scaled_quadratic <- function(p) (p[1] - 3)^2 + 0.5 * (p[1] - 3) * (p[2] / 1000 - 2) + 4 * (p[2] / 1000 - 2)^2
optim_cases <- list(
  bfgs(c(-1.2, 1), rosenbrock),
  bfgs(c(0, 0), scaled_quadratic, c(1, 1000))
)

json <- list(
  optim = optim_cases,
  generatedBy = paste0("scripts/reference/auto_arima.R, ", R.version.string, ", forecast ", packageVersion("forecast")),
  cases = cases
)
writeLines(toJSON(json, auto_unbox = TRUE, digits = NA, null = "null"), out)
cat("wrote", length(cases), "cases to", out, "\n")
