#!/usr/bin/env Rscript
# Regenerates the data sets and every glmnet golden case in this folder.
#
#   cd occam-core/src/test/resources/golden && Rscript make_golden.R
#
# Needs R with glmnet >= 4.1 (Debian: apt-get install -y r-cran-glmnet) and the data files that
# scikit-learn ships (Debian: python3-sklearn-lib; other location: SKLEARN_DATA=/path/to/data).
# Everything is deterministic: real data are copied, synthetic data are drawn with fixed seeds,
# and every fit reads its data back from the written file, so the Java tests see the same numbers.
#
# Writes
#   data/*.csv, data/*.svm              the data sets (see data/README.md)
#   glmnet/<case>.json                  the case: data, glmnet's exact settings, accuracy of the golden values
#   glmnet/<case>.path.csv              glmnet's path: lambda,df,dev_ratio,intercept,<features...>
#                                       (multinomial: lambda,df,dev_ratio, then intercept:<c>,<feature>:<c> per class)
#   ../../../../../data/diabetes.csv, breast_cancer.csv   copies for the CLI demo at the repository root
#
# How each case is computed: glmnet first runs with its automatic lambda sequence (that sequence is
# the lambda column, so the Java test can check Occam's own sequence against it); glmnet is then run
# again with that sequence given as `lambda`, and those solutions are stored. The second run matters
# for alpha = 0, where glmnet's automatic path reports all-zero coefficients at its first lambda
# (internally lambda = infinity) rather than the ridge solution at the reported value.
# Every stored solution is checked against the KKT conditions of the canonical objective
# (DESIGN.md); the worst violation, relative to the largest null-model gradient, is in the spec.

suppressPackageStartupMessages(library(glmnet))
stopifnot(packageVersion("glmnet") >= "4.1")
options(warn = 1, stringsAsFactors = FALSE)

SKLEARN_DATA <- Sys.getenv("SKLEARN_DATA", "/usr/lib/python3/dist-packages/sklearn/datasets/data")
REPO_DATA <- file.path("..", "..", "..", "..", "..", "data")
THRESH <- 1e-20       # glmnet's convergence threshold (default 1e-7); see the note in README.md
MAXIT <- 100000000L   # coordinate-descent passes allowed
glmnet.control(mxit = 1000L)   # IRLS iterations per lambda for binomial/multinomial/poisson (default 100)

dir.create("data", showWarnings = FALSE)
dir.create("glmnet", showWarnings = FALSE)

# ---------------------------------------------------------------------------------------------
# Writing numbers and files

# Shortest of R's 15-digit form and the 17-digit form that reads back to the same double.
num <- function(x) {
  s <- as.character(x)
  bad <- is.na(s) | suppressWarnings(as.numeric(s)) != x
  s[bad] <- sprintf("%.17g", x[bad])
  s
}
num17 <- function(x) sprintf("%.17g", x)

write_csv <- function(df, path) {
  cols <- lapply(df, function(v) if (is.numeric(v)) num(v) else as.character(v))
  lines <- c(paste(names(df), collapse = ","), do.call(paste, c(cols, sep = ",")))
  writeLines(lines, path, useBytes = TRUE)
}

# LibSVM text: "<y> <j>:<value> ..." with 1-based feature indices, only non-zero entries.
write_svm <- function(X, y, path) {
  lines <- vapply(seq_len(nrow(X)), function(i) {
    nz <- which(X[i, ] != 0)
    if (length(nz) == 0) return(num(y[i]))
    paste(c(num(y[i]), paste0(nz, ":", num(X[i, nz]))), collapse = " ")
  }, "")
  writeLines(lines, path)
}

read_svm <- function(path, p) {
  lines <- readLines(path)
  y <- numeric(length(lines)); ii <- integer(0); jj <- integer(0); vv <- numeric(0)
  for (i in seq_along(lines)) {
    tok <- strsplit(lines[i], " ", fixed = TRUE)[[1]]
    y[i] <- as.numeric(tok[1])
    if (length(tok) > 1) {
      kv <- do.call(rbind, strsplit(tok[-1], ":", fixed = TRUE))
      ii <- c(ii, rep(i, nrow(kv))); jj <- c(jj, as.integer(kv[, 1])); vv <- c(vv, as.numeric(kv[, 2]))
    }
  }
  X <- sparseMatrix(i = ii, j = jj, x = vv, dims = c(length(lines), p),
                    dimnames = list(NULL, paste0("x", seq_len(p))))
  list(x = X, y = y)
}

