#!/usr/bin/env Rscript
# Golden refits for the glmnet row of Occam's conventions converter.
#
#   cd occam-core/src/test/resources/golden/conventions && Rscript make_conventions.R
#
# Needs R with glmnet >= 4.1 (Debian: r-cran-glmnet) and the data in ../data (from ../make_golden.R).
# Each case fits glmnet at one (lambda, alpha), stated in glmnet's own terms, and stores the
# coefficients together with the facts the conversion may use (n, the sum of weights, and sigma_y:
# glmnet's scale of y for gaussian fits, the weighted 1/n standard deviation with an intercept and
# the root mean square without). The Java test (dev.occam.penalty.ConventionsRefitTest) converts the
# setting with dev.occam.penalty.Conventions, fits Occam and compares; the gaussian cases with
# alpha < 1 on a raw y (sigma_y far from 1) are the ones that show glmnet's scaling of y.
#
# glmnet is run down a path of 40 lambda values from its lambda_max to the target (warm starts; glmnet
# is inaccurate when asked for one small lambda alone), with thresh = 1e-20. The path also passes
# through 2 * lambda, whose solution gives `sensitivity`: how far the coefficients move when lambda
# doubles, i.e. the size of the error a wrong conversion would make. Writes glmnet.json.

suppressPackageStartupMessages(library(glmnet))
stopifnot(packageVersion("glmnet") >= "4.1")
options(warn = 2, stringsAsFactors = FALSE)   # a warning (e.g. non-convergence) stops the script
THRESH <- 1e-20
MAXIT <- 100000000L
glmnet.control(mxit = 1000L)

num <- function(x) {
  s <- as.character(x)
  bad <- is.na(s) | suppressWarnings(as.numeric(s)) != x
  s[bad] <- sprintf("%.17g", x[bad])
  s
}

# Minimal JSON: named list -> object; unnamed list or vector marked as array -> array.
json <- function(v, indent = "") {
  inner <- paste0(indent, " ")
  if (is.null(v)) return("null")
  if (is.list(v) && !is.null(names(v))) {
    items <- vapply(names(v), function(k) paste0(inner, "\"", k, "\": ", json(v[[k]], inner)), "")
    return(paste0("{\n", paste(items, collapse = ",\n"), "\n", indent, "}"))
  }
  if (is.list(v)) return(paste0("[\n", inner, paste(vapply(v, json, "", indent = inner), collapse = paste0(",\n", inner)), "\n", indent, "]"))
  if (length(v) != 1 || !is.null(attr(v, "array"))) {
    return(paste0("[", paste(vapply(as.vector(v), json, ""), collapse = ", "), "]"))
  }
  if (is.logical(v)) return(if (v) "true" else "false")
  if (is.numeric(v)) return(if (is.finite(v)) num(v) else stop("non-finite number in JSON"))
  paste0("\"", gsub("\"", "\\\\\"", v), "\"")
}
as_array <- function(v) structure(v, array = TRUE)

CASES <- list()

run_case <- function(name, file, target, family, lambda, alpha, standardize = TRUE, intercept = TRUE, weights = NULL) {
  d <- read.csv(file.path("..", "data", file), check.names = FALSE)
  features <- setdiff(names(d), c(target, weights))
  x <- as.matrix(d[, features])
  y <- if (family == "binomial") factor(d[[target]], levels = sort(unique(d[[target]]))) else d[[target]]
  w <- if (is.null(weights)) rep(1, nrow(d)) else d[[weights]]
  u <- w / sum(w)
  sd_y <- if (family != "gaussian") NULL
          else if (intercept) sqrt(sum(u * (y - sum(u * y))^2)) else sqrt(sum(u * y^2))
  args <- list(x = x, y = y, family = family, weights = w, alpha = alpha, standardize = standardize, intercept = intercept)
  lambda_max <- do.call(glmnet, c(args, list(nlambda = 2)))$lambda[1]
  stopifnot(2 * lambda < lambda_max)
  path <- sort(unique(c(exp(seq(log(lambda_max), log(lambda), length.out = 40)), 2 * lambda)), decreasing = TRUE)
  path[length(path)] <- lambda   # exactly the target, not exp(log(lambda))
  fit <- do.call(glmnet, c(args, list(lambda = path, thresh = THRESH, maxit = MAXIT)))
  stopifnot(length(fit$lambda) == length(path))
  last <- length(path)
  at2 <- which(path == 2 * lambda)
  beta <- as.matrix(fit$beta)
  sensitivity <- max(abs(beta[, at2] - beta[, last]), abs(fit$a0[at2] - fit$a0[last]))
  call <- sprintf("glmnet(x, y, family = \"%s\"%s, alpha = %s, standardize = %s, intercept = %s, lambda = <40 values from lambda_max down to %s>, thresh = 1e-20, maxit = 1e8)",
                  family, if (is.null(weights)) "" else paste0(", weights = ", weights), num(alpha), standardize, intercept, num(lambda))
  context <- list(n = nrow(d))
  if (!is.null(weights)) context$sum_weights <- sum(w)
  if (!is.null(sd_y)) context$sd_y <- sd_y
  CASES[[length(CASES) + 1]] <<- list(
    case = name,
    setting = "glmnet",
    parameters = list(lambda = lambda, alpha = alpha, standardize = standardize, family = family),
    data = paste0("data/", file),
    target = target,
    target_kind = if (family == "binomial") "class" else "numeric",
    weights = weights,
    context = context,
    intercept = intercept,
    constant_feature = NULL,
    expect_canonical = "match",
    peer_call = call,
    peer_intercept = unname(fit$a0[last]),
    peer_coefficients = as_array(unname(beta[, last])),
    tolerance = 1e-6,
    sensitivity = sensitivity,
    note = if (!is.null(sd_y) && alpha < 1) sprintf("sigma_y = %s: glmnet's L2 weight on the original scale is lambda (1 - alpha) / sigma_y", num(sd_y)) else NULL
  )
}

run_case("gaussian_lasso_raw", "diabetes.csv", "y", "gaussian", lambda = 2, alpha = 1)
run_case("gaussian_enet_raw", "diabetes.csv", "y", "gaussian", lambda = 1, alpha = 0.5)
run_case("gaussian_ridge_raw", "diabetes.csv", "y", "gaussian", lambda = 5, alpha = 0)
run_case("gaussian_enet_no_standardize", "diabetes.csv", "y", "gaussian", lambda = 1, alpha = 0.5, standardize = FALSE)
run_case("gaussian_enet_no_intercept", "diabetes.csv", "y", "gaussian", lambda = 1, alpha = 0.5, intercept = FALSE)
run_case("gaussian_enet_weighted", "quakes_weighted.csv", "stations", "gaussian", lambda = 1, alpha = 0.3, weights = "w")
run_case("binomial_enet", "breast_cancer.csv", "diagnosis", "binomial", lambda = 0.01, alpha = 0.5)
run_case("binomial_ridge", "breast_cancer.csv", "diagnosis", "binomial", lambda = 0.05, alpha = 0)
run_case("poisson_enet", "quakes.csv", "stations", "poisson", lambda = 0.1, alpha = 0.5)

writeLines(paste0("{\n \"tool\": \"glmnet ", packageVersion("glmnet"), " (", R.version.string, ")\",\n \"cases\": ",
                  json(CASES, " "), "\n}"), "glmnet.json")
cat(sprintf("wrote %d cases to glmnet.json\n", length(CASES)))
