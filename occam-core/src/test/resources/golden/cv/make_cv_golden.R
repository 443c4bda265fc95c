# Golden values for Occam's cross-validation (dev.occam.select.CrossValidation) from glmnet's cv.glmnet.
#
# Run from this directory:   Rscript make_cv_golden.R
# Made with R 4.x and glmnet 4.1-6 (the versions are written to versions.txt).
#
# Writes
#   <data>.csv      the data: features, target, a fixed fold id column "foldid" (1..K) and,
#                   for mtcars, a sample-weight column "w"
#   cases.csv       one row per case: file, target, family, alpha, measure, fold_lambdas, weights,
#                   thresh, lambda_min, lambda_1se, index_min, index_1se (1-based as in R), n_lambda
#   <case>.csv      lambda, cvm, cvsd, nzero of that case, one row per lambda
#
# fold_lambdas: "own"  = cv.glmnet's default: every fold fits its own lambda sequence and is
#                        predicted at the full-data lambdas by linear interpolation (predict s=);
#               "full" = cv.glmnet(..., lambda = <full-data lambdas>): every fold is fitted at
#                        exactly the full-data lambda sequence;
#               "given" = as "full", and the Java side is given the same lambda sequence as the
#                        user's (this compares the cross-validation without depending on where
#                        each solver stops a computed path early).
# Fits use thresh = 1e-20 (glmnet's convergence threshold; iris 1e-18, where 1e-20 never
# converges at the end of a fold's path): glmnet run to full precision, the exact optimum that
# Occam's default (certified) rule reaches. At thresh = 1e-14 glmnet is still up to ~1e-7 away
# from it on correlated columns (mtcars), enough to move lambda.min on a flat curve.
# Gaussian cases use alpha = 1 only: for alpha < 1 glmnet standardizes y inside every fold fit,
# which changes its L2 term relative to Occam's canonical objective (see ElasticNet's javadoc).

suppressPackageStartupMessages({
  library(glmnet)
  library(MASS)
})

num <- function(x) sprintf("%.17g", x)

write_num_csv <- function(df, file) {
  out <- df
  for (j in seq_along(out)) if (is.numeric(out[[j]])) out[[j]] <- num(out[[j]])
  write.csv(out, file, row.names = FALSE, quote = FALSE)
}

cases <- list()

run_case <- function(name, file, x, y, family, alpha, measure, fold_lambdas, foldid,
                     weights = NULL, weights_column = "", thresh = 1e-20) {
  w <- if (is.null(weights)) rep(1, nrow(x)) else weights
  lambda <- NULL
  if (fold_lambdas != "own") {
    lambda <- glmnet(x, y, family = family, alpha = alpha, weights = w, thresh = thresh, maxit = 1e7)$lambda
  }
  cv <- cv.glmnet(x, y, family = family, alpha = alpha, weights = w, foldid = foldid,
                  type.measure = measure, thresh = thresh, maxit = 1e7, lambda = lambda)
  stopifnot(cv$name != "")
  write_num_csv(data.frame(lambda = cv$lambda, cvm = cv$cvm, cvsd = cv$cvsd, nzero = as.numeric(cv$nzero)),
                paste0(name, ".csv"))
  cases[[length(cases) + 1]] <<- data.frame(
    case = name, file = file, target = attr(y, "target"), family = family, alpha = alpha,
    measure = measure, fold_lambdas = fold_lambdas, weights = weights_column, thresh = thresh,
    lambda_min = num(cv$lambda.min), lambda_1se = num(cv$lambda.1se),
    index_min = cv$index["min", 1], index_1se = cv$index["1se", 1], n_lambda = length(cv$lambda))
}

# --- gaussian: mtcars, mpg on the other 10 columns, K = 4 --------------------------------
set.seed(20240601)
mt <- mtcars
mt_fold <- sample(rep(1:4, length.out = nrow(mt)))
mt_w <- rep(c(1, 2, 0.5), length.out = nrow(mt))
write_num_csv(data.frame(mt[, -1], mpg = mt$mpg, w = mt_w, foldid = mt_fold), "mtcars.csv")
x <- as.matrix(mt[, -1])
y <- mt$mpg
attr(y, "target") <- "mpg"
for (m in c("mse", "mae", "deviance")) {
  run_case(paste0("mtcars_", m), "mtcars.csv", x, y, "gaussian", 1, m, "own", mt_fold, thresh = 1e-20)
}
run_case("mtcars_mse_full", "mtcars.csv", x, y, "gaussian", 1, "mse", "full", mt_fold, thresh = 1e-20)
run_case("mtcars_mse_weighted", "mtcars.csv", x, y, "gaussian", 1, "mse", "own", mt_fold, mt_w, "w", thresh = 1e-20)