# json(), as_array() and gradient(): shared by the golden scripts (json() calls this script's num())
source("helpers.R")

# ---------------------------------------------------------------------------------------------
# Data

wsd <- function(v, w) {            # weighted standard deviation, 1/n formula
  u <- w / sum(w); m <- sum(u * v); sqrt(sum(u * (v - m)^2))
}
standardize_y <- function(y, w = rep(1, length(y))) {
  u <- w / sum(w); m <- sum(u * y); (y - m) / sqrt(sum(u * (y - m)^2))
}

make_data <- function() {
  # Diabetes (Efron, Hastie, Johnstone and Tibshirani 2004), raw (unscaled) features as scikit-learn ships them.
  dx <- read.table(file.path(SKLEARN_DATA, "diabetes_data_raw.csv.gz"))
  names(dx) <- c("age", "sex", "bmi", "bp", "s1", "s2", "s3", "s4", "s5", "s6")
  dy <- read.table(file.path(SKLEARN_DATA, "diabetes_target.csv.gz"))[[1]]
  diabetes <- cbind(dx, y = dy)
  write_csv(diabetes, "data/diabetes.csv")
  write_csv(cbind(dx, y = standardize_y(dy)), "data/diabetes_ystd.csv")

  # Breast cancer Wisconsin (diagnostic), as scikit-learn ships it (target 0 = malignant, 1 = benign).
  bc <- read.csv(file.path(SKLEARN_DATA, "breast_cancer.csv"), header = FALSE, skip = 1)
  stems <- c("radius", "texture", "perimeter", "area", "smoothness", "compactness", "concavity",
             "concave_points", "symmetry", "fractal_dimension")
  bnames <- c(paste0("mean_", stems), paste0(stems, "_error"), paste0("worst_", stems))
  bx <- bc[, 1:30]; names(bx) <- bnames
  diagnosis <- ifelse(bc[, 31] == 0, "malignant", "benign")
  write_csv(cbind(bx, diagnosis = diagnosis), "data/breast_cancer.csv")
  write_csv(cbind(bx[, 1:10], diagnosis = diagnosis), "data/breast_cancer_mean.csv")
  # Features standardized (mean 0, sd 1 with the 1/n formula) and rounded to 8 significant
  # digits: the scikit-learn cases fit these numbers as they are (standardize off on both sides).
  bs <- as.data.frame(lapply(bx, function(v) signif((v - mean(v)) / sqrt(mean((v - mean(v))^2)), 8)))
  write_csv(cbind(bs, diagnosis = diagnosis), "data/breast_cancer_scaled.csv")

  # Iris (Fisher 1936; R's datasets package, identical to scikit-learn's copy).
  ir <- datasets::iris
  names(ir) <- c("sepal_length", "sepal_width", "petal_length", "petal_width", "species")
  ir$species <- as.character(ir$species)
  write_csv(ir, "data/iris.csv")

  # Fiji earthquakes (R's datasets package): number of reporting stations, a count.
  qk <- datasets::quakes
  qk <- data.frame(lat = qk$lat, long = qk$long, depth = as.numeric(qk$depth), mag = qk$mag,
                   stations = as.numeric(qk$stations))
  write_csv(qk, "data/quakes.csv")
  set.seed(20240607)
  qw <- cbind(qk[, 1:4], w = round(runif(nrow(qk), 0.25, 4), 2), stations = qk$stations)
  write_csv(qw, "data/quakes_weighted.csv")

  # Synthetic gaussian with sample weights: correlated features of very different scales, y
  # standardized with the weights (so glmnet's internal standardization of y is the identity).
  set.seed(20240601)
  n <- 150; p <- 8
  z <- matrix(rnorm(n * p), n, p); x <- z
  for (j in 2:p) x[, j] <- 0.6 * x[, j - 1] + 0.8 * z[, j]
  x <- sweep(x, 2, c(1, 10, 0.1, 1, 100, 1, 0.5, 3), `*`)
  x <- sweep(x, 2, c(0, 5, -1, 2, 50, 0, 0, 10), `+`)
  x <- signif(x, 6)
  beta <- c(1.5, -0.2, 8, 0, 0.01, 0, -1, 0.3)
  w <- round(runif(n, 0.2, 3), 2)
  y <- 3 + drop(x %*% beta) + rnorm(n, sd = 2)
  d <- as.data.frame(x); names(d) <- paste0("x", 1:p)
  write_csv(cbind(d, w = w, y = standardize_y(y, w)), "data/synth_gaussian_weighted.csv")

  # Synthetic binomial with sample weights.
  set.seed(20240602)
  n <- 300; p <- 10
  x <- signif(matrix(rnorm(n * p), n, p) %*% diag(c(1, 2, 0.5, 1, 1, 3, 1, 1, 0.2, 1)), 6)
  eta <- -0.5 + drop(x %*% c(1, -0.5, 2, 0, 0, 0.3, 0, -1, 0, 0.5))
  yb <- rbinom(n, 1, 1 / (1 + exp(-eta)))
  w <- round(runif(n, 0.2, 3), 2)
  d <- as.data.frame(x); names(d) <- paste0("x", 1:p)
  write_csv(cbind(d, w = w, y = yb), "data/synth_binomial_weighted.csv")

  # Wide gaussian, p > n: 5 true effects among 120 features, y standardized.
  set.seed(20240603)
  n <- 60; p <- 120
  x <- signif(matrix(rnorm(n * p), n, p), 6)
  y <- drop(x[, 1:5] %*% c(2, -1.5, 1, 0.5, -0.5)) + rnorm(n)
  d <- as.data.frame(x); names(d) <- paste0("x", 1:p)
  write_csv(cbind(d, y = standardize_y(y)), "data/synth_wide.csv")

  # Sparse designs, about 5 % non-zeros, every column with at least 2 non-zeros.
  sparse_x <- function(n, p, density) {
    repeat {
      x <- matrix(0, n, p)
      nz <- runif(n * p) < density
      x[nz] <- signif(rnorm(sum(nz), mean = 1, sd = 1), 5)
      if (all(colSums(x != 0) >= 2)) return(x)
    }
  }
  set.seed(20240604)
  x <- sparse_x(200, 50, 0.05)
  y <- drop(x[, c(1, 2, 3, 10, 20, 30)] %*% c(3, -2, 1.5, 1, -1, 0.5)) + rnorm(200)
  write_svm(x, standardize_y(y), "data/synth_sparse_gaussian.svm")
  set.seed(20240605)
  x <- sparse_x(300, 60, 0.05)
  eta <- drop(x[, c(1, 5, 9, 13, 17, 21, 25)] %*% c(2, -2, 1.5, -1, 1, 1, -1.5)) - 0.3
  write_svm(x, rbinom(300, 1, 1 / (1 + exp(-eta))), "data/synth_sparse_binomial.svm")

  # Copies at the repository root for the CLI demo and the README.
  if (dir.exists(REPO_DATA)) {
    file.copy("data/diabetes.csv", file.path(REPO_DATA, "diabetes.csv"), overwrite = TRUE)
    file.copy("data/breast_cancer.csv", file.path(REPO_DATA, "breast_cancer.csv"), overwrite = TRUE)
  }
}

