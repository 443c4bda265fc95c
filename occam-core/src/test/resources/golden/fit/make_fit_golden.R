#!/usr/bin/env Rscript
# Golden values for a fit at one lambda (ElasticNet.fitAt, `occam fit --lambda L`): glmnet's
# solution at exactly that lambda, run to full precision.
#
#   cd occam-core/src/test/resources/golden/fit && Rscript make_fit_golden.R
#
# Needs R with glmnet >= 4.1 and MASS (Debian: r-cran-glmnet, r-cran-mass). Deterministic: rerunning
# rewrites the same files. Every fit reads its data back from the written CSV file, so the Java
# tests see the same numbers.
#
# Writes
#   boston.csv               MASS::Boston (506 x 13, target medv)
#   mtcars.csv               datasets::mtcars (32 x 10, target mpg)
#   mtcars_weighted.csv      the same with sample weights w = 1, 2, 0.5, 1, 2, ...
#   <case>.json              the case: data file (relative to golden/), target, options as Occam's
#                            GlmSettings / the CLI name them, lambda, where lambda lies relative to
#                            glmnet's default path, glmnet's intercept(s) and coefficients at lambda
#                            (original scale; multinomial intercepts centred to sum 0, as glmnet
#                            reports them), and the KKT check of that solution.
#
# How the reference is computed: glmnet(x, y, ..., lambda = c(<default grid above lambda>, lambda),
# thresh = 1e-20, maxit = 1e8), the last column taken. The default grid is lambda_max times
# nlambda = 100 log-spaced ratios down to lambda.min.ratio (1e-4 when n > p), the grid Occam's
# fitAt walks down; it only provides warm starts, the solution at lambda does not depend on it.
# The cases the Boston, mtcars, breast-cancer and Poisson cases reproduce are the ones measured by
# hand against glmnet (issue 8), where a fit at the old default threshold was ~1e-3 away.
#
# Gaussian cases are lasso (alpha = 1): glmnet standardizes y internally, which leaves a lasso fit
# unchanged but makes the L2 weight lambda (1 - alpha) / sd(y) when alpha < 1 (ElasticNet's javadoc).

suppressPackageStartupMessages({
  library(glmnet)
  library(MASS)
})

THRESH <- 1e-20
MAXIT <- 1e8
glmnet.control(mxit = 1000)

num <- function(x) sprintf("%.17g", x)

write_csv <- function(df, file) {
  out <- df
  for (j in seq_along(out)) if (is.numeric(out[[j]])) out[[j]] <- num(out[[j]])
  write.csv(out, file, row.names = FALSE, quote = FALSE)
}

# json(), as_array() and gradient(): shared by the golden scripts (json() calls this script's num())
source("../helpers.R")

# ---------------------------------------------------------------------------------------------
# Data

mt <- datasets::mtcars
write_csv(data.frame(mt[, -1], mpg = mt$mpg), "mtcars.csv")
write_csv(data.frame(mt[, -1], mpg = mt$mpg, w = rep(c(1, 2, 0.5), length.out = nrow(mt))), "mtcars_weighted.csv")
write_csv(MASS::Boston, "boston.csv")

# ---------------------------------------------------------------------------------------------
# KKT check of the canonical objective (DESIGN.md):
#   (1/sum v) sum_i v_i l(y_i, eta_i) + lambda sum_j f_j [alpha |b_j| s_j + (1-alpha)/2 b_j^2 s_j^2]
# b on the original scale; s_j the weighted 1/n standard deviation (also without an intercept: that
# is the scale glmnet's lasso penalizes, checked on mtcars), 1 without standardize; f the penalty
# factors rescaled to sum to p. Returns the worst violation relative to the largest gradient of the
# null model (eta = 0).

# gradient(x, Y, w, eta, family): in helpers.R