# --- binomial: MASS::Pima.tr (200 rows), type (No/Yes) on 7 measurements, K = 5 -----------
set.seed(20240602)
pima <- Pima.tr
pima_fold <- sample(rep(1:5, length.out = nrow(pima)))
write_num_csv(data.frame(pima[, 1:7], type = as.character(pima$type), foldid = pima_fold), "pima.csv")
x <- as.matrix(pima[, 1:7])
y <- pima$type
attr(y, "target") <- "type"
for (a in c(1, 0.5)) {
  for (m in c("deviance", "class", "auc", "mse", "mae")) {
    run_case(sprintf("pima_a%s_%s", a, m), "pima.csv", x, y, "binomial", a, m, "own", pima_fold)
  }
}
run_case("pima_a1_deviance_full", "pima.csv", x, y, "binomial", 1, "deviance", "full", pima_fold)
run_case("pima_a0.5_auc_full", "pima.csv", x, y, "binomial", 0.5, "auc", "full", pima_fold)

# --- poisson: quakes (1000 rows), stations on lat, long, depth, mag, K = 10 ---------------
set.seed(20240603)
qk <- quakes
qk_fold <- sample(rep(1:10, length.out = nrow(qk)))
write_num_csv(data.frame(qk[, 1:4], stations = qk$stations, foldid = qk_fold), "quakes.csv")
x <- as.matrix(qk[, 1:4])
y <- qk$stations
attr(y, "target") <- "stations"
# "given": glmnetpp stops poisson paths early by its own rule (sml*10, deviance change over the
# last mnl lambdas), which Occam's path does not follow yet; a given sequence is never stopped.
for (m in c("deviance", "mse", "mae")) {
  run_case(paste0("quakes_", m), "quakes.csv", x, y, "poisson", 1, m, "given", qk_fold)
}

# --- multinomial: iris, Species on the two sepal measurements, K = 5 ----------------------
# (with all four measurements the classes are nearly separable: at thresh = 1e-14 glmnet stops
# fold paths early for lack of convergence, which is no basis for a comparison)
# Seed chosen so that no fold's training rows hold two classes equally often: with equal counts
# two classes' intercepts tie near lambda_max and the predicted class is decided by rounding.
set.seed(20240606)
ir <- iris
ir_fold <- sample(rep(1:5, length.out = nrow(ir)))
write_num_csv(data.frame(ir[, 1:2], Species = as.character(ir$Species), foldid = ir_fold), "iris.csv")
x <- as.matrix(ir[, 1:2])
y <- ir$Species
attr(y, "target") <- "Species"
for (m in c("deviance", "class")) {
  run_case(paste0("iris_", m), "iris.csv", x, y, "multinomial", 1, m, "own", ir_fold, thresh = 1e-18)
}

# --- gaussian: MASS::Boston (506 rows), medv on the other 13 columns, K = 10 ---------------
set.seed(20261202)
bo <- Boston
bo_fold <- sample(rep(1:10, length.out = nrow(bo)))
write_num_csv(data.frame(bo[, -14], medv = bo$medv, foldid = bo_fold), "boston.csv")
x <- as.matrix(bo[, -14])
y <- bo$medv
attr(y, "target") <- "medv"
for (m in c("mse", "mae")) {
  run_case(paste0("boston_", m), "boston.csv", x, y, "gaussian", 1, m, "own", bo_fold)
}

# --- binomial: breast cancer (569 rows, 30 features), diagnosis, K = 10 -------------------
set.seed(20261203)
bc <- read.csv("../data/breast_cancer.csv", check.names = FALSE)
bc_fold <- sample(rep(1:10, length.out = nrow(bc)))
bc_x <- bc[, names(bc) != "diagnosis"]
write_num_csv(data.frame(bc_x, diagnosis = bc$diagnosis, foldid = bc_fold, check.names = FALSE), "breast_cancer.csv")
x <- as.matrix(bc_x)
y <- factor(bc$diagnosis)
attr(y, "target") <- "diagnosis"
for (m in c("deviance", "class", "auc")) {
  run_case(paste0("breast_cancer_", m), "breast_cancer.csv", x, y, "binomial", 1, m, "own", bc_fold)
}

stopifnot(is.null(warnings()) || length(warnings()) == 0)
write.csv(do.call(rbind, cases), "cases.csv", row.names = FALSE, quote = FALSE)
writeLines(c(R.version.string, paste("glmnet", as.character(packageVersion("glmnet")))), "versions.txt")