# ---------------------------------------------------------------------------------------------
# KKT check of the canonical objective (DESIGN.md) at every lambda.
#   (1/sum v) sum_i v_i l(y_i, eta_i) + lambda sum_j f_j [alpha |b_j| s_j + (1-alpha)/2 b_j^2 s_j^2]
# with b on the original scale, s_j the weighted 1/n standard deviation (1 without standardize),
# f the penalty factors rescaled to sum to p. Returns the worst violation relative to the largest
# gradient of the null model (eta = 0).

# gradient(x, Y, w, eta, family): in helpers.R

kkt_worst <- function(x, Y, w, family, alpha, lambda, f, s, B, A, intercept, lower, upper) {
  # B: p x K coefficients, A: K intercepts for one lambda; Y: n x K (or vector)
  eta <- as.matrix(x %*% B) + matrix(A, nrow(x), length(A), byrow = TRUE)
  if (family != "multinomial") eta <- eta[, 1]
  gr <- gradient(x, Y, w, eta, family)
  worst <- 0
  if (intercept) worst <- max(abs(gr$g0))
  for (k in seq_len(ncol(B))) for (j in seq_len(nrow(B))) {
    b <- B[j, k]; g <- gr$g[j, k]
    l1 <- lambda * f[j] * alpha * s[j]; l2 <- lambda * f[j] * (1 - alpha) * s[j]^2
    at <- function(bound) is.finite(bound) && abs(b - bound) <= 1e-9 * max(1, abs(bound))
    v <- if (b == 0) {
      # moving b down costs -g + l1 (impossible at a lower limit of 0), moving up costs g + l1
      down <- if (at(lower)) Inf else l1; up <- if (at(upper)) Inf else l1
      max(0, g - down, -g - up)
    } else if (at(lower)) max(0, -(g + l2 * b - l1))
      else if (at(upper)) max(0, g + l2 * b + l1)
      else abs(g + l2 * b + l1 * sign(b))
    worst <- max(worst, v)
  }
  worst
}