kkt_relative <- function(x, Y, w, family, alpha, lambda, f, s, B, A, intercept) {
  eta <- x %*% B + matrix(A, nrow(x), length(A), byrow = TRUE)
  if (family != "multinomial") eta <- eta[, 1]
  gr <- gradient(x, Y, w, eta, family)
  worst <- if (intercept) max(abs(gr$g0)) else 0
  for (k in seq_len(ncol(B))) for (j in seq_len(nrow(B))) {
    b <- B[j, k]; g <- gr$g[j, k]
    l1 <- lambda * f[j] * alpha * s[j]; l2 <- lambda * f[j] * (1 - alpha) * s[j]^2
    v <- if (b == 0) max(0, abs(g) - l1) else abs(g + l2 * b + l1 * sign(b))
    worst <- max(worst, v)
  }
  null_eta <- if (family == "multinomial") matrix(0, nrow(x), ncol(B)) else rep(0, nrow(x))
  worst / max(abs(gradient(x, Y, w, null_eta, family)$g))
}

# ---------------------------------------------------------------------------------------------
# One case. lambda: a number, or a function of glmnet's default path (lambda_max, the sequence).

run_case <- function(name, data, target, family, lambda, weights = NULL, alpha = 1, intercept = TRUE,
                     standardize = TRUE, penalty_factors = NULL, thresh = THRESH, note) {
  d <- read.csv(file.path("..", data), check.names = FALSE)
  features <- setdiff(names(d), c(target, weights))
  x <- as.matrix(d[, features]); n <- nrow(x); p <- ncol(x)
  w <- if (is.null(weights)) rep(1, n) else d[[weights]]
  y <- if (family %in% c("binomial", "multinomial")) factor(d[[target]]) else d[[target]]
  pf <- rep(1, p); names(pf) <- features
  if (!is.null(penalty_factors)) pf[names(penalty_factors)] <- unlist(penalty_factors)
  if (family == "gaussian" && alpha < 1) stop(name, ": gaussian cases are lasso (glmnet standardizes y)")

  args <- list(x = x, y = y, family = family, weights = w, alpha = alpha, standardize = standardize,
               intercept = intercept, penalty.factor = pf, thresh = thresh, maxit = MAXIT)
  if (family == "multinomial") args$type.multinomial <- "ungrouped"
  ratio <- if (n < p) 0.01 else 1e-4
  # glmnet's default path, only to say where lambda lies (its values do not depend on thresh; its
  # early-stop length hardly does, and iris at 1e-18 stops converging late on the path)
  auto <- do.call(glmnet, c(modifyList(args, list(thresh = 1e-14)), list(nlambda = 100, lambda.min.ratio = ratio)))
  lambda_max <- auto$lambda[1]
  if (is.function(lambda)) lambda <- lambda(auto$lambda)
  grid <- lambda_max * ratio^((0:99) / 99)
  fit <- do.call(glmnet, c(args, list(lambda = c(grid[grid > lambda], lambda))))
  stopifnot(fit$jerr == 0)
  L <- length(fit$lambda)
  stopifnot(abs(fit$lambda[L] - lambda) <= 1e-14 * lambda)   # glmnet scales a gaussian lambda by sd(y) and back: last-bit rounding

  classes <- if (family == "multinomial") levels(y) else NULL
  B <- if (family == "multinomial") sapply(fit$beta, function(b) as.numeric(b[, L])) else matrix(as.numeric(fit$beta[, L]), ncol = 1)
  A <- if (family == "multinomial") as.numeric(fit$a0[, L]) else fit$a0[L]

  Y <- if (family == "multinomial") diag(length(classes))[as.integer(y), ] else if (family == "binomial") as.numeric(y) - 1 else d[[target]]
  s <- if (standardize) apply(x, 2, function(v) { u <- w / sum(w); sqrt(sum(u * (v - sum(u * v))^2)) }) else rep(1, p)
  kkt <- kkt_relative(x, Y, w, family, alpha, lambda, pf * p / sum(pf), s, B, A, intercept)

  path <- auto$lambda
  position <- if (lambda < min(path)) {
    sprintf("below the default path's end (%s, lambda #%d of %d)", num(min(path)), length(path), length(path))
  } else if (any(path == lambda)) {
    "on the default path"
  } else {
    i <- max(which(path > lambda))
    sprintf("between default path points #%d (%s) and #%d (%s)", i, num(path[i]), i + 1, num(path[i + 1]))
  }
  call <- sprintf("glmnet(x, y, family = \"%s\", weights = %s, alpha = %s, standardize = %s, intercept = %s, penalty.factor = %s%s, lambda = c(<default grid above lambda>, lambda), thresh = %s, maxit = %s)",
                  family, if (is.null(weights)) "NULL" else weights, num(alpha), standardize, intercept,
                  if (is.null(penalty_factors)) "rep(1, p)" else paste0("c(", paste(names(penalty_factors), "=", unlist(penalty_factors), collapse = ", "), "; others 1)"),
                  if (family == "multinomial") ", type.multinomial = \"ungrouped\"" else "", format(thresh), format(MAXIT))
  spec <- list(
    case = name, tool = paste("glmnet", packageVersion("glmnet")),
    data = data, target = target,
    target_kind = if (family %in% c("binomial", "multinomial")) "class" else "numeric",
    weights = weights, family = family, alpha = alpha, standardize = standardize, intercept = intercept,
    penalty_factors = penalty_factors,
    lambda = lambda, lambda_position = position,
    default_path = list(lambda_max = lambda_max, length = length(path), end = min(path), lambda_min_ratio = ratio),
    tolerance = 1e-6,
    classes = if (is.null(classes)) NULL else as_array(classes),
    features = as_array(features),
    glmnet_intercepts = as_array(A),
    glmnet_coefficients = lapply(seq_len(ncol(B)), function(k) as_array(B[, k])),
    glmnet_dev_ratio = fit$dev.ratio[L],
    glmnet_call = call, glmnet_thresh = thresh, glmnet_npasses = fit$npasses,
    kkt_relative_violation = kkt,
    note = note)
  writeLines(json(spec), paste0(name, ".json"))
  cat(sprintf("%-32s lambda %-22s %s; kkt %.1e\n", name, num(lambda), position, kkt))
}