# ---------------------------------------------------------------------------------------------
# One case

load_case_data <- function(file, format, target, weights, p = NULL) {
  if (format == "libsvm") {
    d <- read_svm(file.path("data", file), p)
    return(list(x = d$x, y = d$y, w = rep(1, length(d$y)), names = colnames(d$x)))
  }
  d <- read.csv(file.path("data", file), check.names = FALSE)
  features <- setdiff(names(d), c(target, weights))
  list(x = as.matrix(d[, features]), y = d[[target]],
       w = if (is.null(weights)) rep(1, nrow(d)) else d[[weights]], names = features)
}

run_case <- function(name, family, data, target, format = "csv", weights = NULL, alpha = 1,
                     standardize = TRUE, intercept = TRUE, penalty_factors = NULL,
                     lower = NULL, upper = NULL, nlambda = 100, lambda_min_ratio = NULL,
                     n_features = NULL, thresh = THRESH, note = NULL) {
  d <- load_case_data(data, format, target, weights, n_features)
  x <- d$x; n <- nrow(x); p <- ncol(x)
  if (is.null(lambda_min_ratio)) lambda_min_ratio <- if (n < p) 0.01 else 1e-4
  pf <- rep(1, p); names(pf) <- d$names
  if (!is.null(penalty_factors)) pf[names(penalty_factors)] <- unlist(penalty_factors)
  y <- if (family %in% c("binomial", "multinomial")) factor(d$y) else d$y

  # glmnet standardizes y for gaussian fits; for alpha < 1 that changes the L2 weight to
  # lambda (1 - alpha) / sd(y) on the original scale. Such cases use a y with sd 1 (and mean 0).
  u <- d$w / sum(d$w)
  y_standardized <- FALSE
  if (family == "gaussian") {
    ys <- if (intercept) sqrt(sum(u * (d$y - sum(u * d$y))^2)) else sqrt(sum(u * d$y^2))
    y_standardized <- abs(ys - 1) < 1e-12
  }
  if (family == "gaussian" && alpha < 1 && !y_standardized) stop(name, ": gaussian alpha < 1 needs a standardized y")

  args <- list(x = x, y = y, family = family, weights = d$w, alpha = alpha,
               standardize = standardize, intercept = intercept, penalty.factor = pf,
               lower.limits = if (is.null(lower)) -Inf else lower,
               upper.limits = if (is.null(upper)) Inf else upper,
               thresh = thresh, maxit = MAXIT)
  if (family == "multinomial") args$type.multinomial <- "ungrouped"
  auto <- do.call(glmnet, c(args, list(nlambda = nlambda, lambda.min.ratio = lambda_min_ratio)))
  lam <- auto$lambda
  fit <- do.call(glmnet, c(args, list(lambda = lam)))
  stopifnot(fit$jerr == 0, length(fit$lambda) == length(lam))

  classes <- if (family == "multinomial") levels(y) else NULL
  K <- if (family == "multinomial") length(classes) else 1
  L <- length(lam)
  beta <- function(fit, l) {
    if (family == "multinomial") sapply(fit$beta, function(b) as.numeric(b[, l]))
    else matrix(as.numeric(fit$beta[, l]), ncol = 1)
  }
  a0 <- function(fit, l) if (family == "multinomial") as.numeric(fit$a0[, l]) else fit$a0[l]

  # glmnet's automatic run and the run on the same lambdas must agree (except alpha = 0 at lambda 1)
  rel <- function(a, b) max(abs(a - b) / pmax(1, abs(b)))
  diff_auto <- 0
  for (l in seq_len(L)) if (!(alpha == 0 && l == 1)) {
    diff_auto <- max(diff_auto, rel(beta(auto, l), beta(fit, l)), rel(a0(auto, l), a0(fit, l)))
  }

  # KKT check
  Y <- if (family == "multinomial") diag(K)[as.integer(y), ] else if (family == "binomial") as.numeric(y) - 1 else d$y
  s <- if (standardize) apply(as.matrix(x), 2, wsd, w = d$w) else rep(1, p)
  f <- pf * p / sum(pf)
  null_grad <- gradient(x, Y, d$w, if (family == "multinomial") matrix(0, n, K) else rep(0, n), family)$g
  scale <- max(abs(null_grad))
  kkt <- 0
  for (l in seq_len(L)) {
    kkt <- max(kkt, kkt_worst(x, Y, d$w, family, alpha, lam[l], f, s, beta(fit, l), a0(fit, l),
                              intercept, if (is.null(lower)) -Inf else lower, if (is.null(upper)) Inf else upper))
  }
  kkt <- kkt / scale

  # Path CSV
  cols <- list(lambda = lam, df = fit$df, dev_ratio = fit$dev.ratio)
  if (family == "multinomial") {
    for (k in seq_len(K)) {
      cols[[paste0("intercept:", classes[k])]] <- sapply(seq_len(L), function(l) a0(fit, l)[k])
      for (j in seq_len(p)) cols[[paste0(d$names[j], ":", classes[k])]] <- sapply(seq_len(L), function(l) beta(fit, l)[j, k])
    }
  } else {
    cols$intercept <- fit$a0
    for (j in seq_len(p)) cols[[d$names[j]]] <- as.numeric(fit$beta[j, ])
  }
  lines <- c(paste(names(cols), collapse = ","),
             do.call(paste, c(lapply(names(cols), function(k) if (k == "df") as.character(cols[[k]]) else num17(cols[[k]])), sep = ",")))
  writeLines(lines, file.path("glmnet", paste0(name, ".path.csv")))

  limit_zero <- (!is.null(lower) && lower == 0) || (!is.null(upper) && upper == 0)
  call <- sprintf(paste0("glmnet(x, y, family = \"%s\", weights = %s, alpha = %s, nlambda = %d, ",
                         "lambda.min.ratio = %s, standardize = %s, intercept = %s, penalty.factor = %s, ",
                         "lower.limits = %s, upper.limits = %s, thresh = %s, maxit = %s%s)"),
                  family, if (is.null(weights)) "NULL" else weights, num(alpha), nlambda, num(lambda_min_ratio),
                  standardize, intercept, if (is.null(penalty_factors)) "rep(1, p)" else paste0("c(", paste(d$names, "=", num(pf), collapse = ", "), ")"),
                  if (is.null(lower)) "-Inf" else num(lower), if (is.null(upper)) "Inf" else num(upper),
                  num(thresh), num(MAXIT), if (family == "multinomial") ", type.multinomial = \"ungrouped\"" else "")
  spec <- list(
    case = name,
    tool = paste("glmnet", as.character(packageVersion("glmnet"))),
    data = data,
    format = format,
    target = target,
    target_kind = if (family %in% c("binomial", "multinomial")) "class" else "numeric",
    weights = weights,
    n_features = p,
    n = n,
    family = family,
    alpha = alpha,
    standardize = standardize,
    intercept = intercept,
    penalty_factors = penalty_factors,
    lower_limits = lower,
    upper_limits = upper,
    lambda_from = "glmnet",
    nlambda = nlambda,
    lambda_min_ratio = lambda_min_ratio,
    tolerance_link = 1e-6,
    y_standardized = y_standardized,
    classes = if (is.null(classes)) NULL else as_array(classes),
    glmnet_call = call,
    glmnet_thresh = thresh,
    glmnet_control = list(fdev = if (limit_zero) 0 else glmnet.control()$fdev, devmax = glmnet.control()$devmax,
                          mnlam = glmnet.control()$mnlam, pmin = glmnet.control()$pmin, mxit = glmnet.control()$mxit),
    glmnet_auto_path_length = L,
    glmnet_nulldev = fit$nulldev,
    glmnet_npasses = fit$npasses,
    kkt_relative_violation = kkt,
    auto_vs_given_lambda_max_diff = diff_auto,
    note = note
  )
  writeLines(json(spec), file.path("glmnet", paste0(name, ".json")))
  cat(sprintf("%-40s n=%4d p=%3d L=%3d passes=%8d kkt=%.1e auto-diff=%.1e\n", name, n, p, L, fit$npasses, kkt, diff_auto))
}

# ---------------------------------------------------------------------------------------------

invisible(make_data())

Y_STD_NOTE <- "y standardized (weighted mean 0, 1/n sd 1): glmnet's internal scaling of y is then the identity, so glmnet's alpha < 1 objective equals Occam's canonical one"

# gaussian
run_case("gaussian_diabetes_lasso", "gaussian", "diabetes.csv", "y")
run_case("gaussian_diabetes_enet", "gaussian", "diabetes_ystd.csv", "y", alpha = 0.5, note = Y_STD_NOTE)
run_case("gaussian_diabetes_ridge", "gaussian", "diabetes_ystd.csv", "y", alpha = 0, note = Y_STD_NOTE)
run_case("gaussian_diabetes_penalty_factors", "gaussian", "diabetes.csv", "y",
         penalty_factors = list(sex = 0, bmi = 0.5, s3 = 2, s5 = 0.25))
run_case("gaussian_diabetes_lower0", "gaussian", "diabetes.csv", "y", lower = 0)
run_case("gaussian_diabetes_limits_enet", "gaussian", "diabetes_ystd.csv", "y", alpha = 0.5,
         lower = -0.1, upper = 0.3, note = Y_STD_NOTE)
run_case("gaussian_diabetes_no_intercept", "gaussian", "diabetes.csv", "y", intercept = FALSE)
run_case("gaussian_diabetes_no_intercept_enet", "gaussian", "diabetes_ystd.csv", "y", alpha = 0.5,
         intercept = FALSE, note = "y has mean 0 and mean square 1: glmnet without intercept scales y by sqrt(sum u y^2) = 1")