# geometric mean of default path points i and i + 1: a lambda strictly between them
between <- function(i) function(path) sqrt(path[i] * path[i + 1])

run_case("boston_lasso", "fit/boston.csv", "medv", "gaussian", 0.338882682230412,
         note = "MASS::Boston lasso at the lambda measured by hand (nox optimum -4.72327)")
run_case("boston_lasso_below_path_end", "fit/boston.csv", "medv", "gaussian", function(path) 1e-5 * path[1],
         note = "lambda = 1e-5 lambda_max, below the end of the default path (1e-4 lambda_max): nearly least squares")
run_case("mtcars_weights_penalty_factors", "fit/mtcars_weighted.csv", "mpg", "gaussian", between(35), weights = "w",
         penalty_factors = list(cyl = 0, hp = 2),
         note = "weights w, cyl unpenalized, hp penalized twice (factors rescaled to sum to p as glmnet does)")
run_case("mtcars_no_intercept", "fit/mtcars.csv", "mpg", "gaussian", between(85), intercept = FALSE,
         note = "no intercept: collinear, ill-conditioned columns (disp, hp, wt, cyl) and no centring")
run_case("breast_cancer_lasso", "data/breast_cancer.csv", "diagnosis", "binomial", 0.002,
         note = "binomial lasso at the lambda measured by hand")
run_case("quakes_poisson_lasso", "data/quakes.csv", "stations", "poisson", 0.01,
         note = "Poisson lasso at the lambda measured by hand")
run_case("iris_multinomial_lasso", "data/iris.csv", "species", "multinomial", between(40), thresh = 1e-18,
         note = "ungrouped multinomial lasso; thresh 1e-18 as in golden/glmnet (1e-20 does not converge late on the iris path)")

writeLines(c(R.version.string, paste("glmnet", packageVersion("glmnet")), paste("MASS", packageVersion("MASS"))), "versions.txt")