run_case("gaussian_diabetes_no_standardize", "gaussian", "diabetes.csv", "y", standardize = FALSE)
run_case("gaussian_diabetes_no_standardize_enet", "gaussian", "diabetes_ystd.csv", "y", alpha = 0.5,
         standardize = FALSE, note = Y_STD_NOTE)
run_case("gaussian_weighted_lasso", "gaussian", "synth_gaussian_weighted.csv", "y", weights = "w")
run_case("gaussian_weighted_enet", "gaussian", "synth_gaussian_weighted.csv", "y", weights = "w", alpha = 0.5, note = Y_STD_NOTE)
run_case("gaussian_sparse_lasso", "gaussian", "synth_sparse_gaussian.svm", "y", format = "libsvm", n_features = 50)
run_case("gaussian_sparse_enet", "gaussian", "synth_sparse_gaussian.svm", "y", format = "libsvm", n_features = 50,
         alpha = 0.5, note = Y_STD_NOTE)
run_case("gaussian_wide_lasso", "gaussian", "synth_wide.csv", "y")
run_case("gaussian_wide_enet", "gaussian", "synth_wide.csv", "y", alpha = 0.5, note = Y_STD_NOTE)

# binomial
run_case("binomial_breast_lasso", "binomial", "breast_cancer.csv", "diagnosis", lambda_min_ratio = 0.01)
run_case("binomial_breast_enet", "binomial", "breast_cancer.csv", "diagnosis", alpha = 0.5, lambda_min_ratio = 0.01)
run_case("binomial_breast_ridge", "binomial", "breast_cancer.csv", "diagnosis", alpha = 0, lambda_min_ratio = 0.01)
run_case("binomial_breast_no_intercept", "binomial", "breast_cancer_mean.csv", "diagnosis", intercept = FALSE,
         lambda_min_ratio = 0.01)
run_case("binomial_breast_no_standardize", "binomial", "breast_cancer_mean.csv", "diagnosis", standardize = FALSE,
         alpha = 0.5, lambda_min_ratio = 0.01)
run_case("binomial_weighted_lasso", "binomial", "synth_binomial_weighted.csv", "y", weights = "w")
run_case("binomial_weighted_enet_limits", "binomial", "synth_binomial_weighted.csv", "y", weights = "w",
         alpha = 0.5, lower = -0.5, upper = 1, penalty_factors = list(x1 = 0, x2 = 2))
run_case("binomial_sparse_lasso", "binomial", "synth_sparse_binomial.svm", "y", format = "libsvm", n_features = 60)

# multinomial
# thresh 1e-20 never converges at the end of the iris lasso path (rounding), 1e-18 does
run_case("multinomial_iris_lasso", "multinomial", "iris.csv", "species", lambda_min_ratio = 0.01, thresh = 1e-18)
run_case("multinomial_iris_enet", "multinomial", "iris.csv", "species", alpha = 0.5, lambda_min_ratio = 0.01, thresh = 1e-18)

# poisson
run_case("poisson_quakes_lasso", "poisson", "quakes.csv", "stations")
run_case("poisson_quakes_enet_weighted", "poisson", "quakes_weighted.csv", "stations", weights = "w", alpha = 0.5)
run_case("poisson_quakes_ridge", "poisson", "quakes.csv", "stations", alpha = 0)
